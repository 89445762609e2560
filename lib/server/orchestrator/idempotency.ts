import "server-only";
import { createHash } from "node:crypto";
import { dbIdempotencyRecords, type IdempotencyRecords } from "./idempotency-records";
import type { OrchestratorTarget } from "./target";
import type { SubmitResult } from "./workflows";

// Step 4 of exactly once (README "How it works"): in one process, concurrent
// requests with one key share a single upstream call; a later repeat, on this
// instance or another (the record is in the database), is answered 200 as a
// replay, not 201.

const inflight = new Map<string, Promise<OnceResult>>();

/** The key as stored and locked: a hash of orchestrator, token and key (never the token). */
export function idempotencyScope(target: OrchestratorTarget, key: string): string {
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
  records: IdempotencyRecords = dbIdempotencyRecords,
): Promise<OnceResult> {
  const scope = idempotencyScope(target, key);
  const running = inflight.get(scope);
  if (running) return { result: (await running).result, replay: true };

  const promise = (async () => {
    const before = await records.find(scope);
    // A replay is still sent: the orchestrator answers the same externalId with the same workflow.
    const result = await submit();
    // The workflow exists and is charged: a record we fail to write must not turn that
    // into an error. The repeat it would have marked is still the same workflow upstream.
    await records.remember(scope, result.generation.id).catch(() => {});
    return { result, replay: before !== null };
  })();
  inflight.set(scope, promise);
  try {
    return await promise;
  } finally {
    inflight.delete(scope);
  }
}
