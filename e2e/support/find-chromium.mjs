// Which Chromium the e2e tests (playwright.config.ts), the bench and CI use, so
// `npm install && npm test` works on a bare machine and a broken browser is named
// at once instead of failing deep inside Playwright. In order: CHROMIUM_PATH; a
// Chromium or Chrome on PATH (or the usual macOS app); Playwright's own installed
// browser; on Debian/Ubuntu as root, Debian's `chromium` from apt; `npx playwright
// install chromium`; else one line saying what to install. Every candidate must
// answer `--version`, so a dead /usr/bin/chromium is skipped, not launched.
// Plain .mjs with its effects injected: Node scripts import it as is, and the unit
// test drives it with a fake PATH, environment and file system.
import { execFileSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Names a Chromium or Chrome goes by on PATH. */
export const BROWSER_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "chrome",
];
const MAC_APPS = [
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export const NOTHING_FOUND =
  "No Chromium for the tests: install Chromium or Google Chrome (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere `npx playwright install chromium`), or set CHROMIUM_PATH to one.";

/**
 * @typedef {object} System
 * @property {Record<string, string | undefined>} env
 * @property {string} platform
 * @property {(file: string) => boolean} isExecutable
 * @property {(file: string) => boolean} runs  the binary answers `--version`
 * @property {() => string | undefined} playwrightBrowser  where Playwright keeps its Chromium
 * @property {() => boolean} isRoot
 * @property {() => string} osRelease  the text of /etc/os-release, "" when absent
 * @property {(command: string, args: string[]) => boolean} run  true when it exited 0
 * @property {(line: string) => void} log
 */

/** @param {System} sys @returns {string | undefined} */
function onPath(sys) {
  const dirs = (sys.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const names = sys.platform === "win32" ? BROWSER_NAMES.map((n) => `${n}.exe`) : BROWSER_NAMES;
  const candidates = dirs.flatMap((dir) => names.map((name) => path.join(dir, name)));
  if (sys.platform === "darwin") candidates.push(...MAC_APPS);
  return candidates.find((file) => sys.isExecutable(file) && sys.runs(file));
}

/** @param {System} sys */
function playwrights(sys) {
  const file = sys.playwrightBrowser();
  return file && sys.isExecutable(file) && sys.runs(file) ? file : undefined;
}

/** @param {string} osRelease */
export function isDebianLike(osRelease) {
  const field = (key) =>
    new RegExp(`^${key}="?([^"\\n]*)"?$`, "m").exec(osRelease)?.[1]?.toLowerCase() ?? "";
  return /\b(debian|ubuntu)\b/.test(`${field("ID")} ${field("ID_LIKE")}`);
}

/**
 * The path of a working Chromium, installing one when there is none.
 * @param {System} sys
 * @returns {{ path: string, source: string }}
 */
export function findChromium(sys) {
  const given = sys.env.CHROMIUM_PATH;
  if (given) {
    if (sys.isExecutable(given) && sys.runs(given)) return { path: given, source: "CHROMIUM_PATH" };
    // Asked for by name: falling back to another browser would hide the mistake.
    throw new Error(
      `CHROMIUM_PATH=${given} is not a Chromium that runs (\`${given} --version\` failed); fix or unset it.`,
    );
  }
  const system = onPath(sys);
  if (system) return { path: system, source: "PATH" };
  const own = playwrights(sys);
  if (own) return { path: own, source: "Playwright" };

  if (sys.platform === "linux" && sys.isRoot() && isDebianLike(sys.osRelease())) {
    sys.log("[e2e] no Chromium found: installing Debian's chromium with apt-get…");
    if (sys.run("apt-get", ["update"]) && sys.run("apt-get", ["install", "-y", "chromium"])) {
      const installed = onPath(sys);
      if (installed) return { path: installed, source: "apt-get" };
    }
  }
  sys.log("[e2e] no Chromium found: running `npx playwright install chromium`…");
  if (sys.run("npx", ["playwright", "install", "chromium"])) {
    const downloaded = playwrights(sys);
    if (downloaded) return { path: downloaded, source: "npx playwright install" };
  }
  throw new Error(NOTHING_FOUND);
}

/** This machine, for findChromium. @returns {System} */
export function realSystem() {
  return {
    env: process.env,
    platform: process.platform,
    isExecutable(file) {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    runs(file) {
      try {
        execFileSync(file, ["--version"], { stdio: "ignore", timeout: 20_000 });
        return true;
      } catch {
        return false;
      }
    },
    playwrightBrowser() {
      try {
        // playwright-core comes with @playwright/test; no browser needs to exist for this.
        const require = createRequire(import.meta.url);
        return require("playwright-core").chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    isRoot: () => process.getuid?.() === 0,
    osRelease() {
      try {
        return readFileSync("/etc/os-release", "utf8");
      } catch {
        return "";
      }
    },
    run(command, args) {
      try {
        execFileSync(command, args, {
          stdio: ["ignore", "inherit", "inherit"],
          env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
        });
        return true;
      } catch {
        return false;
      }
    },
    log: (line) => console.error(line),
  };
}

/**
 * The Chromium for this process, found once: the result goes into CHROMIUM_PATH,
 * so Playwright's workers (which load the config again) and child processes skip
 * the search.
 */
export function chromiumPath() {
  const found = findChromium(realSystem());
  process.env.CHROMIUM_PATH = found.path;
  return found.path;
}

// `node e2e/support/find-chromium.mjs` prints the path (CI uses it to get a browser first).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(chromiumPath());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
