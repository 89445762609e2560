// Proof settings of a style set: the test prompts a version is rendered with
// before someone approves it, and the tier and seed they all use, so two
// versions' proofs differ only by the set's references.
import * as z from "zod/mini";
import { KREA_SIZES, PROMPT_MAX, SEED_MAX } from "@/lib/contract/krea/options";

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
