// How a grid cell reads: its status, Buzz and time, and its name for screen
// readers ("Large, Raw, seed 1: Succeeded, 78 Buzz, 1.2 s"). Pure.
import {
  formatDuration,
  statusLabel,
  wallSeconds,
  type StatusTone,
} from "@/lib/client/gallery/format";
import { valueLabel } from "@/lib/contract/grid/grid";
import type { GridLayout } from "@/lib/contract/grid/picks";
import { placeOf } from "@/lib/contract/grid/picks";
import type { PlanCellView } from "@/lib/contract/grid/schema";
import { formatBuzz } from "@/lib/contract/krea/pricing";

export interface CellFacts {
  status: string;
  tone: StatusTone;
  buzz: string;
  time: string | null;
  /** where the cell sits, in axis values */
  place: string;
}

export function cellFacts(cell: PlanCellView, layout: GridLayout): CellFacts {
  const g = cell.generation;
  const { column, row, tab } = placeOf(cell);
  const place = [
    layout.columns ? valueLabel(layout.columns, column) : null,
    layout.rows ? valueLabel(layout.rows, row) : null,
    layout.tabs ? valueLabel(layout.tabs, tab) : null,
  ]
    .filter((p): p is string => p !== null)
    .map((p, i) => {
      const axis = [layout.columns, layout.rows, layout.tabs][i];
      return axis?.kind === "seed" ? `seed ${p}` : axis?.kind === "strength" ? `strength ${p}` : p;
    })
    .join(", ");
  const charged = g?.chargedBuzz;
  const buzz = `${formatBuzz(charged ?? cell.cost)} Buzz${charged === null || charged === undefined ? " planned" : ""}`;
  const seconds = g ? wallSeconds(g) : null;
  const time = seconds === null ? null : formatDuration(seconds);
  if (cell.state === "skipped")
    return { status: "Not sent (grid canceled)", tone: "neutral", buzz, time, place };
  if (cell.state === "refused")
    return {
      status: `Refused: ${cell.error ?? "by the orchestrator"}`,
      tone: "danger",
      buzz,
      time,
      place,
    };
  if (!g)
    return {
      status: cell.state === "pending" ? "Waiting to be sent" : "Sending",
      tone: "neutral",
      buzz,
      time,
      place,
    };
  const s = statusLabel(g);
  const progress = g.progress !== null && !g.final ? ` ${Math.round(g.progress * 100)} %` : "";
  return { status: `${s.label}${progress}`, tone: s.tone, buzz, time, place };
}

export function cellName(facts: CellFacts): string {
  return `${facts.place}: ${facts.status}, ${facts.buzz}${facts.time ? `, ${facts.time}` : ""}`;
}
