import "server-only";
import { axisTitle, valueLabel, type GridAxis } from "@/lib/contract/grid/grid";
import { cellAt, gridLayout, type GridLayout } from "@/lib/contract/grid/picks";
import type { PlanView } from "@/lib/contract/grid/schema";
import { formatBuzz } from "@/lib/contract/krea/pricing";

// Where everything goes on a contact sheet, in points from the top-left of a
// landscape page, one page per tab of the grid. The PDF and PNG renderers draw
// the same items, so both sheets say the same thing.

export const PAPER = {
  a4: { width: 842, height: 595 },
  letter: { width: 792, height: 612 },
} as const;
export type Paper = keyof typeof PAPER;

export const STUDIO_NAME = "Krea Prompt Studio";

export type SheetItem =
  | { kind: "text"; x: number; y: number; size: number; text: string; bold?: boolean }
  | { kind: "image"; x: number; y: number; w: number; h: number; cell: number }
  | { kind: "box"; x: number; y: number; w: number; h: number; winner: boolean };

const MARGIN = 24;
const ROW_HEADER = 64;

function strengthsOf(cell: PlanView["cells"][number], plan: PlanView): string {
  const refs = cell.generation?.input?.imageStyleReferences ?? plan.spec.base.imageStyleReferences;
  if (refs.length === 0) return "no refs";
  return `str ${refs.map((r) => String(r.strength ?? 1)).join("/")}`;
}

/** The cell's own settings, as read from what was sent (seed, tier, creativity, strength, Buzz). */
export function cellCaption(cell: PlanView["cells"][number], plan: PlanView): string {
  const input = cell.generation?.input ?? null;
  const seed = input?.seed ?? plan.spec.base.seed;
  const size = input?.size ?? "";
  const creativity = input?.creativity ?? "";
  const buzz = cell.generation?.chargedBuzz ?? cell.cost;
  return `#${cell.index + 1} seed ${seed} · ${size} · ${creativity} · ${strengthsOf(cell, plan)} · ${formatBuzz(buzz)} Buzz`;
}

function promptsLine(plan: PlanView): string {
  const prompts = plan.axes.find((a) => a.kind === "prompt");
  if (prompts?.kind === "prompt") return `Prompts: ${prompts.values.join(" | ")}`;
  return `Prompt: ${plan.spec.base.prompt}`;
}

function styleSetLine(plan: PlanView): string | null {
  const axis = plan.axes.find((a) => a.kind === "styleSet");
  if (axis?.kind === "styleSet") {
    return `Style sets: ${axis.values.map((s) => `${s.name}@${s.version}`).join(", ")}`;
  }
  const base = plan.spec.baseStyleSet;
  return base ? `Style set: ${base.name}@${base.version}` : null;
}

const label = (axis: GridAxis | null, i: number) => (axis ? valueLabel(axis, i) : "");

export function layoutSheet(plan: PlanView, paper: Paper): SheetItem[][] {
  const { width, height } = PAPER[paper];
  const layout: GridLayout = gridLayout(plan.axes);
  const winners = new Set(plan.picks.map((p) => p.cell));
  const pages: SheetItem[][] = [];
  for (let tab = 0; tab < layout.tabCount; tab++) {
    const items: SheetItem[] = [];
    let y = MARGIN;
    const text = (t: string, size: number, bold = false, x = MARGIN) => {
      items.push({ kind: "text", x, y, size, text: t, bold });
      y += size + 4;
    };
    text(`${STUDIO_NAME} · Grid: ${plan.title}`, 13, true);
    text(
      `${plan.createdAt.slice(0, 10)} · ${plan.cells.length} cells · ${formatBuzz(plan.spent)} of ${formatBuzz(plan.planned)} Buzz spent · winners framed and marked WINNER`,
      8,
    );
    text(promptsLine(plan).slice(0, 220), 8);
    const set = styleSetLine(plan);
    if (set) text(set.slice(0, 220), 8);
    if (layout.tabs) {
      text(
        `${axisTitle(layout.tabs)}: ${label(layout.tabs, tab)} (page ${tab + 1} of ${layout.tabCount})`,
        9,
        true,
      );
    }
    // Column headers, then rows of cells with a caption under each image.
    const axesLine = [layout.columns, layout.rows]
      .filter((a): a is GridAxis => a !== null)
      .map(axisTitle)
      .join(" (columns) × ");
    text(`${axesLine}${layout.rows ? " (rows)" : ""}`, 8);
    const gridTop = y + 12;
    const colW = (width - 2 * MARGIN - ROW_HEADER) / layout.columnCount;
    const rowH = (height - MARGIN - gridTop) / layout.rowCount;
    const caption = Math.max(4.5, Math.min(7, colW / 28));
    for (let c = 0; c < layout.columnCount; c++) {
      items.push({
        kind: "text",
        x: MARGIN + ROW_HEADER + c * colW,
        y: gridTop - 11,
        size: 9,
        text: label(layout.columns, c),
        bold: true,
      });
    }
    for (let r = 0; r < layout.rowCount; r++) {
      const top = gridTop + r * rowH;
      items.push({
        kind: "text",
        x: MARGIN,
        y: top + 2,
        size: 8,
        text: layout.rows ? label(layout.rows, r).slice(0, 18) : "",
        bold: true,
      });
      for (let c = 0; c < layout.columnCount; c++) {
        const cell = cellAt(plan.cells, tab, r, c);
        if (!cell) continue;
        const x = MARGIN + ROW_HEADER + c * colW;
        const side = Math.max(8, Math.min(colW - 6, rowH - caption * 3 - 10));
        const winner = winners.has(cell.index);
        items.push({ kind: "box", x, y: top, w: side, h: side, winner });
        items.push({ kind: "image", x, y: top, w: side, h: side, cell: cell.index });
        items.push({
          kind: "text",
          x,
          y: top + side + 2,
          size: caption,
          text: cellCaption(cell, plan),
        });
        // Under the caption, so it never hides the image it judges.
        if (winner)
          items.push({
            kind: "text",
            x,
            y: top + side + caption + 4,
            size: caption,
            text: "WINNER",
            bold: true,
          });
      }
    }
    pages.push(items);
  }
  return pages;
}
