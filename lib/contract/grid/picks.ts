// Where a grid's cells sit on screen and on the contact sheet (first axis as
// columns, second as rows, third as tabs), the winners a designer picks per
// row or column, and the sentence that sums the picks up. Pure and shared by
// the grid view and the server's contact sheet.
import { valueLabel, type GridAxis } from "./grid";
import type { GridPick } from "./schema";

export interface LayoutCell {
  index: number;
  coords: number[];
  cost: number;
}

export interface GridLayout {
  columns: GridAxis | null;
  rows: GridAxis | null;
  tabs: GridAxis | null;
  columnCount: number;
  rowCount: number;
  tabCount: number;
}

export function gridLayout(axes: readonly GridAxis[]): GridLayout {
  const [columns = null, rows = null, tabs = null] = axes;
  return {
    columns,
    rows,
    tabs,
    columnCount: columns?.values.length ?? 1,
    rowCount: rows?.values.length ?? 1,
    tabCount: tabs?.values.length ?? 1,
  };
}

/** Column, row and tab of a cell (0 where the grid has no such axis). */
export function placeOf(cell: Pick<LayoutCell, "coords">) {
  return { column: cell.coords[0] ?? 0, row: cell.coords[1] ?? 0, tab: cell.coords[2] ?? 0 };
}

export function cellAt<T extends LayoutCell>(
  cells: readonly T[],
  tab: number,
  row: number,
  column: number,
): T | undefined {
  return cells.find((c) => {
    const p = placeOf(c);
    return p.tab === tab && p.row === row && p.column === column;
  });
}

/** The line two cells share: the same row is a row pick, else the same column, else none. */
export function sharedLine(a: LayoutCell, b: LayoutCell): Omit<GridPick, "cell"> | null {
  const pa = placeOf(a);
  const pb = placeOf(b);
  if (pa.tab !== pb.tab) return null;
  if (pa.row === pb.row) return { line: "row", at: pa.row, tab: pa.tab };
  if (pa.column === pb.column) return { line: "column", at: pa.column, tab: pa.tab };
  return null;
}

/** Sets the winner of a line, replacing an earlier pick on the same line; the same pick again clears it. */
export function withPick(picks: readonly GridPick[], pick: GridPick): GridPick[] {
  const same = (p: GridPick) => p.line === pick.line && p.at === pick.at && p.tab === pick.tab;
  const existing = picks.find(same);
  const rest = picks.filter((p) => !same(p));
  return existing?.cell === pick.cell ? rest : [...rest, pick];
}

const reads = (axis: GridAxis, i: number) => {
  const label = valueLabel(axis, i);
  return axis.kind === "size" || axis.kind === "creativity" ? label.toLowerCase() : label;
};

/**
 * "Large chosen in 5 of 8 rows; those 5 cost +195 Buzz more than medium": the
 * value picked most along each kind of line, and what choosing it cost against
 * the cheapest cell of the same lines.
 */
export function summarizePicks(
  axes: readonly GridAxis[],
  cells: readonly LayoutCell[],
  picks: readonly GridPick[],
): string[] {
  const layout = gridLayout(axes);
  const out: string[] = [];
  for (const line of ["row", "column"] as const) {
    // A row's winner differs from the others by its column value, and vice versa.
    const across = line === "row" ? layout.columns : layout.rows;
    if (!across) continue;
    const mine = picks.filter((p) => p.line === line);
    if (mine.length === 0) continue;
    const lines = (line === "row" ? layout.rowCount : layout.columnCount) * layout.tabCount;
    const byValue = new Map<number, GridPick[]>();
    for (const p of mine) {
      const cell = cells[p.cell];
      if (!cell) continue;
      const v = line === "row" ? placeOf(cell).column : placeOf(cell).row;
      byValue.set(v, [...(byValue.get(v) ?? []), p]);
    }
    const [value, won] = [...byValue.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
    if (value === undefined || !won) continue;
    let extra = 0;
    const cheapest = new Set<number>();
    for (const p of won) {
      const members = cells.filter((c) => {
        const pl = placeOf(c);
        return pl.tab === p.tab && (line === "row" ? pl.row === p.at : pl.column === p.at);
      });
      const min = Math.min(...members.map((c) => c.cost));
      extra += (cells[p.cell]?.cost ?? 0) - min;
      for (const c of members) {
        if (c.cost === min) cheapest.add(line === "row" ? placeOf(c).column : placeOf(c).row);
      }
    }
    const name = valueLabel(across, value);
    const head = `${name} chosen in ${won.length} of ${lines} ${line}s`;
    const than =
      cheapest.size === 1 ? reads(across, [...cheapest][0] ?? 0) : `the cheapest in each ${line}`;
    const those = won.length === 1 ? "that one costs" : `those ${won.length} cost`;
    out.push(
      extra > 0
        ? `${head}; ${those} +${extra} Buzz more than ${than}`
        : `${head}; at no extra cost`,
    );
  }
  return out;
}
