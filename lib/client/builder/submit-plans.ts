// What one click submits: a Generate is one workflow; Compare tiers, a sweep or
// an action on a card ("Try on large", "Remix", "Rerun") are several (or one)
// workflows, each with its own idempotency key, linked to each other and to
// their parent. Pure: the seed drawer and the id maker are passed in, so the
// plans and their costs are tested exactly.
import {
  CREATIVITY_LEVELS,
  randomSeed,
  STRENGTH_MAX,
  STRENGTH_MIN,
  type KreaSize,
} from "@/lib/contract/krea/options";
import { estimateCost, formatBuzz } from "@/lib/contract/krea/pricing";
import { formatStrength, roundStrength, STRENGTH_STEP } from "@/lib/contract/references/strength";
import type { KreaInput } from "@/lib/contract/krea/schema";
import { newLinkId, type LineageKind, type SubmitContext } from "@/lib/contract/generations/links";
import type { Generation } from "@/lib/contract/generations/types";

export type PlanKind =
  | "generate"
  | "compare"
  | "creativity-sweep"
  | "strength-sweep"
  | "tier"
  | "remix"
  | "rerun"
  | "proof";

export interface PlannedSubmit {
  input: KreaInput & { seed: number };
  context: SubmitContext;
  /** what this member is, e.g. "Large", "Raw", "Strength −1.0" */
  label: string;
  /** whole Buzz for this workflow */
  cost: number;
}

export interface SubmitPlan {
  kind: PlanKind;
  /** for the toast and the confirmation, e.g. "Compare tiers" */
  title: string;
  members: PlannedSubmit[];
  /** whole Buzz for the click: each workflow is charged (and rounded up) on its own */
  total: number;
}

/** Where the builder's settings came from, while it still says so. */
export interface ParentLink {
  id: string;
  kind: LineageKind;
}

export interface PlanTools {
  drawSeed: () => number;
  newId: (kind: "pair" | "sweep") => string;
}

const DEFAULT_TOOLS: PlanTools = { drawSeed: randomSeed, newId: newLinkId };

export const DEFAULT_STRENGTHS = [-1, 0, 1, 2] as const;
export const TIER_LABEL: Record<KreaSize, string> = { medium: "Medium", large: "Large" };

export function workflowCost(
  input: Pick<KreaInput, "size" | "quantity"> & { imageStyleReferences: readonly unknown[] },
) {
  return estimateCost({
    size: input.size,
    quantity: input.quantity,
    styleReferenceCount: input.imageStyleReferences.length,
  }).total;
}

function member(
  input: KreaInput & { seed: number },
  context: SubmitContext,
  label: string,
): PlannedSubmit {
  return { input, context, label, cost: workflowCost(input) };
}

function plan(kind: PlanKind, title: string, members: PlannedSubmit[]): SubmitPlan {
  return { kind, title, members, total: members.reduce((sum, m) => sum + m.cost, 0) };
}

const withSeed = (input: KreaInput, tools: PlanTools): KreaInput & { seed: number } => ({
  ...input,
  seed: input.seed ?? tools.drawSeed(),
});

const lineage = (parent: ParentLink | undefined, kind?: LineageKind): SubmitContext =>
  parent ? { parent: parent.id, lineage: kind ?? parent.kind } : {};

export function planGenerate(
  input: KreaInput,
  parent?: ParentLink,
  tools = DEFAULT_TOOLS,
): SubmitPlan {
  const resolved = withSeed(input, tools);
  return plan("generate", "Generate", [
    member(resolved, lineage(parent), TIER_LABEL[resolved.size]),
  ]);
}

/** The same prompt, seed, ratio, creativity and references as medium and as large. */
export function planCompare(
  input: KreaInput,
  parent?: ParentLink,
  tools = DEFAULT_TOOLS,
): SubmitPlan {
  const resolved = withSeed(input, tools);
  const pair = tools.newId("pair");
  const members = (["medium", "large"] as const).map((size) =>
    member({ ...resolved, size }, { ...lineage(parent), pair }, TIER_LABEL[size]),
  );
  return plan("compare", "Compare tiers", members);
}

/** One seed at raw, low, medium and high creativity. */
export function planCreativitySweep(
  input: KreaInput,
  parent?: ParentLink,
  tools = DEFAULT_TOOLS,
): SubmitPlan {
  const resolved = withSeed(input, tools);
  const sweep = tools.newId("sweep");
  const members = CREATIVITY_LEVELS.map((creativity) =>
    member(
      { ...resolved, creativity },
      { ...lineage(parent, "sweep"), sweep, sweepKind: "creativity" },
      creativity.charAt(0).toUpperCase() + creativity.slice(1),
    ),
  );
  return plan("creativity-sweep", "Creativity sweep", members);
}

/** "+0.25", "−1.0", "0.0": signed, as many decimals as the slider's steps need. */
export function formatStrengthValue(s: number): string {
  const text = formatStrength(Math.abs(s));
  return s > 0 ? `+${text}` : s < 0 ? `−${text}` : text;
}

export const SWEEP_STRENGTHS_MAX = 6;
const STEPS_PER_UNIT = Math.round(1 / STRENGTH_STEP);

