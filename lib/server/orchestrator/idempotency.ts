import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/server/http/problem";
import { runOnce, type LockOutcome } from "@/lib/server/shared/once-lock";
import { sharedStoreConfigured, SharedStoreUnavailable } from "@/lib/server/shared/redis";
import { dbIdempotencyRecords, type IdempotencyRecords } from "./idempotency-records";
import type { OrchestratorTarget } from "./target";
import { getGeneration, type SubmitResult } from "./workflows";

// Step 4 of exactly once (README "How it works"): concurrent requests with one
// key share a single upstream call, and a later repeat, on this instance or
// another (the record is in the database), is answered 200 as a replay, not 201.
// In one process by default; across every instance with REDIS_URL, where a lock
// in Redis decides which instance forwards the key and the others read the
// workflow it made (lib/server/shared/once-lock.ts).

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

/** What a submit whose lock cannot be had answers: nothing sent, safe to retry with the key. */
function lockUnavailable(cause: unknown): AppError {
  return new AppError("unavailable", {
    title: "The studio cannot guarantee this submit is sent once",
    detail:
      "The studio's shared lock store (Redis) is unreachable, so it cannot make sure no other instance sends this submit too. Nothing was sent and nothing was charged; try again in a moment.",
    retryAfter: 2,
    retryable: true,
    extensions: { reason: "idempotency-lock-unavailable" },
    cause,
  });
}

/** Sends the key and records the workflow it made; a record we fail to write is no error. */
async function sendAndRecord(
  scope: string,
  submit: () => Promise<SubmitResult>,
  records: IdempotencyRecords,
): Promise<SubmitResult> {
  const result = await submit();
  // The workflow exists and is charged: a record we fail to write must not turn that
  // into an error. The repeat it would have marked is still the same workflow upstream.
  await records.remember(scope, result.generation.id).catch(() => {});
  return result;
}

async function once(
  scope: string,
  submit: () => Promise<SubmitResult>,
  readExisting: (workflowId: string) => Promise<SubmitResult>,
  records: IdempotencyRecords,
): Promise<OnceResult> {
  if (!sharedStoreConfigured()) {
    const before = await records.find(scope);
    // A replay is still sent: the orchestrator answers the same externalId with the same workflow.
    return { result: await sendAndRecord(scope, submit, records), replay: before !== null };
  }
  let outcome: LockOutcome<OnceResult>;
  try {
    outcome = await runOnce(`submit:${scope}`, async () => {
      // Redis may have lost its keys (a restart): the database still knows the key was sent.
      const recorded = await records.find(scope).catch(() => null);
      const result = recorded
        ? await readExisting(recorded)
        : await sendAndRecord(scope, submit, records);
      return { value: { result, replay: recorded !== null }, id: result.generation.id };
    });
  } catch (error) {
    // Only a failure before anything was sent lands here as SharedStoreUnavailable.
    if (error instanceof SharedStoreUnavailable) throw lockUnavailable(error);
    throw error;
  }
  if (outcome.kind === "ran") return outcome.value;
  if (outcome.kind === "done") return { result: await readExisting(outcome.id), replay: true };
  throw new AppError("unavailable", {
    title: "This submit is being sent by another instance",
    detail:
      "Another instance of the studio is sending a submit with this Idempotency-Key right now. Nothing more was sent; try again in a moment with the same key to get its workflow.",
    retryAfter: 2,
    retryable: true,
    extensions: { reason: "idempotency-key-in-flight" },
  });
}

/** A workflow another request (or instance) made for this key: read, never sent again. */
async function readWorkflow(target: OrchestratorTarget, id: string): Promise<SubmitResult> {
  const generation = await getGeneration(target, id);
  return { generation, upstreamStatus: generation.final ? 200 : 202 };
}

export async function submitOnce(
  target: OrchestratorTarget,
  key: string,
  submit: () => Promise<SubmitResult>,
  records: IdempotencyRecords = dbIdempotencyRecords,
  readExisting: (workflowId: string) => Promise<SubmitResult> = (id) => readWorkflow(target, id),
): Promise<OnceResult> {
  const scope = idempotencyScope(target, key);
  const running = inflight.get(scope);
  if (running) return { result: (await running).result, replay: true };
  const promise = once(scope, submit, readExisting, records);
  inflight.set(scope, promise);
  try {
    return await promise;
  } finally {
    inflight.delete(scope);
  }
}
