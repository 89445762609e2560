// The process-wide engine, configured from the environment. Kept on
// globalThis because Next may evaluate this module more than once (one copy
// per bundle, and again on every dev reload); two engines on one data dir
// would run every job twice.
import { optionsFromEnv } from "./config";
import { brokenEngine, createEngine, type Engine } from "./engine";

declare global {
  // A `var` is how TypeScript types a property of globalThis.
  var __kreaStudioLocalEngine: Engine | undefined;
}

export function getEngine(): Engine {
  return (globalThis.__kreaStudioLocalEngine ??= createFromEnv());
}

function createFromEnv(): Engine {
  try {
    return createEngine(optionsFromEnv());
  } catch (error) {
    // The route keeps answering problem+json with the reason instead of a bare 500 page.
    console.error(
      `[local-engine] could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    return brokenEngine(error);
  }
}

/** Closes the shared engine (tests, shutdown); the next getEngine() starts a fresh one. */
export async function closeEngine(): Promise<void> {
  const engine = globalThis.__kreaStudioLocalEngine;
  globalThis.__kreaStudioLocalEngine = undefined;
  await engine?.close();
}
