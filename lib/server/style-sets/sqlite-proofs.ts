import "server-only";
import { z } from "zod";
import type { SqliteDatabase as Db } from "@/lib/server/db/sqlite";
import type { StyleSetProof } from "@/lib/contract/style-sets/proof";

// The proof renders of a set's versions (style_set_proofs, migration 5): only
// INSERT and SELECT, the triggers refuse the rest while the set exists.

const row = z.object({
  set_id: z.string(),
  version: z.number(),
  prompt_index: z.number(),
  prompt: z.string(),
  workflow_id: z.string(),
  author: z.string(),
  at: z.number(),
});

/**
 * Appends proofs; one already recorded (same version, prompt and workflow) is
 * skipped, so a record sent twice (a retried request) lists each render once.
 */
export function appendProofs(db: Db, proofs: Omit<StyleSetProof, "at">[], at: number): void {
  const insert = db.prepare(
    `INSERT INTO style_set_proofs (set_id, version, prompt_index, prompt, workflow_id, author, at)
     SELECT ?, ?, ?, ?, ?, ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM style_set_proofs
       WHERE set_id = ? AND version = ? AND prompt_index = ? AND workflow_id = ?)`,
  );
  for (const p of proofs) {
    insert.run(
      p.setId,
      p.version,
      p.promptIndex,
      p.prompt,
      p.workflowId,
      p.author,
      at,
      p.setId,
      p.version,
      p.promptIndex,
      p.workflowId,
    );
  }
}

/** Oldest first: a later proof run of the same prompt comes after the earlier one. */
export function readProofs(db: Db, setId: string, version: number): StyleSetProof[] {
  return db
    .prepare("SELECT * FROM style_set_proofs WHERE set_id = ? AND version = ? ORDER BY seq")
    .all(setId, version)
    .map((raw) => {
      const r = row.parse(raw);
      return {
        setId: r.set_id,
        version: r.version,
        promptIndex: r.prompt_index,
        prompt: r.prompt,
        workflowId: r.workflow_id,
        author: r.author,
        at: new Date(r.at).toISOString(),
      };
    });
}

export function purgeOrphanProofs(db: Db): void {
  db.prepare("DELETE FROM style_set_proofs WHERE set_id NOT IN (SELECT id FROM style_sets)").run();
}
