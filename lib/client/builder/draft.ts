// The builder's half-written state, kept in the tab's sessionStorage so a reload
// never loses a prompt. Each field is read on its own: one odd value (an old
// schema, a hand edit) falls back to its default without losing the rest.
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_DEFAULTS,
  KREA_SIZES,
} from "@/lib/contract/krea/options";
import type { KreaInputDraft } from "@/lib/contract/krea/schema";
import { readEntries, toStyleReference, type ReferenceEntry } from "@/lib/client/references/entry";
import {
  isRecord,
  readJsonItem,
  writeJsonItem,
  type KeyValueStore,
} from "@/lib/client/platform/session-store";

export const DRAFT_KEY = "krea-studio:builder-draft";

/**
 * What the form holds is the schema's input type (react-hook-form validates it
 * with the schema), except that each style reference is a whole row of the
 * list (label, thumbnail, upload state…); `toKreaDraft` strips the rows back to
 * what Krea takes before validating or sending. A draft and the defaults fill
 * every field.
 */
export type BuilderFormValues = Omit<KreaInputDraft, "imageStyleReferences"> & {
  imageStyleReferences?: ReferenceEntry[];
};

/** Every field of the form, none left out. */
export type BuilderValues = Required<
  Pick<
    BuilderFormValues,
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

/** The form's values as the Krea schema reads them: each reference row down to { imageUrl, strength }. */
export function toKreaDraft(values: BuilderFormValues): KreaInputDraft {
  const { imageStyleReferences, ...rest } = values;
  return imageStyleReferences
    ? { ...rest, imageStyleReferences: imageStyleReferences.map(toStyleReference) }
    : rest;
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
    // Rows of the reference list, each read on its own (see readEntries).
    imageStyleReferences: readEntries(raw.imageStyleReferences) ?? d.imageStyleReferences,
  };
}

/** Saves what the form holds now, valid or not. */
export function writeDraft(store: KeyValueStore | null, values: unknown): void {
  writeJsonItem(store, DRAFT_KEY, values);
}
