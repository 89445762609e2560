// The process-wide engine, configured from the environment. Kept on
// globalThis because Next may evaluate this module more than once (one copy
// per bundle, and again on every dev reload); two engines on one data dir
// would run every job twice.
import { optionsFromEnv } from "./config";
import { createEngine, type Engine } from "./engine";

declare global {
  // A `var` is how TypeScript types a property of globalThis.
  var __kreaStudioLocalEngine: Engine | undefined;
}

export function getEngine(): Engine {
  return (globalThis.__kreaStudioLocalEngine ??= createEngine(optionsFromEnv()));
}

/** Closes the shared engine (tests, shutdown); the next getEngine() starts a fresh one. */
export async function closeEngine(): Promise<void> {
  const engine = globalThis.__kreaStudioLocalEngine;
  globalThis.__kreaStudioLocalEngine = undefined;
  await engine?.close();
}
