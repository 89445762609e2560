// The builder and style sets: applying a set (replace, or append within the
// ten-reference cap), and knowing whether the references are still the set's.
//
// The rule for recording a set on a generation: the builder remembers the set
// it last applied, saved or updated (its "origin": id, name, version and the
// references as they were then). A submit names that set only while the
// references are still exactly the set's: the same images in the same order with
// the same strengths. Any change (a strength, a row added, removed or moved)
// drops the link for that submit, and the builder offers "Update “X”" instead.
// An image is the same image when its blob is (a refreshed upload keeps its blob
// but gets a new URL), else when its URL is.
import { STYLE_REFERENCES_MAX } from "@/lib/contract/krea/options";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { entriesFromReferences, type ReferenceEntry } from "./entry";
import { fitPhrase, roomLeft, type ListChange } from "./list";
import { roundStrength } from "@/lib/contract/references/strength";

export type ApplyMode = "replace" | "append";

interface Identifiable {
  imageUrl: string;
  blobId?: string | null;
  strength: number;
}

export interface StyleSetOrigin {
  id: string;
  name: string;
  version: number;
  references: { imageUrl: string; blobId: string | null; strength: number }[];
}

export function originOf(
  set: Pick<StyleSet, "id" | "name" | "version" | "references">,
): StyleSetOrigin {
  return {
    id: set.id,
    name: set.name,
    version: set.version,
    references: set.references.map((r) => ({
      imageUrl: r.imageUrl,
      blobId: r.blobId ?? null,
      strength: r.strength,
    })),
  };
}

const identity = (r: Identifiable) => (r.blobId ? `blob:${r.blobId}` : `url:${r.imageUrl}`);

export function sameReferences(a: readonly Identifiable[], b: readonly Identifiable[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        identity(x) === identity(y) &&
        roundStrength(x.strength) === roundStrength(y.strength)
      );
    })
  );
}

/** The set to record on a submit: the origin while the references are still its own, else null. */
export function styleSetLink(
  entries: readonly ReferenceEntry[],
  origin: StyleSetOrigin | null,
): { id: string; version: number } | null {
  if (!origin || entries.length === 0) return null;
  return sameReferences(entries, origin.references)
    ? { id: origin.id, version: origin.version }
    : null;
}

/** True when the references came from `origin` and have been changed since: offer "Update". */
export function changedSinceOrigin(
  entries: readonly ReferenceEntry[],
  origin: StyleSetOrigin | null,
): boolean {
  return origin !== null && entries.length > 0 && !sameReferences(entries, origin.references);
}

export interface ApplyResult {
  change: ListChange;
  /** the origin the builder should remember after this apply */
  origin: StyleSetOrigin | null;
}

/**
 * Replace: the set's references become the list, and the set the origin.
 * Append: all of the set's references after the current ones, or none when
 * they do not fit (saying how many would). Appending onto an empty list is a
 * replace; onto other references it keeps whatever origin they had.
 */
export function applySet(
  current: readonly ReferenceEntry[],
  set: Pick<StyleSet, "id" | "name" | "version" | "references">,
  mode: ApplyMode,
  currentOrigin: StyleSetOrigin | null,
): ApplyResult {
  const incoming = entriesFromReferences(set.references);
  if (mode === "replace" || current.length === 0) {
    return { change: { ok: true, list: incoming }, origin: originOf(set) };
  }
  const room = roomLeft(current);
  if (incoming.length > room) {
    const count = `${set.references.length} reference${set.references.length === 1 ? "" : "s"}`;
    return {
      change: {
        ok: false,
        room,
        message: `“${set.name}” has ${count} and ${fitPhrase(room)} (${STYLE_REFERENCES_MAX} at most). Remove some first, or Replace instead.`,
      },
      origin: currentOrigin,
    };
  }
  return { change: { ok: true, list: [...current, ...incoming] }, origin: currentOrigin };
}
