// Which sets the builder's picker offers, in which order: approved sets first
// (the team's trusted looks), then drafts, each group most recently updated
// first as the list comes; retired sets are left out (their images keep linking).
import type { StyleSet } from "./schema";

export function pickerSets<T extends Pick<StyleSet, "status">>(sets: readonly T[]): T[] {
  const approved = sets.filter((s) => s.status === "approved");
  const drafts = sets.filter((s) => s.status === "draft");
  return [...approved, ...drafts];
}
