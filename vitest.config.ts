import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Next enforces "server-only" at build time; under Vitest it is a no-op.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,app,components}/**/*.test.{ts,tsx}"],
    environment: "node",
    // @civitai/client ships ESM with directory imports, which Node's loader
    // refuses; let Vite transform it instead.
    server: { deps: { inline: ["@civitai/client"] } },
    testTimeout: 20_000,
    // The SDK ships ESM with extensionless/directory imports that plain Node
    // refuses; letting Vite transform it resolves them the way bundlers do.
    server: { deps: { inline: ["@civitai/client"] } },
    hookTimeout: 60_000,
  },
});
