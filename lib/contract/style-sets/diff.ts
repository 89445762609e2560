// What changed between two versions of a style set, as data: the history list
// reads it aloud ("strength 1 → 0.5"), the 409 shows it as "see their change",
// and applyDiff(old, diff) gives the new version back exactly (property-tested),
// so a stored diff is never a lossy summary.
//
// A reference is the same image across versions by its thumbnail id (a hash of
// the cleaned bytes, stable when keep-alive re-uploads a blob), else its blob,
// else its URL. The same image twice in a set is told apart by occurrence
// (`key#2`).
import type { StyleSetReference } from "./schema";
import { formatStrength } from "@/lib/contract/references/strength";
import { describeProofChange, sameProof, type ProofSettings } from "./proof";

export interface VersionContent {
  name: string;
  note: string;
  references: StyleSetReference[];
  /** test prompts, tier and seed for proof renders; absent/null: none set */
  proof?: ProofSettings | null;
}

export interface TextChange {
  from: string;
  to: string;
}

export interface StyleSetDiff {
  name?: TextChange;
  note?: TextChange;
  /** the proof settings after the change (whole, they are small) */
  proof?: { to: ProofSettings | null };
  /** indices are in the old list */
  removed: { key: string; index: number; reference: StyleSetReference }[];
  /** indices are in the new list */
  added: { key: string; index: number; reference: StyleSetReference }[];
  /** kept references whose place among the kept ones changed (old → new index) */
  moved: { key: string; from: number; to: number }[];
  strength: { key: string; index: number; from: number; to: number }[];
  /** same image, another URL, blob, label or expiry: not a designer's choice, kept for exactness */
  relinked: { key: string; reference: StyleSetReference }[];
  /** the new list's keys, in order */
  order: string[];
}

export const EMPTY_CONTENT: VersionContent = { name: "", note: "", references: [] };

function identity(ref: StyleSetReference): string {
  if (ref.thumbnailId) return `thumb:${ref.thumbnailId}`;
  if (ref.blobId) return `blob:${ref.blobId}`;
  return `url:${ref.imageUrl}`;
}

/** Stable keys for a list: identity, plus `#n` for the n-th repeat of one image. */
export function referenceKeys(refs: readonly StyleSetReference[]): string[] {
  const seen = new Map<string, number>();
  return refs.map((ref) => {
    const id = identity(ref);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  });
}

// Exact, so null and absent differ too: applyDiff must give back the very object.
function sameExceptStrength(a: StyleSetReference, b: StyleSetReference): boolean {
  const fields = ["imageUrl", "blobId", "thumbnailId", "label", "urlExpiresAt"] as const;
  return fields.every((f) => a[f] === b[f] && f in a === f in b);
}

export function diffVersions(before: VersionContent, after: VersionContent): StyleSetDiff {
  const oldKeys = referenceKeys(before.references);
  const newKeys = referenceKeys(after.references);
  const oldIndex = new Map(oldKeys.map((k, i) => [k, i]));
  const newIndex = new Map(newKeys.map((k, i) => [k, i]));
  const diff: StyleSetDiff = {
    removed: [],
    added: [],
    moved: [],
    strength: [],
    relinked: [],
    order: newKeys,
  };
  if (before.name !== after.name) diff.name = { from: before.name, to: after.name };
  if (before.note !== after.note) diff.note = { from: before.note, to: after.note };
  if (!sameProof(before.proof ?? null, after.proof ?? null))
    diff.proof = { to: after.proof ?? null };
  before.references.forEach((reference, index) => {
    const key = oldKeys[index] ?? "";
    if (!newIndex.has(key)) diff.removed.push({ key, index, reference });
  });
  after.references.forEach((reference, index) => {
    const key = newKeys[index] ?? "";
    const was = oldIndex.get(key);
    const old = was === undefined ? undefined : before.references[was];
    if (old === undefined) {
      diff.added.push({ key, index, reference });
      return;
    }
    if (!Object.is(old.strength, reference.strength)) {
      diff.strength.push({ key, index, from: old.strength, to: reference.strength });
    }
    if (!sameExceptStrength(old, reference)) diff.relinked.push({ key, reference });
  });
  // Moved: the kept references' order, ignoring the gaps left by adds and removes.
  const keptOld = oldKeys.filter((k) => newIndex.has(k));
  const keptNew = newKeys.filter((k) => oldIndex.has(k));
  keptNew.forEach((key, i) => {
    if (keptOld[i] !== key) {
      diff.moved.push({ key, from: oldIndex.get(key) ?? 0, to: newIndex.get(key) ?? 0 });
    }
  });
  return diff;
}

