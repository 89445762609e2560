import "server-only";
import { isFinal, WORKFLOW_STATUSES, type Generation } from "@/lib/contract/generations/types";
import { expandGrid } from "@/lib/contract/grid/grid";
import type { PlanView } from "@/lib/contract/grid/schema";
import type { CellRecord, PlanRecord } from "./store";

// What GET /api/plans/:id answers: the stored plan and cells, each with the
// latest workflow the server read for it (null before the first read).

const finalStatus = (s: string | null) => {
  const status = WORKFLOW_STATUSES.find((k) => k === s);
  return status !== undefined && isFinal(status);
};

export function planView(
  plan: PlanRecord,
  cells: CellRecord[],
  generations: ReadonlyMap<number, Generation>,
  upstream: { requests: number; maxInFlight: number },
): PlanView {
  const expanded = expandGrid(plan.spec);
  let done = 0;
  let spent = 0;
  const views = cells.map((c) => {
    const generation = generations.get(c.index) ?? null;
    const status = generation?.status ?? c.status;
    if (
      c.state === "skipped" ||
      c.state === "refused" ||
      (c.state === "sent" && finalStatus(status))
    )
      done++;
    spent += generation?.chargedBuzz ?? c.charged ?? 0;
    return {
      index: c.index,
      coords: c.coords,
      state: c.state,
      workflowId: c.workflowId,
      cost: c.cost,
      error: c.error,
      generation,
    };
  });
  return {
    id: plan.id,
    title: plan.title,
    state: plan.state,
    createdAt: new Date(plan.createdAt).toISOString(),
    spec: plan.spec,
    axes: expanded.ok ? expanded.grid.axes : plan.spec.axes,
    cells: views,
    done,
    planned: plan.planned,
    spent: Math.round(spent),
    picks: plan.picks,
    upstream,
  };
}
