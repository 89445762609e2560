// `npm start`: serve the studio, building it first when there is no build or the
// sources changed since the last one, so a fresh clone needs nothing but
// `npm install && npm start`. Listens on loopback unless HOST says otherwise:
// the studio holds an API token.
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addCompileHints } from "./compile-hints.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildId = path.join(root, ".next", "BUILD_ID");

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "package.json",
  "next.config.mjs",
  "tailwind.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
];

const port = process.env.PORT || "3000";
const host = process.env.HOST || "127.0.0.1";

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first source path newer than `since`, or undefined when the build is current. */
function newerSource(since) {
  for (const file of SOURCE_FILES) {
    if ((mtime(path.join(root, file)) ?? 0) > since) return file;
  }
  const stack = SOURCE_DIRS.map((dir) => path.join(root, dir));
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if ((mtime(full) ?? 0) > since) return path.relative(root, full);
    }
  }
  return undefined;
}

function log(message) {
  console.log(`[studio] ${message}`);
}

let child;
let stopping = false;

function exitCode(code, signal) {
  return code ?? 128 + (constants.signals[signal] ?? 0);
}

/**
 * The server ends its long-polls and exits within about two seconds of the
 * signal (lib/server/http/shutdown.ts). Should it hang anyway, it is killed: a server
 * left running holds the port and the engine's data dir from the next start.
 */
const FORCE_KILL_MS = 5_000;

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    const running = child && child.exitCode === null && child.signalCode === null;
    if (!running) process.exit(128 + constants.signals[signal]);
    if (stopping) return; // Ctrl+C reaches both processes; one stop is enough
    stopping = true;
    child.kill(signal);
    setTimeout(() => {
      log(`the server did not stop within ${FORCE_KILL_MS / 1000} s: killing it`);
      child.kill("SIGKILL");
    }, FORCE_KILL_MS).unref();
  });
}

/** Runs `next <args>` with the terminal attached; resolves with its exit code. */
function next(args, env = process.env, nodeFlags = []) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, [...nodeFlags, nextBin, ...args], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    child.on("error", (error) => {
      console.error(`[studio] could not run next: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(exitCode(code, signal)));
  });
}

function staleReason() {
  const built = mtime(buildId);
  if (built === undefined) return "no build yet";
  const changed = newerSource(built);
  return changed && `${changed} changed since the last build`;
}

const reason = staleReason();
if (reason) {
  log(`building (${reason}) …`);
  const code = await next(["build"]);
  if (code !== 0 || stopping) {
    if (!stopping) console.error(`[studio] next build failed (exit ${code})`);
    process.exit(code || 1);
  }
  addCompileHints(path.join(root, ".next"));
}

/**
 * glibc's allocator, tuned for a server that renders images (the embedded engine,
 * reference checks) on libuv's worker threads. By default every thread gets its own
 * arena and freed image buffers stay inside it: under bench:load RSS grew from
 * ~120 MB to 500+ MB and on, while the JS heap stayed near 55 MB (bench/RESULTS.md).
 * Two arenas, and buffers of 128 kB and more mapped on their own (so freeing one
 * returns it to the system), keep RSS flat. glibc reads these at process start, hence
 * here; a value already in the environment wins.
 */
const MALLOC_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" };

/**
 * V8's heap, sized for a server whose live JS data is 60–90 MB. Left alone, V8 let
 * the old generation grow to ~270 MB under bench:load (garbage of 20 requests a
 * second, collected late) and kept it; RSS settled at 440–540 MB. Capped at 160 MB
 * (with 8 MB young semispaces) it collects sooner: RSS settled at 220–240 MB for the
 * same load, latency unchanged (bench/RESULTS.md, figure 8). Only for serving, not
 * for `next build`; a flag already in NODE_OPTIONS wins.
 */
const HEAP_FLAGS = ["--max-old-space-size=160", "--max-semi-space-size=8"].filter(
  (flag) => !(process.env.NODE_OPTIONS ?? "").includes(flag.split("=")[0]),
);

log(`serving on http://${host}:${port}`);
// PORT is exported so the server reaches its own embedded engine on the right port.
process.exit(
  await next(
    ["start", "--port", port, "--hostname", host],
    { ...MALLOC_ENV, ...process.env, PORT: port },
    HEAP_FLAGS,
  ),
);
