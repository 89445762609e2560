// The process-wide engine, configured from the environment. Kept on
// globalThis because Next may evaluate this module more than once (one copy
// per bundle, and again on every dev reload); two engines on one data dir
// would run every job twice.
//
// A restart can overlap the previous server for a moment: its engine still
// holds the data dir's lock. Then this engine waits (503 with Retry-After) and
// retries taking the lock until it gets it, instead of staying broken until the
// next restart. Bad settings never heal by themselves: those stay "failed".
import { optionsFromEnv } from "./config";
import { brokenEngine, createEngine, unavailableEngine, type Engine } from "./engine";
import { EngineLockedError } from "./lock";

/** What /api/health reports about the embedded engine. */
export type EngineState =
  { state: "ready" | "off" } | { state: "waiting" | "failed" | "stopping"; detail: string };

/**
 * The variables the engine's settings are read from (ENGINE_ENV_VARIABLES):
 * process.env by default; the studio passes its own reader (lib/server/env.ts).
 */
export type ReadEngineEnv = () => Readonly<Record<string, string | undefined>>;

interface StartSlot {
  status: EngineState;
  retry?: ReturnType<typeof setInterval>;
}

declare global {
  // A `var` is how TypeScript types a property of globalThis.
  var __kreaStudioLocalEngine: Engine | undefined;
  var __kreaStudioEngineStart: StartSlot | undefined;
}

/** How often a waiting engine tries the lock again (a request also tries at once). */
export const LOCK_RETRY_MS = 500;

const slot = (): StartSlot =>
  (globalThis.__kreaStudioEngineStart ??= { status: { state: "ready" } });

export function getEngine(readEnv: ReadEngineEnv = () => process.env): Engine {
  const start = slot();
  if (start.status.state === "stopping") return stopped();
  if (!globalThis.__kreaStudioLocalEngine || start.status.state === "waiting")
    tryStart(start, readEnv);
  return globalThis.__kreaStudioLocalEngine ?? stopped();
}

/** The engine's real state; starts it (or retries its lock) when needed. */
export function engineState(readEnv?: ReadEngineEnv): EngineState {
  getEngine(readEnv);
  return slot().status;
}

function tryStart(start: StartSlot, readEnv: ReadEngineEnv): void {
  const wasWaiting = start.status.state === "waiting";
  try {
    const options = optionsFromEnv({ ...readEnv() });
    globalThis.__kreaStudioLocalEngine = createEngine(options);
    start.status = { state: options.enabled === false ? "off" : "ready" };
    stopRetrying(start);
    if (wasWaiting) console.log("[local-engine] started: the data dir is free again");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof EngineLockedError) {
      if (!wasWaiting)
        console.error(`[local-engine] waiting: ${detail} Retrying until it is free.`);
      start.status = { state: "waiting", detail };
      globalThis.__kreaStudioLocalEngine = unavailableEngine(
        `The local engine is starting: ${detail} It retries by itself.`,
      );
      start.retry ??= setInterval(() => {
        if (slot() === start && start.status.state === "waiting") tryStart(start, readEnv);
      }, LOCK_RETRY_MS);
      // Waiting must not keep a process alive that is otherwise done.
      start.retry.unref?.();
      return;
    }
    // The route keeps answering problem+json with the reason instead of a bare 500 page.
    console.error(`[local-engine] could not start: ${detail}`);
    start.status = { state: "failed", detail };
    globalThis.__kreaStudioLocalEngine = brokenEngine(error);
  }
}

function stopRetrying(start: StartSlot): void {
  if (start.retry) clearInterval(start.retry);
  start.retry = undefined;
}

function stopped(): Engine {
  return unavailableEngine("The studio is shutting down.");
}

/** Closes the shared engine (tests); the next getEngine() starts a fresh one. */
export async function closeEngine(): Promise<void> {
  const engine = globalThis.__kreaStudioLocalEngine;
  const start = globalThis.__kreaStudioEngineStart;
  if (start) stopRetrying(start);
  globalThis.__kreaStudioLocalEngine = undefined;
  globalThis.__kreaStudioEngineStart = undefined;
  await engine?.close();
}

/**
 * Shutdown: from now on every request gets 503 and nothing starts again; long-polls
 * waiting on the engine end, and its lock is released for the next server.
 */
export async function stopEngine(): Promise<void> {
  const start = slot();
  stopRetrying(start);
  start.status = { state: "stopping", detail: "The studio is shutting down." };
  const engine = globalThis.__kreaStudioLocalEngine;
  globalThis.__kreaStudioLocalEngine = stopped();
  await engine?.close();
}
