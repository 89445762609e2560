// Which sets a designer picks from, in which order: approved sets first (the
// team's trusted looks), then drafts, each group most recently updated first as
// the list comes; retired (and binned) sets are left out, their images keep
// linking. The builder's picker and the Grid's style-set axis both use this, so
// a set offered in one is offered in the other.
import type { StyleSet } from "./schema";

type Listed = Pick<StyleSet, "status"> & { deletedAt?: string | null };

const live = (s: Listed) => !s.deletedAt;

export function pickerSets<T extends Listed>(sets: readonly T[]): T[] {
  const approved = sets.filter((s) => live(s) && s.status === "approved");
  const drafts = sets.filter((s) => live(s) && s.status === "draft");
  return [...approved, ...drafts];
}

/** How many sets a picker hides because they are retired (they are still on the Style sets page). */
export function retiredCount(sets: readonly Listed[]): number {
  return sets.filter((s) => live(s) && s.status === "retired").length;
}

/** "2 retired sets are hidden here" (null when none is). */
export function hiddenRetiredText(sets: readonly Listed[]): string | null {
  const n = retiredCount(sets);
  if (n === 0) return null;
  return n === 1 ? "1 retired set is hidden here" : `${n} retired sets are hidden here`;
}
