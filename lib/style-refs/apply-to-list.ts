// Applying a style set to the builder's list, with the toast that can undo it.
// Shared by the quick picker, the conflict dialog's "Load theirs" and the Style
// sets page's "Use in builder" (which arrives as ?useStyleSet=<id>).
import { toast } from "@/lib/ui/toast";
import { getStyleSetOrigin, setStyleSetOrigin } from "@/lib/hooks/use-style-set-origin";
import type { StyleSet } from "@/lib/style-sets/schema";
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
