import "server-only";
import { randomUUID } from "node:crypto";
import { sharedKey, SharedStoreUnavailable, withRedis } from "./redis";

// A lock in Redis around one action named by a key, and a record of what it
// made: the first instance to claim the key runs the action and records the id
// it produced; the others wait for that record and never run the action
// themselves. Used for paid submits (orchestrator/idempotency.ts).
//
// The lock lives ttlMs and is renewed while the action runs, so a holder that
// dies (kill -9) frees it within ttlMs; after that the next claim runs the action
// again, which for a submit sends the same externalId, which the orchestrator
// answers with the workflow it already made (README "Exactly once", step 5).

/** Claims the key: ['done', id] when it ran before, ['locked'] when we hold it now, else ['busy']. */
const CLAIM = `
local done = redis.call('GET', KEYS[2])
if done then return { 'done', done } end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return { 'locked' } end
return { 'busy' }
`;
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;
/** Records the id, then lets go of the lock (only our own). */
const FINISH = `
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export type LockOutcome<T> =
  | { kind: "ran"; value: T }
  /** another request with this key finished first: what it made */
  | { kind: "done"; id: string }
  /** another request still holds the key after waitMs */
  | { kind: "busy" };

export interface OnceLockOptions {
  /** how long a waiter waits for the holder before answering busy */
  waitMs?: number;
  /** lock lifetime, renewed every third of it while the action runs */
  ttlMs?: number;
  /** how long the record of a finished action is kept (a kept submit lives a day) */
  doneTtlSeconds?: number;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readClaim(reply: unknown): ["done", string] | ["locked"] | ["busy"] {
  if (Array.isArray(reply)) {
    if (reply[0] === "done" && typeof reply[1] === "string") return ["done", reply[1]];
    if (reply[0] === "locked") return ["locked"];
    if (reply[0] === "busy") return ["busy"];
  }
  throw new SharedStoreUnavailable("unexpected answer from the lock script");
}

/**
 * Runs `action` once per `name` across every instance sharing the Redis. Throws
 * SharedStoreUnavailable, before running anything, when Redis cannot be asked.
 */
export async function runOnce<T>(
  name: string,
  action: () => Promise<{ value: T; id: string }>,
  options: OnceLockOptions = {},
): Promise<LockOutcome<T>> {
  const { waitMs = 20_000, ttlMs = 10_000, doneTtlSeconds = 86_400 } = options;
  const lockKey = sharedKey("once", name, "lock");
  const doneKey = sharedKey("once", name, "done");
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const claim = readClaim(
      await withRedis((c) => c.eval(CLAIM, 2, lockKey, doneKey, owner, ttlMs)),
    );
    if (claim[0] === "done") return { kind: "done", id: claim[1] };
    if (claim[0] === "locked") break;
    if (Date.now() >= deadline) return { kind: "busy" };
    await delay(100);
  }

  const renew = setInterval(() => {
    withRedis((c) => c.eval(RENEW, 1, lockKey, owner, ttlMs)).catch(() => undefined);
  }, ttlMs / 3);
  renew.unref?.();
  let made: { value: T; id: string };
  try {
    made = await action();
  } catch (error) {
    clearInterval(renew);
    await withRedis((c) => c.eval(RELEASE, 1, lockKey, owner)).catch(() => undefined);
    // The action may have reached its target: never let its failure read as "nothing ran".
    if (error instanceof SharedStoreUnavailable) throw new Error(error.message, { cause: error });
    throw error;
  }
  clearInterval(renew);
  try {
    await withRedis((c) => c.eval(FINISH, 2, lockKey, doneKey, owner, made.id, doneTtlSeconds));
  } catch (error) {
    // The lock runs out by itself; a later claim runs the action again, which
    // must be safe to repeat (a submit's externalId makes it so).
    console.error(`[redis] could not record ${name}: ${String(error)}`);
  }
  return { kind: "ran", value: made.value };
}
