import "server-only";
import { stopEngine } from "@/lib/engine/get-engine";

// Prompt shutdown on SIGINT/SIGTERM (Ctrl+C, `docker stop`). Next stops
// accepting connections but then waits for every request in flight, and a tab's
// long-polls keep its connections busy: the old server lived on for a minute,
// holding the engine's lock while the next one started. Here long-polls answer
// at once, the engine closes (its lock freed), and the process exits after a
// short grace whatever is still open. Installed from instrumentation.ts.

/** How long requests in flight get to finish after the signal. */
export const SHUTDOWN_GRACE_MS = 2_000;

declare global {
  var __kreaStudioShutdown: AbortController | undefined;
  var __kreaStudioShutdownInstalled: boolean | undefined;
}

const controller = () => (globalThis.__kreaStudioShutdown ??= new AbortController());

/** Aborts when the server begins to shut down: long-polls listen to it. */
export function shutdownSignal(): AbortSignal {
  return controller().signal;
}

export function isShuttingDown(): boolean {
  return controller().signal.aborted;
}

export function installShutdown(): void {
  if (globalThis.__kreaStudioShutdownInstalled) return;
  globalThis.__kreaStudioShutdownInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void beginShutdown(signal === "SIGINT" ? 130 : 143));
  }
}

export async function beginShutdown(exitCode: number): Promise<void> {
  if (isShuttingDown()) return;
  console.log("[studio] shutting down: ending long-polls and closing the local engine");
  controller().abort(new Error("The studio is shutting down."));
  // Not unref'd: this is what guarantees the exit while connections stay open.
  setTimeout(() => process.exit(exitCode), SHUTDOWN_GRACE_MS);
  try {
    await stopEngine();
  } catch (error) {
    console.error(`[studio] closing the local engine failed: ${String(error)}`);
  }
}
