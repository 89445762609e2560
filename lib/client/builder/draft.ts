// The builder's half-written state, kept in the tab's sessionStorage so a reload
// never loses a prompt. Each field is read on its own: one odd value (an old
// schema, a hand edit) falls back to its default without losing the rest.
import {
  KREA_FIELDS,
  KREA_SETTINGS,
  unhandledKind,
  type FieldRow,
  type KreaFields,
  type KreaInput,
  type KreaSetting,
  type StyleReference,
} from "@/lib/contract/krea/fields";
import { readEntries, toStyleReference, type ReferenceEntry } from "@/lib/client/references/entry";
import {
  isRecord,
  readJsonItem,
  writeJsonItem,
  type KeyValueStore,
} from "@/lib/client/platform/session-store";

export const DRAFT_KEY = "krea-studio:builder-draft";

/**
 * What the form holds before the Krea check parses it: every field the designer
 * sets, valid or not, except that each style reference is a whole row of the list
 * (label, thumbnail, upload state…) and the seed is null for a fresh random one.
 */
export type KreaDraft = {
  [K in KreaSetting]: KreaFields[K]["kind"] extends "references"
    ? ReferenceEntry[]
    : KreaFields[K]["kind"] extends "seed"
      ? number | null
      : KreaInput[K];
};

/** One field of a saved draft, or its default when the saved value is odd or missing. */
function readField(row: FieldRow, raw: unknown): unknown {
  switch (row.kind) {
    case "constant":
      return row.value;
    case "enum":
      return row.values.some((v) => v === raw) ? raw : row.default;
    case "text":
      // Kept even when too long: it is what the designer typed, and the form says what is wrong.
      return typeof raw === "string" ? raw : row.default;
    case "count":
    case "seed":
      return typeof raw === "number" && Number.isFinite(raw) ? raw : row.default;
    case "references":
      // Rows of the reference list, each read on its own (see readEntries).
      return readEntries(raw) ?? [];
    default:
      return unhandledKind(row);
  }
}

function draftFrom(raw: Record<string, unknown>): KreaDraft {
  const out: Record<string, unknown> = {};
  for (const name of KREA_SETTINGS) out[name] = readField(KREA_FIELDS[name], raw[name]);
  // Each value came from readField, which keeps to the row's values or its default.
  return out as KreaDraft;
}

export const DEFAULT_VALUES: KreaDraft = draftFrom({});

/** The form's values as the Krea check reads them: each reference row down to { imageUrl, strength }. */
export function toKreaDraft(
  values: Partial<KreaDraft>,
): Omit<Partial<KreaDraft>, "imageStyleReferences"> & { imageStyleReferences?: StyleReference[] } {
  const { imageStyleReferences, ...rest } = values;
  return imageStyleReferences
    ? { ...rest, imageStyleReferences: imageStyleReferences.map(toStyleReference) }
    : rest;
}

/** The saved draft over the defaults; the defaults alone when there is none. */
export function readDraft(store: KeyValueStore | null): KreaDraft {
  const raw = readJsonItem(store, DRAFT_KEY);
  return isRecord(raw) ? draftFrom(raw) : DEFAULT_VALUES;
}

/** Saves what the form holds now, valid or not. */
export function writeDraft(store: KeyValueStore | null, values: unknown): void {
  writeJsonItem(store, DRAFT_KEY, values);
}
