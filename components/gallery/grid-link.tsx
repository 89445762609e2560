"use client";
// "Grid: Tier × Creativity · cell 2,3": a grid cell's way back to its grid. The
// title and the cell's place come from the plan (one request, shared with the
// grid view's cache); until it answers, the cell's index stands in.
import { Grid3x3 } from "lucide-react";
import Link from "next/link";
import { usePlan } from "@/lib/client/grid/grid-api";
import { placeOf } from "@/lib/contract/grid/picks";
import type { Generation } from "@/lib/contract/generations/types";

export function GridLink({ generation: g }: { generation: Generation }) {
  const { gridId, gridCell } = g.metadata;
  if (!gridId) return null;
  return <GridChip gridId={gridId} cell={typeof gridCell === "number" ? gridCell : null} />;
}

function GridChip({ gridId, cell }: { gridId: string; cell: number | null }) {
  const plan = usePlan(gridId);
  const view = plan.data;
  const coords = cell === null ? undefined : view?.cells[cell]?.coords;
  let where = cell === null ? "" : ` · cell ${cell + 1}`;
  if (view && coords) {
    const { row, column, tab } = placeOf({ coords });
    where =
      coords.length === 1
        ? ` · cell ${column + 1}`
        : ` · cell ${row + 1},${column + 1}${coords.length > 2 ? ` (tab ${tab + 1})` : ""}`;
  }
  return (
    <Link
      href={`/grids/${encodeURIComponent(gridId)}`}
      title="Open the grid this image is a cell of (row, column)"
      className="inline-flex max-w-full items-center gap-1 self-start rounded-sm bg-subtle px-1.5 py-px text-[11px] font-medium text-muted hover:bg-border hover:text-foreground"
    >
      <Grid3x3 aria-hidden="true" className="size-3 shrink-0" />
      <span className="truncate">
        Grid: {view?.title ?? "decision grid"}
        {where}
      </span>
    </Link>
  );
}
