import { describe, expect, it } from "vitest";
import { expandGrid, type GridAxis } from "./grid";
import { cellAt, sharedLine, summarizePicks, withPick } from "./picks";

const axes: GridAxis[] = [
  { kind: "size", values: ["medium", "large"] },
  { kind: "creativity", values: ["raw", "low", "medium", "high"] },
  { kind: "seed", values: [1, 2] },
];
const expansion = expandGrid({
  base: {
    prompt: "p",
    size: "medium",
    aspectRatio: "1:1",
    creativity: "medium",
    quantity: 1,
    seed: 0,
    imageStyleReferences: [],
  },
  alternations: false,
  axes,
});
if (!expansion.ok) throw new Error("refused");
const { cells } = expansion.grid;
const at = (tab: number, row: number, column: number) => cellAt(cells, tab, row, column)!;

describe("picks", () => {
  it("finds the line two cells share", () => {
    expect(sharedLine(at(0, 1, 0), at(0, 1, 1))).toEqual({ line: "row", at: 1, tab: 0 });
    expect(sharedLine(at(1, 0, 1), at(1, 3, 1))).toEqual({ line: "column", at: 1, tab: 1 });
    expect(sharedLine(at(0, 0, 0), at(1, 0, 1))).toBeNull();
  });

  it("replaces a line's winner and clears it when picked again", () => {
    const one = withPick([], { line: "row", at: 0, tab: 0, cell: 0 });
    const two = withPick(one, { line: "row", at: 0, tab: 0, cell: 1 });
    expect(two).toEqual([{ line: "row", at: 0, tab: 0, cell: 1 }]);
    expect(withPick(two, { line: "row", at: 0, tab: 0, cell: 1 })).toEqual([]);
  });

  it("sums up the row winners with what they cost", () => {
    // Large wins 5 of the 8 rows (4 creativities × 2 seeds), medium 1.
    let picks = [
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 1],
      [1, 0, 1],
      [1, 1, 1],
      [1, 2, 0],
    ].reduce(
      (p, [tab, row, column]) =>
        withPick(p, { line: "row", at: row!, tab: tab!, cell: at(tab!, row!, column!).index }),
      [] as ReturnType<typeof withPick>,
    );
    expect(summarizePicks(axes, cells, picks)).toEqual([
      "Large chosen in 5 of 8 rows; those 5 cost +195 Buzz more than medium",
    ]);
    picks = withPick([], { line: "column", at: 0, tab: 0, cell: at(0, 0, 0).index });
    expect(summarizePicks(axes, cells, picks)).toEqual([
      "Raw chosen in 1 of 4 columns; at no extra cost",
    ]);
  });
});
