// Editing a set's references on the Style sets page: each row's strength as
// typed, moved and removed rows, read back into the references to save. Typed
// text that is no number is refused with a message for that row, never saved
// as the old value.
import { parseStrengthText } from "@/lib/contract/references/strength";
import type { StyleSetReference } from "./schema";

export interface ReferenceDraftRow {
  ref: StyleSetReference;
  /** the strength as typed */
  text: string;
}

export type ReferenceDraft =
  | { ok: true; references: StyleSetReference[]; notes: Record<number, string> }
  | { ok: false; errors: Record<number, string> };

/** The rows as references; `notes` say where a strength was clamped into range. */
export function readReferenceDraft(rows: readonly ReferenceDraftRow[]): ReferenceDraft {
  const errors: Record<number, string> = {};
  const notes: Record<number, string> = {};
  const references = rows.map((row, i) => {
    const parsed = parseStrengthText(row.text);
    if (parsed.kind === "empty") {
      errors[i] = "Type a strength from −2 to 2.";
      return row.ref;
    }
    if (parsed.kind === "invalid") {
      errors[i] = parsed.message;
      return row.ref;
    }
    if (parsed.message) notes[i] = parsed.message;
    return { ...row.ref, strength: parsed.value };
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, references, notes };
}

/** `list` with the item at `from` moved to `to` (clamped into the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  if (item === undefined) return [...list];
  out.splice(target, 0, item);
  return out;
}
