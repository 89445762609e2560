import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/server/http/problem";
import { runOnce, type LockOutcome } from "@/lib/server/shared/once-lock";
import { sharedStoreConfigured, SharedStoreUnavailable } from "@/lib/server/shared/redis";
import type { OrchestratorTarget } from "./target";
import type { SubmitResult } from "./workflows";

// Step 4 of exactly once (README "How it works"): concurrent requests with one
// key share a single upstream call, and a later repeat is answered 200 as a
// replay, not 201. In one process by default; across every instance with
// REDIS_URL, where a lock in Redis decides which instance forwards the key and
// the others read the workflow it made (lib/server/shared/once-lock.ts).

const MAX_SEEN = 5_000;
const inflight = new Map<string, Promise<OnceResult>>();
const seen = new Set<string>();

function scopeKey(target: OrchestratorTarget, key: string): string {
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

async function once(
  scoped: string,
  submit: () => Promise<SubmitResult>,
  readExisting: (workflowId: string) => Promise<SubmitResult>,
): Promise<OnceResult> {
  if (!sharedStoreConfigured()) {
    const replay = seen.has(scoped);
    const result = await submit();
    seen.add(scoped);
    if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value ?? "");
    return { result, replay };
  }
  let outcome: LockOutcome<SubmitResult>;
  try {
    outcome = await runOnce(`submit:${scoped}`, async () => {
      const result = await submit();
      return { value: result, id: result.generation.id };
    });
  } catch (error) {
    // Only a failure before anything was sent lands here as SharedStoreUnavailable.
    if (error instanceof SharedStoreUnavailable) throw lockUnavailable(error);
    throw error;
  }
  if (outcome.kind === "ran") return { result: outcome.value, replay: false };
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

export async function submitOnce(
  target: OrchestratorTarget,
  key: string,
  submit: () => Promise<SubmitResult>,
  readExisting: (workflowId: string) => Promise<SubmitResult>,
): Promise<OnceResult> {
  const scoped = scopeKey(target, key);
  const running = inflight.get(scoped);
  if (running) return { result: (await running).result, replay: true };
  const promise = once(scoped, submit, readExisting);
  inflight.set(scoped, promise);
  try {
    return await promise;
  } finally {
    inflight.delete(scoped);
  }
}
