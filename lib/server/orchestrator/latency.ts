import "server-only";

// How long the orchestrator took to answer, per host, measured on the studio's
// own calls (never an extra request: /api/health costs the orchestrator
// nothing). Long polls are left out: they wait on purpose.

export interface LatencySample {
  latencyMs: number;
  at: string;
}

const last = new Map<string, LatencySample>();

export function recordLatency(baseUrl: string, latencyMs: number, now = Date.now()): void {
  last.delete(baseUrl);
  last.set(baseUrl, { latencyMs: Math.round(latencyMs), at: new Date(now).toISOString() });
  if (last.size > 100) last.delete(last.keys().next().value ?? "");
}

/** The last answered call to this host, or null when none was made since the start. */
export function lastLatency(baseUrl: string): LatencySample | null {
  return last.get(baseUrl) ?? null;
}
