import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/server/db/migrations";
import type { StyleSetProof } from "@/lib/contract/style-sets/proof";
import type { StyleSetVersion } from "@/lib/contract/style-sets/history";
import { AppError } from "@/lib/server/http/problem";

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

/** The rows of a proof run of `version`, each with that version's own prompt text. */
export function proofRows(
  version: StyleSetVersion,
  proofs: readonly { promptIndex: number; workflowId: string }[],
  author: string,
): Omit<StyleSetProof, "at">[] {
  const prompts = version.proof?.prompts ?? [];
  return proofs.map((p) => {
    const prompt = prompts[p.promptIndex];
    if (prompt === undefined) {
      throw new AppError("validation", {
        detail: `Version ${version.version} has ${prompts.length} test prompt(s); there is no prompt ${p.promptIndex + 1} to proof.`,
        fieldErrors: {
          promptIndex: [`version ${version.version} has no test prompt ${p.promptIndex + 1}`],
        },
      });
    }
    return {
      setId: version.setId,
      version: version.version,
      promptIndex: p.promptIndex,
      prompt,
      workflowId: p.workflowId,
      author,
    };
  });
}

/**
 * Appends proofs; one already recorded (same version, prompt and workflow) is
 * skipped, so a record sent twice (a retried request) lists each render once.
 */
export async function appendProofs(
  db: Db,
  proofs: Omit<StyleSetProof, "at">[],
  at: number,
): Promise<void> {
  // One row at a time keeps seq in the order given.
  for (const p of proofs) {
    const known = await db
      .selectFrom("style_set_proofs")
      .select("set_id")
      .where("set_id", "=", p.setId)
      .where("version", "=", p.version)
      .where("prompt_index", "=", p.promptIndex)
      .where("workflow_id", "=", p.workflowId)
      .executeTakeFirst();
    if (known) continue;
    await db
      .insertInto("style_set_proofs")
      .values({
        set_id: p.setId,
        version: p.version,
        prompt_index: p.promptIndex,
        prompt: p.prompt,
        workflow_id: p.workflowId,
        author: p.author,
        at,
      })
      .execute();
  }
}

/** Oldest first: a later proof run of the same prompt comes after the earlier one. */
export async function readProofs(db: Db, setId: string, version: number): Promise<StyleSetProof[]> {
  const rows = await db
    .selectFrom("style_set_proofs")
    .selectAll()
    .where("set_id", "=", setId)
    .where("version", "=", version)
    .orderBy("seq")
    .execute();
  return rows.map((raw) => {
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

export async function purgeOrphanProofs(db: Db): Promise<void> {
  await db
    .deleteFrom("style_set_proofs")
    .where("set_id", "not in", (eb) => eb.selectFrom("style_sets").select("id"))
    .execute();
}