/** The new version from the old one and their diff. Throws when the diff does not fit `before`. */
export function applyDiff(before: VersionContent, diff: StyleSetDiff): VersionContent {
  const keys = referenceKeys(before.references);
  const byKey = new Map<string, StyleSetReference>();
  before.references.forEach((ref, i) => byKey.set(keys[i] ?? "", ref));
  for (const r of diff.removed) byKey.delete(r.key);
  for (const a of diff.added) byKey.set(a.key, a.reference);
  for (const r of diff.relinked) {
    const ref = byKey.get(r.key);
    if (ref) byKey.set(r.key, r.reference);
  }
  for (const s of diff.strength) {
    const ref = byKey.get(s.key);
    if (ref && !diff.relinked.some((r) => r.key === s.key))
      byKey.set(s.key, { ...ref, strength: s.to });
  }
  const references = diff.order.map((key) => {
    const ref = byKey.get(key);
    if (!ref) throw new Error(`diff names reference ${key}, which the old version does not have`);
    return ref;
  });
  const content: VersionContent = {
    name: diff.name?.to ?? before.name,
    note: diff.note?.to ?? before.note,
    references,
  };
  if (diff.proof) content.proof = diff.proof.to;
  else if (before.proof !== undefined) content.proof = before.proof;
  return content;
}

export function isEmptyDiff(diff: StyleSetDiff): boolean {
  return (
    !diff.name &&
    !diff.note &&
    !diff.proof &&
    diff.removed.length + diff.added.length + diff.moved.length + diff.strength.length === 0 &&
    diff.relinked.length === 0
  );
}

/** One line per change, for people: the history list, the conflict dialog, screen readers. */
export function describeDiff(diff: StyleSetDiff, labelOf: (key: string) => string): string[] {
  const lines: string[] = [];
  // A name is never empty, so a change from "" is the set's creation (a diff from nothing).
  if (diff.name && diff.name.from === "") lines.push(`Created as “${diff.name.to}”`);
  else if (diff.name) lines.push(`Renamed “${diff.name.from}” → “${diff.name.to}”`);
  if (diff.note) lines.push(diff.note.to ? `Note: “${diff.note.to}”` : "Note removed");
  if (diff.proof) lines.push(describeProofChange(diff.proof.to));
  for (const a of diff.added)
    lines.push(
      `Added ${labelOf(a.key)} at ${a.index + 1} (strength ${formatStrength(a.reference.strength)})`,
    );
  for (const r of diff.removed) lines.push(`Removed ${labelOf(r.key)} (was ${r.index + 1})`);
  for (const m of diff.moved)
    lines.push(`Moved ${labelOf(m.key)} from ${m.from + 1} to ${m.to + 1}`);
  for (const s of diff.strength)
    lines.push(
      `Strength of ${labelOf(s.key)}: ${formatStrength(s.from)} → ${formatStrength(s.to)}`,
    );
  return lines;
}

/** What a reference is called in a diff line: its label, else the last part of its URL. */
export function referenceName(ref: StyleSetReference): string {
  if (ref.label) return ref.label;
  const path = ref.imageUrl.split(/[?#]/)[0] ?? ref.imageUrl;
  return path.slice(path.lastIndexOf("/") + 1) || ref.imageUrl;
}

/** key → name for every reference of the given versions (the later one wins). */
export function namesByKey(
  ...lists: readonly (readonly StyleSetReference[])[]
): Map<string, string> {
  const names = new Map<string, string>();
  for (const refs of lists) {
    const keys = referenceKeys(refs);
    refs.forEach((ref, i) => names.set(keys[i] ?? "", referenceName(ref)));
  }
  return names;
}

/** The names a diff itself carries (added and removed references), for a diff read alone. */
export function namesInDiff(diff: StyleSetDiff): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of [...diff.removed, ...diff.added, ...diff.relinked]) {
    names.set(r.key, referenceName(r.reference));
  }
  return names;
}
