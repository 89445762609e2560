// Proof settings of a style set: the test prompts a version is rendered with
// before someone approves it, and the tier and seed they all use, so two
// versions' proofs differ only by the set's references.
import * as z from "zod/mini";
import { KREA_DEFAULTS, KREA_SIZES, PROMPT_MAX, SEED_MAX } from "@/lib/contract/krea/options";
import type { KreaInput } from "@/lib/contract/krea/schema";

export const PROOF_PROMPTS_MAX = 6;

const prompt = z
  .string("each test prompt must be text")
  .check(
    z.trim(),
    z.minLength(1, "a test prompt cannot be empty: remove it or write one"),
    z.maxLength(PROMPT_MAX, `a test prompt must be at most ${PROMPT_MAX} characters`),
  );

export const proofSettingsSchema = z.strictObject({
  prompts: z
    .array(prompt, "prompts must be a list of test prompts")
    .check(
      z.minLength(1, "add at least one test prompt"),
      z.maxLength(PROOF_PROMPTS_MAX, `at most ${PROOF_PROMPTS_MAX} test prompts`),
    ),
  tier: z.enum(KREA_SIZES, "Pick a tier: Medium or Large."),
  seed: z
    .int(`A seed is a whole number from 0 to ${SEED_MAX.toLocaleString("en-US")}.`)
    .check(
      z.minimum(0, `A seed is a whole number from 0 to ${SEED_MAX.toLocaleString("en-US")}.`),
      z.maximum(
        SEED_MAX,
        `A seed is a whole number from 0 to ${SEED_MAX.toLocaleString("en-US")}.`,
      ),
    ),
});
export type ProofSettings = z.infer<typeof proofSettingsSchema>;

export function sameProof(a: ProofSettings | null, b: ProofSettings | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The history line for a change of proof settings. */
export function describeProofChange(to: ProofSettings | null): string {
  if (!to) return "Proof settings removed";
  const n = to.prompts.length;
  return `Proof settings: ${n} test prompt${n === 1 ? "" : "s"}, ${to.tier}, seed ${to.seed}`;
}

/** One proof render: a test prompt of a version and the workflow that rendered it. */
export interface StyleSetProof {
  setId: string;
  version: number;
  /** the prompt's place in the version's proof settings (0-based) */
  promptIndex: number;
  prompt: string;
  workflowId: string;
  author: string;
  at: string;
}

/** POST /api/style-sets/:id/versions/:n/proofs: the workflows a proof run submitted. */
export const proofRecordSchema = z.strictObject({
  proofs: z
    .array(
      z.strictObject({
        promptIndex: z
          .int("promptIndex must be a whole number")
          .check(
            z.minimum(0, "promptIndex must be at least 0"),
            z.maximum(PROOF_PROMPTS_MAX - 1, `promptIndex must be below ${PROOF_PROMPTS_MAX}`),
          ),
        workflowId: z
          .string("workflowId must be text")
          .check(z.regex(/^[A-Za-z0-9_.:-]{1,128}$/, "workflowId is not a workflow id")),
      }),
      "proofs must be a list",
    )
    .check(
      z.minLength(1, "send at least one proof"),
      z.maxLength(PROOF_PROMPTS_MAX, `at most ${PROOF_PROMPTS_MAX} proofs`),
    ),
  author: z.optional(
    z
      .string("author must be text")
      .check(z.trim(), z.minLength(1, "author must not be empty"), z.maxLength(60)),
  ),
});
export type ProofRecord = z.infer<typeof proofRecordSchema>;

/** The Krea inputs a proof run sends: one per test prompt, the version's references, its tier and seed. */
export function proofInputs(
  references: readonly { imageUrl: string; strength: number }[],
  settings: ProofSettings,
): (KreaInput & { seed: number })[] {
  // Only what Krea reads: a set's labels and blob bookkeeping stay in the set.
  const refs = references.map(({ imageUrl, strength }) => ({ imageUrl, strength }));
  return settings.prompts.map((prompt) => ({
    prompt,
    size: settings.tier,
    aspectRatio: KREA_DEFAULTS.aspectRatio,
    creativity: KREA_DEFAULTS.creativity,
    quantity: 1,
    seed: settings.seed,
    imageStyleReferences: refs,
  }));
}

/** Per test prompt, the newest proof (a proof run again replaces the older one on screen). */
export function latestProofs(proofs: readonly StyleSetProof[]): Map<number, StyleSetProof> {
  const latest = new Map<number, StyleSetProof>();
  // Oldest first from the store: a later one of the same prompt wins.
  for (const p of proofs) latest.set(p.promptIndex, p);
  return latest;
}

/** One row of "this version beside the last approved one", by prompt index. */
export interface ProofPair {
  promptIndex: number;
  /** this version's test prompt (or, past its list, the approved one's) */
  prompt: string;
  mine: StyleSetProof | null;
  approved: StyleSetProof | null;
  /** the approved version rendered a different text at this index */
  approvedPromptDiffers: boolean;
}

/**
 * This version's proofs beside the last approved version's, one row per test
 * prompt index either of them has. `approved` is null when no version was ever
 * approved (or it is this one): then every row stands alone.
 */
export function pairProofs(
  prompts: readonly string[],
  mine: readonly StyleSetProof[],
  approved: readonly StyleSetProof[] | null,
): ProofPair[] {
  const ours = latestProofs(mine);
  const theirs = latestProofs(approved ?? []);
  const count = Math.max(prompts.length, ...[...ours.keys()].map((i) => i + 1));
  const rows: ProofPair[] = [];
  for (let i = 0; i < count; i++) {
    const m = ours.get(i) ?? null;
    const a = theirs.get(i) ?? null;
    const prompt = prompts[i] ?? m?.prompt ?? a?.prompt ?? "";
    rows.push({
      promptIndex: i,
      prompt,
      mine: m,
      approved: a,
      approvedPromptDiffers: a !== null && a.prompt !== prompt,
    });
  }
  return rows;
}

/**
 * The version whose proofs a version's are compared with: the set's approved
 * one, or, when that is this very version (it was approved from its proofs),
 * the one approved before it. Null when no other version was ever approved.
 */
export function comparedVersion(
  version: number,
  approvedVersion: number | null,
  events: readonly { status: string; version: number; at: string }[],
): number | null {
  if (approvedVersion !== null && approvedVersion !== version) return approvedVersion;
  const earlier = events
    .filter((e) => e.status === "approved" && e.version !== version)
    .sort((a, b) => a.at.localeCompare(b.at));
  return earlier[earlier.length - 1]?.version ?? null;
}
