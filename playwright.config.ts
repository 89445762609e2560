import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./e2e/support/find-chromium.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT || 3210);
const baseURL = `http://127.0.0.1:${port}`;
// Its own data dir, wiped before the server starts: runs are reproducible and
// never see (or change) the designer's own .data.
const dataDir = path.join(root, ".data", "e2e");
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  // e2e/support/*.test.ts are unit tests of the helpers (Vitest).
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // CI has two cores; more workers only queue behind the server.
  workers: Number(process.env.E2E_WORKERS) || 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // CHROMIUM_PATH, a system Chromium, Playwright's own, or one installed
        // now (e2e/support/find-chromium.mjs); one line says what to install if none.
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--disable-dev-shm-usage",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf "${dataDir}" && npm start`,
    url: `${baseURL}/`,
    // `npm start` builds first on a fresh clone: a cold `next build` on two cores.
    timeout: 300_000,
    reuseExistingServer: !isCI,
    stdout: "pipe",
    stderr: "pipe",
    // Playwright merges this over the inherited environment, so the variables
    // that would point the studio at Civitai are blanked, not just left out
    // (an empty value also wins over a .env file in Next). ORCHESTRATOR_URL is
    // the embedded engine itself: with no token the studio uses it as always,
    // and a token entered in the Token dialog makes the studio treat it as
    // "Civitai" (the engine rejects tokens starting with "invalid" with 401).
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      STUDIO_DATA_DIR: dataDir,
      STUDIO_SECRET: "",
      LOCAL_ENGINE_SPEED: "fast",
      CIVITAI_TOKEN: "",
      ORCHESTRATOR_URL: `${baseURL}/api/local-engine`,
      // Specs submit through the API far faster than a designer, all from one
      // anonymous client; security.spec.ts checks the limits on its own server.
      STUDIO_RATE_LIMIT: "off",
      STUDIO_ACCESS_KEY: "",
      // The main server is one instance on SQLite and memory, even where the shell
      // names shared services; e2e/two-instances.spec.ts starts its own pair on them.
      DATABASE_URL: "",
      REDIS_URL: "",
      // No internet here: the engine judges pasted reference links by DNS as FAL's
      // fetch would, so the public hosts the specs paste (and the recipe's
      // image.civitai.com) are named, with a stand-in public address: the engine
      // only judges it, never connects. Unnamed hosts do not resolve and fail the step.
      LOCAL_ENGINE_HOSTS:
        "example.com=93.184.215.14,example.org=93.184.215.14,image.civitai.com=93.184.215.14",
    },
  },
});
