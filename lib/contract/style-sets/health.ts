// What keeping a style set alive found for each reference (POST
// /api/style-sets/:id/keep-alive, lib/server/style-sets/keep-alive.ts), shared by the
// server and the pages that show it.

export type ReferenceHealth =
  /** refreshed: good for another 30 days */
  | { index: number; state: "alive" }
  /** its blob was gone; the kept original was uploaded again */
  | { index: number; state: "restored" }
  /** its blob is gone and the studio has no copy of the image */
  | { index: number; state: "lost"; detail: string }
  /** a pasted link, not the orchestrator's: nothing to keep alive */
  | { index: number; state: "link" }
  /** could not tell now (orchestrator unreachable…); nothing was changed */
  | { index: number; state: "unknown"; detail: string };

export const LOST_DETAIL =
  "Its image has expired on the orchestrator and this studio has no copy of it. Remove it from the set, or add the same image again and update the set.";

/** The lost references' indices. */
export function lostIndices(health: readonly ReferenceHealth[]): number[] {
  return health.filter((h) => h.state === "lost").map((h) => h.index);
}

/** What to tell a designer about references that cannot be restored, or null when there are none. */
export function lostSummary(
  lost: readonly number[],
  references: readonly { label?: string | null }[],
): string | null {
  if (lost.length === 0) return null;
  const names = lost.map((i) => {
    const label = references[i]?.label;
    return label ? `${i + 1} (“${label}”)` : String(i + 1);
  });
  if (names.length === 1) {
    return `Reference ${names[0]} can't be restored: its image expired on the orchestrator and this studio has no copy of it. Remove it from the set, or add the same image again and update the set.`;
  }
  const list = `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `References ${list} can't be restored: their images expired on the orchestrator and this studio has no copy of them. Remove them from the set, or add the same images again and update the set.`;
}
