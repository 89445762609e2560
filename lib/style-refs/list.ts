// Changes to the reference list as pure functions over the whole array, so every
// change (a drop, an upload finishing while the designer reorders, a set applied)
// is one atomic setValue, and async results find their row by key, never by an
// index that may have moved meanwhile.
import { STYLE_REFERENCES_MAX } from "@/lib/krea/options";
import type { ReferenceEntry } from "./entry";
import { clampStrength } from "./strength";

/** Read and write the whole list (the builder form's value), for code outside React. */
export interface ListAccess {
  get(): readonly ReferenceEntry[];
  set(next: readonly ReferenceEntry[]): void;
}

export const LIST_FULL_MESSAGE = `At most ${STYLE_REFERENCES_MAX} style references: remove one first`;

export type ListChange =
  { ok: true; list: ReferenceEntry[] } | { ok: false; message: string; room: number };

/** How many more rows fit. */
export function roomLeft(list: readonly unknown[]): number {
  return Math.max(0, STYLE_REFERENCES_MAX - list.length);
}

/** "only 2 more fit" */
export function fitPhrase(room: number): string {
  return room === 0 ? "none fit" : `only ${room} more ${room === 1 ? "fits" : "fit"}`;
}

/**
 * Appends all of `added` or none: a drop of three onto eight would otherwise
 * keep two and silently lose one, and the designer would not know which.
 */
export function appendEntries(
  list: readonly ReferenceEntry[],
  added: readonly ReferenceEntry[],
): ListChange {
  const room = roomLeft(list);
  if (added.length <= room) return { ok: true, list: [...list, ...added] };
  if (room === 0 || added.length === 1) return { ok: false, message: LIST_FULL_MESSAGE, room };
  return {
    ok: false,
    room,
    message: `At most ${STYLE_REFERENCES_MAX} style references: ${fitPhrase(room)}, not ${added.length}. Remove some first.`,
  };
}

export function moveEntry(
  list: readonly ReferenceEntry[],
  from: number,
  to: number,
): ReferenceEntry[] {
  const next = [...list];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return next;
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

export function removeEntry(list: readonly ReferenceEntry[], key: string): ReferenceEntry[] {
  return list.filter((e) => e.key !== key);
}

/** Patches one row by key; the same array when the row is gone (removed while it uploaded). */
export function patchEntry(
  list: readonly ReferenceEntry[],
  key: string,
  patch: Partial<Omit<ReferenceEntry, "key">>,
): readonly ReferenceEntry[] {
  const index = list.findIndex((e) => e.key === key);
  const current = list[index];
  if (!current) return list;
  const next = [...list];
  next[index] = { ...current, ...patch };
  return next;
}

export function setStrength(
  list: readonly ReferenceEntry[],
  key: string,
  strength: number,
): readonly ReferenceEntry[] {
  return patchEntry(list, key, { strength: clampStrength(strength), strengthError: null });
}

const REFERENCE_FIELD = /^imageStyleReferences\.(\d+)\.(imageUrl|strength)$/;

/**
 * Puts a refused submit's reference errors ("imageStyleReferences.1.imageUrl")
 * on their rows, so each message shows next to its reference. A row whose link
 * was refused becomes an error (Generate waits until it is replaced or removed);
 * a refused strength keeps the row and says why.
 */
export function markReferenceErrors(
  list: readonly ReferenceEntry[],
  errors: Readonly<Record<string, readonly string[]>>,
): readonly ReferenceEntry[] {
  let next = list;
  for (const [path, messages] of Object.entries(errors)) {
    const match = REFERENCE_FIELD.exec(path);
    const row = match ? next[Number(match[1])] : undefined;
    if (!match || !row || messages.length === 0) continue;
    const message = messages.join(" ");
    next = patchEntry(
      next,
      row.key,
      match[2] === "imageUrl" ? { status: "error", message } : { status: "warning", message },
    );
  }
  return next;
}
