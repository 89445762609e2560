// Starting and stopping the studio (and a standalone engine) for the bench, on
// loopback only, each on a fresh data dir, plus memory readings from /proc.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sleep } from "./stats.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const outDir = path.join(root, "bench", ".out");

export function freshDir(name) {
  const dir = path.join(outDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Env that points nothing at Civitai and lifts the studio's rate limits for measuring. */
function benchEnv(extra) {
  const env = { ...process.env, HOST: "127.0.0.1" };
  for (const name of ["CIVITAI_TOKEN", "ORCHESTRATOR_URL", "STUDIO_ACCESS_KEY"]) delete env[name];
  return { ...env, STUDIO_RATE_LIMIT: "off", ...extra };
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The deepest descendant's pid: `npm start` runs a launcher that runs `next start`. */
function serverPid(pid) {
  for (;;) {
    let children = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean);
    } catch {
      return pid;
    }
    if (children.length === 0) return pid;
    pid = Number(children[children.length - 1]);
  }
}

/** Resident and peak memory of a process in bytes (VmRSS, VmHWM). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const read = (key) =>
      Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
    return { rss: read("VmRSS"), peak: read("VmHWM") };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

function startProcess(command, args, env, logName) {
  const logFile = path.join(outDir, `${logName}.log`);
  mkdirSync(outDir, { recursive: true });
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const chunks = [];
  child.stdout.on("data", (c) => chunks.push(c));
  child.stderr.on("data", (c) => chunks.push(c));
  return {
    child,
    log: () => Buffer.concat(chunks).toString("utf8"),
    logFile,
    async stop() {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      for (let i = 0; i < 40 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    },
  };
}

/** `npm start` (builds when stale) on a port and data dir of its own. */
export async function startStudio({ port, dataDir, env = {}, label = `studio-${port}` }) {
  const proc = startProcess(
    process.execPath,
    [path.join(root, "lib", "server", "cli", "start.mjs")],
    benchEnv({ PORT: String(port), STUDIO_DATA_DIR: dataDir, ...env }),
    label,
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/api/health`, proc.child, 600_000);
  } catch (error) {
    console.error(proc.log().slice(-3000));
    throw error;
  }
  return { ...proc, url, pid: () => serverPid(proc.child.pid) };
}

/** The embedded engine alone (`npm run engine`). */
export async function startEngine({ port, dataDir, env = {} }) {
  const proc = startProcess(
    process.execPath,
    [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "lib/engine/standalone.ts"],
    benchEnv({ PORT: String(port), STUDIO_DATA_DIR: dataDir, ...env }),
    `engine-${port}`,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/_engine/stats`, proc.child, 60_000);
  return { ...proc, url, pid: () => serverPid(proc.child.pid) };
}
