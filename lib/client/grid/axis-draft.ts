// What the grid dialog holds for each axis while the designer edits it, and
// how that becomes a GridAxis (or a message next to the axis). Pure.
import type { GridAxis, GridStyleSet } from "@/lib/contract/grid/grid";
import { randomSeeds } from "@/lib/contract/grid/grid";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  SEED_MAX,
} from "@/lib/contract/krea/options";
import { parseStrengthList } from "@/lib/client/builder/submit-plans";

export const DRAFT_KINDS = [
  "size",
  "creativity",
  "aspectRatio",
  "seed",
  "strength",
  "styleSet",
  "prompt",
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const DRAFT_KIND_LABEL: Record<DraftKind, string> = {
  size: "Tier",
  creativity: "Creativity",
  aspectRatio: "Aspect ratio",
  seed: "Seed",
  strength: "Strength of a reference",
  styleSet: "Style set (or versions of one)",
  prompt: "Prompt (one per line)",
};

export interface AxisDraft {
  kind: DraftKind;
  /** the values ticked, for tier, creativity and ratio */
  picked: string[];
  /** seeds ("1, 2, 3" or "4 random"), strengths ("-1, 0, 1, 2") or prompts (one per line) */
  text: string;
  /** seeds drawn for "N random", kept so the grid does not change under the designer */
  drawn: number[];
  /** which reference a strength axis varies (0-based) */
  reference: number;
  /** the sets (or versions of one set) ticked for a style-set axis, in tick order */
  sets: GridStyleSet[];
}

export const OPTIONS: Record<"size" | "creativity" | "aspectRatio", readonly string[]> = {
  size: KREA_SIZES,
  creativity: CREATIVITY_LEVELS,
  aspectRatio: ASPECT_RATIOS,
};

export function newDraft(kind: DraftKind, draw: () => number): AxisDraft {
  const base = { kind, picked: [], text: "", drawn: [], reference: 0, sets: [] };
  switch (kind) {
    case "size":
      return { ...base, picked: [...KREA_SIZES] };
    case "creativity":
      return { ...base, picked: [...CREATIVITY_LEVELS] };
    case "aspectRatio":
      return { ...base, picked: ["1:1", "16:9", "9:16"] };
    case "seed":
      return { ...base, text: "2 random", drawn: randomSeeds(2, draw) };
    case "strength":
      return { ...base, text: "-1, 0, 1, 2" };
    case "styleSet":
    case "prompt":
      return base;
  }
}

/** The key a ticked set version is known by: two versions of one set are two values. */
export const setKey = (s: { id: string; version: number }) => `${s.id}@${s.version}`;

/** Ticks or unticks one version of a set. */
export function withSetToggled(draft: AxisDraft, set: GridStyleSet, on: boolean): AxisDraft {
  const rest = draft.sets.filter((s) => setKey(s) !== setKey(set));
  return { ...draft, sets: on ? [...rest, set] : rest };
}

const RANDOM = /^\s*(\d{1,2})\s*random\s*$/i;

/** Redraws the seeds when the text asks for a different "N random". */
export function withSeedText(draft: AxisDraft, text: string, draw: () => number): AxisDraft {
  const n = RANDOM.exec(text);
  const count = n ? Number(n[1]) : 0;
  const drawn =
    count >= 2 && count <= 64 && count !== draft.drawn.length
      ? randomSeeds(count, draw)
      : draft.drawn;
  return { ...draft, text, drawn };
}

export type AxisResult = { ok: true; axis: GridAxis } | { ok: false; message: string };

const TICK_TWO = "Tick at least two values.";
const keep = <T extends string>(all: readonly T[], picked: readonly string[]): T[] =>
  all.filter((v) => picked.includes(v));

export function draftToAxis(draft: AxisDraft): AxisResult {
  const fail = (message: string): AxisResult => ({ ok: false, message });
  switch (draft.kind) {
    case "size": {
      const values = keep(KREA_SIZES, draft.picked);
      return values.length < 2 ? fail(TICK_TWO) : { ok: true, axis: { kind: "size", values } };
    }
    case "creativity": {
      const values = keep(CREATIVITY_LEVELS, draft.picked);
      return values.length < 2
        ? fail(TICK_TWO)
        : { ok: true, axis: { kind: "creativity", values } };
    }
    case "aspectRatio": {
      const values = keep(ASPECT_RATIOS, draft.picked);
      return values.length < 2
        ? fail(TICK_TWO)
        : { ok: true, axis: { kind: "aspectRatio", values } };
    }
    case "seed": {
      if (RANDOM.test(draft.text)) {
        if (draft.drawn.length < 2) return fail("Ask for at least 2 random seeds.");
        return { ok: true, axis: { kind: "seed", values: draft.drawn } };
      }
      const parts = draft.text.split(/[,;\s]+/).filter(Boolean);
      const bad = parts.filter((p) => !/^\d{1,10}$/.test(p) || Number(p) > SEED_MAX);
      if (bad.length > 0) return fail(`Not a seed (0 to 2,147,483,647): ${bad.join(", ")}.`);
      const values = [...new Set(parts.map(Number))];
      if (values.length < 2) return fail("Type at least two different seeds, or “4 random”.");
      return { ok: true, axis: { kind: "seed", values } };
    }
    case "strength": {
      const parsed = parseStrengthList(draft.text);
      if (!parsed.ok) return fail(parsed.message);
      return {
        ok: true,
        axis: { kind: "strength", reference: draft.reference, values: parsed.values },
      };
    }
    case "styleSet":
      return draft.sets.length < 2
        ? fail("Tick at least two style sets, or two versions of one set.")
        : { ok: true, axis: { kind: "styleSet", values: draft.sets } };
    case "prompt": {
      const values = [
        ...new Set(
          draft.text
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      ];
      if (values.length < 2) return fail("Write at least two different prompts, one per line.");
      return { ok: true, axis: { kind: "prompt", values } };
    }
  }
}

// The axes last set up in this tab. Closing the dialog (Esc, a click outside,
// starting the grid) keeps them for its next opening, as a designer who closed
// it to fix the prompt expects; a reload starts over.
let remembered: readonly AxisDraft[] | null = null;

export const rememberedDrafts = (): readonly AxisDraft[] | null => remembered;

export function rememberDrafts(drafts: readonly AxisDraft[]): void {
  remembered = drafts;
}
