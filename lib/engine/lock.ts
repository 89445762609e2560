// One engine per data dir. Two engines on the same database (`next dev` and
// `npm run engine` both on .data/) would each resume and run the same jobs, so
// the second one refuses to start with a message saying who holds the dir
// (EngineLockedError; the studio keeps retrying, see get-engine.ts). A lock left
// by a killed process is taken over: its pid is no longer alive. Locks this
// process holds are removed when it exits, however it exits.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

declare global {
  // Locks held by engines in this process, shared by every copy of this module.
  var __kreaStudioEngineLocks: Set<string> | undefined;
}

const held = (globalThis.__kreaStudioEngineLocks ??= new Set<string>());

/** Another live process holds the data dir: starting may succeed once it lets go. */
export class EngineLockedError extends Error {
  constructor(
    readonly owner: number,
    engineDir: string,
  ) {
    super(
      `Another local engine (pid ${owner}) is using ${engineDir}. Stop it, or give this one its own STUDIO_DATA_DIR.`,
    );
    this.name = "EngineLockedError";
  }
}

declare global {
  var __kreaStudioLockExitHook: boolean | undefined;
}

// process.exit() (a forced shutdown) skips the engine's close(): the lock must not outlive us.
if (!globalThis.__kreaStudioLockExitHook) {
  globalThis.__kreaStudioLockExitHook = true;
  process.once("exit", () => {
    for (const file of held) {
      try {
        if (Number(readFileSync(file, "utf8").trim()) === process.pid)
          rmSync(file, { force: true });
      } catch {
        // already gone
      }
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/** Takes the data dir's lock or throws; returns the release function. */
export function acquireLock(engineDir: string): () => void {
  const file = path.join(engineDir, "engine.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      return () => {
        held.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    const owner = Number(readFileSync(file, "utf8").trim()) || 0;
    const ours = owner === process.pid;
    if ((ours && held.has(file)) || (!ours && owner > 0 && alive(owner))) {
      throw new EngineLockedError(owner, engineDir);
    }
    // Stale: left by a process that is gone (or by an earlier life of this pid).
    rmSync(file, { force: true });
  }
  throw new Error(`Could not take the engine lock in ${engineDir}`);
}
