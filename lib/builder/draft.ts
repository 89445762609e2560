// The builder's half-written state, kept in the tab's sessionStorage so a reload
// never loses a prompt. Each field is read on its own: one odd value (an old
// schema, a hand edit) falls back to its default without losing the rest.
import { safeParse } from "zod/v4/core";
import { ASPECT_RATIOS, CREATIVITY_LEVELS, KREA_DEFAULTS, KREA_SIZES } from "@/lib/krea/options";
import { styleReferenceSchema, type KreaInputDraft, type StyleReference } from "@/lib/krea/schema";
import { isRecord, readJsonItem, writeJsonItem, type KeyValueStore } from "./session-store";

export const DRAFT_KEY = "krea-studio:builder-draft";

/**
 * What the form holds is the schema's input type (react-hook-form validates it
 * with the schema); a draft and the defaults fill every field of it.
 */
export type BuilderFormValues = KreaInputDraft;

/** Every field of the form, none left out. */
export type BuilderValues = Required<
  Pick<
    KreaInputDraft,
    "prompt" | "size" | "aspectRatio" | "creativity" | "quantity" | "imageStyleReferences"
  >
> & {
  /** null = a fresh random seed at each Generate */
  seed: number | null;
};

export const DEFAULT_VALUES: BuilderValues = {
  prompt: "",
  size: KREA_DEFAULTS.size,
  aspectRatio: KREA_DEFAULTS.aspectRatio,
  creativity: KREA_DEFAULTS.creativity,
  quantity: KREA_DEFAULTS.quantity,
  seed: null,
  imageStyleReferences: [],
};

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  values.some((v) => v === value);

function readReferences(value: unknown): StyleReference[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const refs: StyleReference[] = [];
  for (const item of value) {
    const parsed = safeParse(styleReferenceSchema, item);
    if (parsed.success) refs.push(parsed.data);
  }
  return refs;
}

/** The saved draft over the defaults; the defaults alone when there is none. */
export function readDraft(store: KeyValueStore | null): BuilderValues {
  const raw = readJsonItem(store, DRAFT_KEY);
  if (!isRecord(raw)) return DEFAULT_VALUES;
  const d = DEFAULT_VALUES;
  return {
    // Kept even when too long: it is what the designer typed, and the form says what is wrong.
    prompt: typeof raw.prompt === "string" ? raw.prompt : d.prompt,
    size: oneOf(KREA_SIZES, raw.size) ? raw.size : d.size,
    aspectRatio: oneOf(ASPECT_RATIOS, raw.aspectRatio) ? raw.aspectRatio : d.aspectRatio,
    creativity: oneOf(CREATIVITY_LEVELS, raw.creativity) ? raw.creativity : d.creativity,
    quantity:
      typeof raw.quantity === "number" && Number.isFinite(raw.quantity) ? raw.quantity : d.quantity,
    seed: typeof raw.seed === "number" && Number.isFinite(raw.seed) ? raw.seed : null,
    imageStyleReferences: readReferences(raw.imageStyleReferences) ?? d.imageStyleReferences,
  };
}

/** Saves what the form holds now, valid or not. */
export function writeDraft(store: KeyValueStore | null, values: unknown): void {
  writeJsonItem(store, DRAFT_KEY, values);
}
