import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Next enforces "server-only" at build time; under Vitest it is a no-op.
      "server-only": fileURLToPath(
        new URL("./lib/server/testing/server-only-stub.ts", import.meta.url),
      ),
    },
  },
  test: {
    // e2e/support holds Node helpers of the e2e run (the browser resolver) with unit tests.
    include: ["{lib,app,components}/**/*.test.{ts,tsx}", "e2e/support/**/*.test.ts"],
    environment: "node",
    // @civitai/client ships ESM with directory imports, which Node's loader
    // refuses; let Vite transform it instead.
    server: { deps: { inline: ["@civitai/client"] } },
    // Route tests send more submits a minute than a designer would; the limiter's
    // own tests (lib/server/http/rate-policy.test.ts) switch it back on.
    env: { STUDIO_RATE_LIMIT: "off" },
    // With DATABASE_URL (npm run test:pg): a Postgres schema per test file.
    setupFiles: ["lib/server/testing/db-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Most engine tests wait on real timers rather than the CPU, so more
    // workers than cores still shortens the run on a 2-core CI machine.
    maxWorkers: 4,
  },
});
