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
