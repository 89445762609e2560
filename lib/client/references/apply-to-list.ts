// Applying a style set to the builder's list, with the toast that can undo it.
// Shared by the quick picker, the conflict dialog's "Load theirs" and the Style
// sets page's "Use in builder" (which arrives as ?useStyleSet=<id>).
import { apiFetch } from "@/lib/client/platform/api-client";
import { toast } from "@/lib/client/platform/toast";
import { lostIndices, lostSummary, type ReferenceHealth } from "@/lib/contract/style-sets/health";
import { getStyleSetOrigin, setStyleSetOrigin } from "@/lib/client/references/style-set-origin";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import type { ListAccess } from "./list";
import { applySet, type ApplyMode } from "./sets";

const refs = (n: number) => `${n} reference${n === 1 ? "" : "s"}`;

export type ApplyOutcome = { ok: true } | { ok: false; message: string };

export function applyStyleSetToList(
  list: ListAccess,
  set: Pick<StyleSet, "id" | "name" | "version" | "references">,
  mode: ApplyMode,
): ApplyOutcome {
  const before = list.get();
  const beforeOrigin = getStyleSetOrigin();
  const { change, origin } = applySet(before, set, mode, beforeOrigin);
  if (!change.ok) return { ok: false, message: change.message };
  list.set(change.list);
  setStyleSetOrigin(origin);
  const n = set.references.length;
  const title =
    mode === "append" && before.length > 0
      ? `Added ${refs(n)} from “${set.name}”`
      : `Applied “${set.name}”: ${refs(n)}`;
  toast.success(title, {
    description:
      before.length > 0 && mode === "replace" ? `Replaced ${refs(before.length)}.` : undefined,
    action:
      before.length > 0
        ? {
            label: "Undo",
            onClick: () => {
              list.set(before);
              setStyleSetOrigin(beforeOrigin);
            },
          }
        : undefined,
  });
  return { ok: true };
}

export interface KeptAliveSet {
  set: StyleSet;
  references: ReferenceHealth[];
}

/** POST /api/style-sets/:id/keep-alive: the set with fresh (or restored) blobs, and what could not be restored. */
export function keepStyleSetAlive(id: string, signal?: AbortSignal): Promise<KeptAliveSet> {
  return apiFetch<KeptAliveSet>(`/api/style-sets/${encodeURIComponent(id)}/keep-alive`, {
    method: "POST",
    signal,
  });
}

/**
 * Applies a set after keeping it alive, so its blobs are fresh (a new 30-day
 * lifetime) and any that had expired are uploaded again: the designer gets a
 * working set. When the studio cannot be asked, the set is applied as saved
 * (submits re-sign references anyway); references it cannot restore are named.
 */
export async function applyLiveStyleSet(
  list: ListAccess,
  set: Pick<StyleSet, "id" | "name" | "version" | "references">,
  mode: ApplyMode,
): Promise<ApplyOutcome> {
  let live = set;
  let lost: number[] = [];
  try {
    const kept = await keepStyleSetAlive(set.id);
    live = kept.set;
    lost = lostIndices(kept.references);
  } catch {
    // Applied as saved; the Style sets page shows what is wrong with it.
  }
  const outcome = applyStyleSetToList(list, live, mode);
  const summary = lostSummary(lost, live.references);
  if (outcome.ok && summary) {
    toast.warning(
      `“${live.name}” has ${lost.length === 1 ? "a reference" : "references"} that can't be used`,
      {
        description: summary,
      },
    );
  }
  return outcome;
}
