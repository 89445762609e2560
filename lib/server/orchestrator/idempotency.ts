import "server-only";
import { createHash } from "node:crypto";
import type { OrchestratorTarget } from "./target";
import type { SubmitResult } from "./workflows";

// Step 4 of exactly once (README "How it works"): in one process, concurrent
// requests with one key share a single upstream call, and a later repeat is
// answered 200 as a replay, not 201.

const MAX_SEEN = 5_000;
const inflight = new Map<string, Promise<SubmitResult>>();
const seen = new Set<string>();

function scopeKey(target: OrchestratorTarget, key: string): string {
  return createHash("sha256").update(`${target.baseUrl}\n${target.token}\n${key}`).digest("hex");
}

export interface OnceResult {
  result: SubmitResult;
  /** true when this key was submitted before (or is being submitted right now) */
  replay: boolean;
}

export async function submitOnce(
  target: OrchestratorTarget,
  key: string,
  submit: () => Promise<SubmitResult>,
): Promise<OnceResult> {
  const scoped = scopeKey(target, key);
  const running = inflight.get(scoped);
  if (running) return { result: await running, replay: true };

  const replay = seen.has(scoped);
  const promise = submit();
  inflight.set(scoped, promise);
  try {
    const result = await promise;
    seen.add(scoped);
    if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value ?? "");
    return { result, replay };
  } finally {
    inflight.delete(scoped);
  }
}
