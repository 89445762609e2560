// Changes to the reference list as pure functions over the whole array, so every
// change (a drop, an upload finishing while the designer reorders, a set applied)
// is one atomic setValue, and async results find their row by key, never by an
// index that may have moved meanwhile.
import { STYLE_REFERENCES_MAX } from "@/lib/contract/krea/options";
import type { ReferenceEntry } from "./entry";
import { clampStrength } from "@/lib/contract/references/strength";

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

export interface Appended {
  list: ReferenceEntry[];
  /** the rows that went in, in order */
  kept: ReferenceEntry[];
  /** the rows that did not fit, in order */
  leftOut: ReferenceEntry[];
  /** what to tell the designer when anything was left out */
  message: string | null;
}

/** “a.png”, “b.png” and “c.png” */
function names(rows: readonly ReferenceEntry[]): string {
  const quoted = rows.map((r) => `“${r.label}”`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

/**
 * Appends as many of `added` as fit, in order, and names the ones left out:
 * a drop of three onto nine keeps the first and says which two stayed out.
 */
export function appendEntries(
  list: readonly ReferenceEntry[],
  added: readonly ReferenceEntry[],
): Appended {
  const room = roomLeft(list);
  const kept = added.slice(0, room);
  const leftOut = added.slice(room);
  let message: string | null = null;
  if (leftOut.length > 0) {
    message =
      kept.length === 0
        ? added.length === 1
          ? LIST_FULL_MESSAGE
          : `${LIST_FULL_MESSAGE}. Not added: ${names(leftOut)}.`
        : `At most ${STYLE_REFERENCES_MAX} style references: added ${kept.length} of ${added.length}. Left out: ${names(leftOut)}.`;
  }
  return { list: [...list, ...kept], kept, leftOut, message };
}

/** Messages that only say the list is full: stale as soon as a row goes. */
export function isListFullMessage(message: string): boolean {
  return message.startsWith(LIST_FULL_MESSAGE);
}

/** Puts a removed row back where it was (Undo), if there is still room. */
export function restoreEntry(
  list: readonly ReferenceEntry[],
  row: ReferenceEntry,
  index: number,
): ReferenceEntry[] | null {
  if (roomLeft(list) === 0 || list.some((e) => e.key === row.key)) return null;
  const next = [...list];
  next.splice(Math.min(index, next.length), 0, row);
  return next;
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
