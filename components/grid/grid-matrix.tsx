"use client";
// The labelled matrix of one tab: column headers are the first axis's values,
// row headers the second's. Arrow keys move between cells, Enter opens one,
// Space (or a click) selects it for a pair, 1 and 2 pick a pair's winner.
import { useRef, useState, type KeyboardEvent } from "react";
import { axisTitle, valueLabel } from "@/lib/contract/grid/grid";
import { cellAt, type GridLayout } from "@/lib/contract/grid/picks";
import type { GridPick, PlanCellView } from "@/lib/contract/grid/schema";
import { GridCell } from "./grid-cell";

export function GridMatrix({
  cells,
  layout,
  tab,
  picks,
  selected,
  onSelect,
  onOpen,
  onPickKey,
}: {
  cells: PlanCellView[];
  layout: GridLayout;
  tab: number;
  picks: readonly GridPick[];
  selected: readonly number[];
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  /** "1" or "2" pressed while a pair is selected */
  onPickKey: (which: 0 | 1) => void;
}) {
  const [focus, setFocus] = useState({ row: 0, column: 0 });
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const move = (row: number, column: number) => {
    const r = Math.max(0, Math.min(layout.rowCount - 1, row));
    const c = Math.max(0, Math.min(layout.columnCount - 1, column));
    setFocus({ row: r, column: c });
    buttons.current.get(`${r}:${c}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const { row, column } = focus;
    const keys: Record<string, () => void> = {
      ArrowUp: () => move(row - 1, column),
      ArrowDown: () => move(row + 1, column),
      ArrowLeft: () => move(row, column - 1),
      ArrowRight: () => move(row, column + 1),
      Home: () => move(row, 0),
      End: () => move(row, layout.columnCount - 1),
      Enter: () => onOpen(index),
      "1": () => onPickKey(0),
      "2": () => onPickKey(1),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  const winnerOf = (index: number) => {
    const lines = picks.filter((p) => p.cell === index).map((p) => p.line);
    return lines.length === 0 ? null : lines.join(" and ");
  };
  const caption = [layout.columns, layout.rows]
    .filter((a) => a !== null)
    .map((a) => axisTitle(a!))
    .join(" × ");
  return (
    <div className="overflow-x-auto">
      {/* Cells stop growing (320 px for one or two columns, 220 px from four), so a
          narrow grid shows its images large enough to judge and stays a grid, not a wall. */}
      <table
        className="w-full table-fixed border-separate border-spacing-1.5"
        style={{ maxWidth: 104 + layout.columnCount * (cellMax(layout.columnCount) + 6) }}
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-24 text-left text-xs font-medium text-muted">
              {layout.rows ? axisTitle(layout.rows) : ""}
              {layout.rows && layout.columns ? " \\ " : ""}
              {layout.columns ? axisTitle(layout.columns) : ""}
            </th>
            {Array.from({ length: layout.columnCount }, (_, c) => (
              <th key={c} scope="col" className="text-left text-xs font-semibold">
                {layout.columns ? valueLabel(layout.columns, c) : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: layout.rowCount }, (_, r) => (
            <tr key={r}>
              <th scope="row" className="text-left align-top text-xs font-semibold break-words">
                {layout.rows ? valueLabel(layout.rows, r) : "All"}
              </th>
              {Array.from({ length: layout.columnCount }, (_, c) => {
                const cell = cellAt(cells, tab, r, c);
                if (!cell) return <td key={c} />;
                return (
                  <td key={c} className="align-top">
                    <GridCell
                      cell={cell}
                      layout={layout}
                      selected={selected.includes(cell.index)}
                      winner={winnerOf(cell.index)}
                      focused={focus.row === r && focus.column === c}
                      buttonRef={(el) => {
                        if (el) buttons.current.set(`${r}:${c}`, el);
                        else buttons.current.delete(`${r}:${c}`);
                      }}
                      onSelect={() => onSelect(cell.index)}
                      onFocus={() => setFocus({ row: r, column: c })}
                      onKeyDown={(e) => onKeyDown(e, cell.index)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellMax(columns: number): number {
  return columns <= 2 ? 320 : columns === 3 ? 280 : 220;
}