/** Strengths a sweep may use: −2..2, distinct, in order; two decimals, no float dust. */
export function normaliseStrengths(values: readonly number[]): number[] {
  const clean = values
    .filter((v) => Number.isFinite(v) && v >= STRENGTH_MIN && v <= STRENGTH_MAX)
    .map(roundStrength);
  return [...new Set(clean)].sort((a, b) => a - b);
}

export type StrengthListParse = { ok: true; values: number[] } | { ok: false; message: string };

const onStep = (v: number) => Math.abs(v * STEPS_PER_UNIT - Math.round(v * STEPS_PER_UNIT)) < 1e-9;

/**
 * "−1, 0.25, +1, 2" → the numbers as typed. Refused, with a message that names
 * the culprits, rather than changed: anything off the slider's 0.05 steps, out
 * of −2..2, or more than six distinct values (a sweep must never quietly drop
 * the ones it did not like).
 */
export function parseStrengthList(text: string): StrengthListParse {
  const parts = text
    .replace(/[−–]/g, "-")
    .split(/[,;\s]+/)
    .filter(Boolean);
  const notNumbers = parts.filter((p) => !Number.isFinite(Number(p)));
  if (notNumbers.length > 0) {
    return { ok: false, message: `Not a number: ${notNumbers.join(", ")}.` };
  }
  const values = parts.map(Number);
  const outside = values.filter((v) => v < STRENGTH_MIN || v > STRENGTH_MAX);
  if (outside.length > 0) {
    return {
      ok: false,
      message: `Outside −2 to 2: ${outside.map(formatStrengthValue).join(", ")}.`,
    };
  }
  const offStep = values.filter((v) => !onStep(v));
  if (offStep.length > 0) {
    return {
      ok: false,
      message: `Strengths go in steps of 0.05: ${parts.filter((p) => !onStep(Number(p))).join(", ")} cannot be sent as typed.`,
    };
  }
  const clean = normaliseStrengths(values);
  if (clean.length < 2) return { ok: false, message: "Type at least two different strengths." };
  if (clean.length > SWEEP_STRENGTHS_MAX) {
    const extra = clean.length - SWEEP_STRENGTHS_MAX;
    return {
      ok: false,
      message: `At most ${SWEEP_STRENGTHS_MAX} strengths per sweep: you typed ${clean.length}. Remove ${extra} of them.`,
    };
  }
  return { ok: true, values: clean };
}

/** One reference at several strengths; everything else, seed included, the same. */
export function planStrengthSweep(
  input: KreaInput,
  referenceIndex: number,
  strengths: readonly number[],
  parent?: ParentLink,
  tools = DEFAULT_TOOLS,
): SubmitPlan {
  const resolved = withSeed(input, tools);
  const sweep = tools.newId("sweep");
  // The dialog refuses longer lists; a caller that skips it is told, not trimmed.
  const values = normaliseStrengths(strengths);
  if (values.length > SWEEP_STRENGTHS_MAX)
    throw new Error("a strength sweep has at most six members");
  const members = values.map((strength) =>
    member(
      {
        ...resolved,
        imageStyleReferences: resolved.imageStyleReferences.map((r, i) =>
          i === referenceIndex ? { ...r, strength } : r,
        ),
      },
      {
        ...lineage(parent, "sweep"),
        sweep,
        sweepKind: "strength",
        sweepRef: referenceIndex,
      },
      `Strength ${formatStrengthValue(strength)}`,
    ),
  );
  return plan("strength-sweep", "Strength sweep", members);
}

function seededInput(g: Generation): (KreaInput & { seed: number }) | null {
  if (!g.input || typeof g.input.seed !== "number") return null;
  return { ...g.input, seed: g.input.seed };
}

/** "Try on large, same seed": the other tier, paired with the original. */
export function planTierTry(g: Generation, tools = DEFAULT_TOOLS): SubmitPlan | null {
  const input = seededInput(g);
  if (!input) return null;
  const size: KreaSize = input.size === "medium" ? "large" : "medium";
  // A pair id the original already carries (a try that never arrived) is reused.
  const pair = g.metadata.pairId ?? tools.newId("pair");
  return plan("tier", `Try on ${size}`, [
    member({ ...input, size }, { parent: g.id, lineage: "tier", pair }, TIER_LABEL[size]),
  ]);
}

/** Remix: the same settings with a new seed. Rerun: the same settings and seed. */
export function planRepeat(
  g: Generation,
  kind: "remix" | "rerun",
  tools = DEFAULT_TOOLS,
): SubmitPlan | null {
  const input = seededInput(g);
  if (!input) return null;
  const seed = kind === "remix" ? tools.drawSeed() : input.seed;
  return plan(kind, kind === "remix" ? "Remix" : "Rerun", [
    member({ ...input, seed }, { parent: g.id, lineage: kind }, TIER_LABEL[input.size]),
  ]);
}

/** "156 Buzz" or, for several workflows, "39 + 78 = 117 Buzz". */
export function planCostText(p: SubmitPlan): string {
  const total = `${formatBuzz(p.total)} Buzz`;
  if (p.members.length < 2) return total;
  return `${p.members.map((m) => formatBuzz(m.cost)).join(" + ")} = ${total}`;
}
