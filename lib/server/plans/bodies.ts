import "server-only";
import { styleSetTag } from "@/lib/server/style-sets/generation-link";
import { submitLinks, TAG_PREFIX } from "@/lib/contract/generations/links";
import { buildWorkflowBody, type KreaWorkflowBody } from "@/lib/contract/krea/workflow-body";
import { cellExternalId, type CellRecord, type PlanRecord } from "./store";

// What each cell's workflow carries: its facts as tags, `grid:<plan>` (the
// plan's workflows are read together by it), the style set it used, and in
// metadata the plan and cell, which link the cell to its grid in the gallery.

function cellStyleSet(plan: PlanRecord, cell: CellRecord) {
  const axisIndex = plan.spec.axes.findIndex((a) => a.kind === "styleSet");
  const axis = plan.spec.axes[axisIndex];
  if (!axis || axis.kind !== "styleSet") return plan.spec.baseStyleSet ?? null;
  const set = axis.values[cell.coords[axisIndex] ?? 0];
  return set ? { id: set.id, name: set.name, version: set.version } : null;
}

export function cellSubmitOptions(plan: PlanRecord, cell: CellRecord, size: number) {
  const links = submitLinks(cell.input, {});
  const set = cellStyleSet(plan, cell);
  return {
    externalId: cellExternalId(plan.id, cell.index),
    tags: [...links.tags, `${TAG_PREFIX.grid}${plan.id}`, ...(set ? [styleSetTag(set.id)] : [])],
    metadata: {
      ...links.metadata,
      gridId: plan.id,
      gridCell: cell.index,
      gridSize: size,
      ...(set ? { styleSet: set } : {}),
    },
  };
}

/** Every cell's body as it is (or was) sent; an orchestrator token is never part of one. */
export function cellBodies(plan: PlanRecord, cells: CellRecord[]): KreaWorkflowBody[] {
  return cells.map((c) => buildWorkflowBody(c.input, cellSubmitOptions(plan, c, cells.length)));
}
