import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SeededKreaInput } from "@/lib/contract/grid/grid";
import {
  expandGrid,
  GRID_CELLS_MAX,
  priceClasses,
  randomSeeds,
  type GridAxis,
  type GridSpec,
  valueLabel,
} from "./grid";

const base: SeededKreaInput = {
  prompt: "a fox",
  size: "medium",
  aspectRatio: "1:1",
  creativity: "medium",
  quantity: 1,
  seed: 7,
  imageStyleReferences: [],
};
const spec = (axes: GridAxis[], extra: Partial<GridSpec> = {}): GridSpec => ({
  base,
  alternations: false,
  axes,
  ...extra,
});

describe("expandGrid", () => {
  it("tier × creativity × 2 seeds is 16 cells with the exact total", () => {
    const result = expandGrid(
      spec([
        { kind: "size", values: ["medium", "large"] },
        { kind: "creativity", values: ["raw", "low", "medium", "high"] },
        { kind: "seed", values: [1, 2] },
      ]),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.grid.cells).toHaveLength(16);
    expect(result.grid.total).toBe(8 * 39 + 8 * 78);
    expect(result.grid.cells[0]?.input).toMatchObject({
      size: "medium",
      creativity: "raw",
      seed: 1,
    });
    expect(result.grid.cells[15]?.input).toMatchObject({
      size: "large",
      creativity: "high",
      seed: 2,
    });
    expect(result.grid.cells[5]?.coords).toEqual([0, 2, 1]);
    expect(priceClasses(result.grid).map((c) => [c.size, c.cells, c.cost])).toEqual([
      ["medium", 8, 39],
      ["large", 8, 78],
    ]);
  });

  it("rounds each workflow up on its own (45.5 → 46 per cell with references)", () => {
    const withRef = {
      ...base,
      imageStyleReferences: [{ imageUrl: "https://x.test/a.png", strength: 1 }],
    };
    const result = expandGrid({
      base: withRef,
      alternations: false,
      axes: [{ kind: "strength", reference: 0, values: [-1, 0, 1, 2] }],
    });
    if (!result.ok) throw new Error("refused");
    expect(result.grid.total).toBe(4 * 46);
    expect(result.grid.cells.map((c) => c.input.imageStyleReferences[0]?.strength)).toEqual([
      -1, 0, 1, 2,
    ]);
  });

  it("turns each alternation group into an axis", () => {
    const result = expandGrid({
      base: { ...base, prompt: "a {red|blue} car on {sand|snow}" },
      alternations: true,
      axes: [{ kind: "size", values: ["medium", "large"] }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.grid.axes.map((a) => a.kind)).toEqual(["size", "alternation", "alternation"]);
    expect(result.grid.cells.map((c) => c.input.prompt).slice(0, 4)).toEqual([
      "a red car on sand",
      "a red car on snow",
      "a blue car on sand",
      "a blue car on snow",
    ]);
  });

  it("refuses more than three axes, counting alternation groups", () => {
    const result = expandGrid({
      base: { ...base, prompt: "{a|b} {c|d} {e|f}" },
      alternations: true,
      axes: [{ kind: "size", values: ["medium", "large"] }],
    });
    expect(result.ok || result.errors.axes?.[0]).toMatch(/at most 3 axes/);
  });

  it("refuses past the 64-cell cap and says why", () => {
    const seeds = Array.from({ length: 17 }, (_, i) => i);
    const result = expandGrid(
      spec([
        { kind: "seed", values: seeds },
        { kind: "creativity", values: ["raw", "low", "medium", "high"] },
      ]),
    );
    expect(result.ok).toBe(false);
    expect(result.ok || result.errors.axes?.[0]).toMatch(/68 cells; A grid has at most 64 cells/);
  });

  it("names a bad axis: a missing reference, a repeated value, one value", () => {
    const r1 = expandGrid(spec([{ kind: "strength", reference: 0, values: [0, 1] }]));
    expect(r1.ok || r1.errors["axes.0"]?.[0]).toMatch(/no reference 1/);
    const r2 = expandGrid(spec([{ kind: "seed", values: [3, 3] }]));
    expect(r2.ok || r2.errors["axes.0"]?.[0]).toMatch(/same value twice/);
    const r3 = expandGrid(spec([{ kind: "size", values: ["large"] }]));
    expect(r3.ok || r3.errors["axes.0"]?.[0]).toMatch(/two values/);
    const r4 = expandGrid(
      spec([
        { kind: "size", values: ["medium", "large"] },
        { kind: "size", values: ["large", "medium"] },
      ]),
    );
    expect(r4.ok || r4.errors.axes?.[0]).toMatch(/one axis only/);
  });

  it("a style-set axis swaps the references and records the set", () => {
    const set = (id: string, version: number) => ({
      id,
      version,
      name: "Brand",
      references: [{ imageUrl: `https://x.test/${id}${version}.png`, strength: 1 }],
    });
    const result = expandGrid(
      spec([{ kind: "styleSet", values: [set("ss_a", 1), set("ss_a", 2)] }]),
    );
    if (!result.ok) throw new Error("refused");
    expect(result.grid.cells.map((c) => c.styleSet?.version)).toEqual([1, 2]);
    expect(result.grid.cells[1]?.input.imageStyleReferences[0]?.imageUrl).toBe(
      "https://x.test/ss_a2.png",
    );
  });

  it("cells are the product of the axes, each a distinct input, within the cap (property)", () => {
    const axis = fc.oneof(
      fc.constant<GridAxis>({ kind: "size", values: ["medium", "large"] }),
      fc.constant<GridAxis>({ kind: "creativity", values: ["raw", "low", "medium", "high"] }),
      fc.constant<GridAxis>({ kind: "aspectRatio", values: ["1:1", "16:9", "4:5"] }),
      fc
        .uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 2, maxLength: 20 })
        .map<GridAxis>((values) => ({ kind: "seed", values })),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(axis, { minLength: 1, maxLength: 3, selector: (a) => a.kind }),
        (axes) => {
          const n = axes.reduce((p, a) => p * a.values.length, 1);
          const result = expandGrid(spec(axes));
          if (n > GRID_CELLS_MAX) {
            expect(result.ok).toBe(false);
            return;
          }
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          expect(result.grid.cells).toHaveLength(n);
          const inputs = new Set(result.grid.cells.map((c) => JSON.stringify(c.input)));
          expect(inputs.size).toBe(n);
          expect(result.grid.total).toBe(result.grid.cells.reduce((s, c) => s + c.cost, 0));
        },
      ),
    );
  });
});

describe("randomSeeds", () => {
  it("draws distinct seeds even when the drawer repeats", () => {
    const draws = [5, 5, 6, 5, 7];
    expect(randomSeeds(3, () => draws.shift() ?? 0)).toEqual([5, 6, 7]);
  });
});

describe("valueLabel", () => {
  it("writes a strength as the rest of the studio does (true minus, one decimal at least)", () => {
    const axis: GridAxis = { kind: "strength", reference: 0, values: [-1, 0, 0.25, 2] };
    expect(axis.values.map((_, i) => valueLabel(axis, i))).toEqual([
      "−1.0",
      "0.0",
      "+0.25",
      "+2.0",
    ]);
  });
});
