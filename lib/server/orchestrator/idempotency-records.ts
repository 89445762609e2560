import "server-only";
import { getStudioDb } from "@/lib/server/db/studio-db";

// Which Idempotency-Key made which workflow, in the studio's database, so a
// repeat is answered 200 (a replay) by whichever instance receives it, and
// after a restart. Scopes are hashes of orchestrator, token and key
// (idempotency.ts): the table never holds a token.
//
// This is the persistent record only. Two instances receiving one key at the
// same moment is a lock's job (Redis in a team deployment), wrapped around
// submitOnce; the orchestrator's own externalId check stays the last guard.

/** Kept a week: a replay later than that is answered as the orchestrator answers it. */
export const IDEMPOTENCY_RECORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface IdempotencyRecords {
  /** The workflow an earlier submit of this scope made, or null. */
  find(scope: string): Promise<string | null>;
  /** Records the workflow a submit of this scope made; the first record wins. */
  remember(scope: string, workflowId: string): Promise<void>;
}

let prunedAt = 0;

export const dbIdempotencyRecords: IdempotencyRecords = {
  async find(scope) {
    const db = await getStudioDb();
    const row = await db.kysely
      .selectFrom("idempotency_records")
      .select(["workflow_id", "created_at"])
      .where("scope", "=", scope)
      .executeTakeFirst();
    if (!row || row.created_at < Date.now() - IDEMPOTENCY_RECORD_TTL_MS) return null;
    return row.workflow_id;
  },
  async remember(scope, workflowId) {
    const db = await getStudioDb();
    const now = Date.now();
    await db.kysely
      .insertInto("idempotency_records")
      .values({ scope, workflow_id: workflowId, created_at: now })
      .onConflict((oc) => oc.column("scope").doNothing())
      .execute();
    if (now - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = now;
      await db.kysely
        .deleteFrom("idempotency_records")
        .where("created_at", "<", now - IDEMPOTENCY_RECORD_TTL_MS)
        .execute();
    }
  },
};
