// The decision grid: up to three axes over the builder's input, expanded into
// one Krea input per cell, each priced from the local table. The browser
// expands it to show the matrix and the total before anything is sent; the
// server expands the same spec again and sends only what it computed itself.
import { fillTemplate, parsePromptTemplate, type PromptTemplate } from "./alternations";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  SEED_MAX,
  STRENGTH_MAX,
  STRENGTH_MIN,
  type AspectRatio,
  type Creativity,
  type KreaSize,
} from "@/lib/contract/krea/options";
import { estimateCost } from "@/lib/contract/krea/pricing";
import { formatSignedStrength } from "@/lib/contract/references/strength";
import type { KreaInput } from "@/lib/contract/krea/schema";

/** A Krea input whose seed is fixed, as every cell is sent. */
export type SeededKreaInput = KreaInput & { seed: number };

/**
 * 64 cells: an 8 × 8 matrix is as much as one contact sheet shows legibly, and
 * at the studio's pace of sends it finishes in minutes, not hours.
 */
export const GRID_CELLS_MAX = 64;
export const GRID_AXES_MAX = 3;
export const CELL_CAP_REASON = `A grid has at most ${GRID_CELLS_MAX} cells: more no longer fits one contact sheet legibly, and it would take too long to send at a pace the orchestrator accepts.`;

export interface GridStyleSet {
  id: string;
  version: number;
  name: string;
  references: { imageUrl: string; strength: number }[];
}

/** An axis a designer picks; prompt alternations are derived from the prompt itself. */
export type GridAxis =
  | { kind: "size"; values: KreaSize[] }
  | { kind: "creativity"; values: Creativity[] }
  | { kind: "aspectRatio"; values: AspectRatio[] }
  | { kind: "seed"; values: number[] }
  | { kind: "strength"; reference: number; values: number[] }
  | { kind: "styleSet"; values: GridStyleSet[] }
  | { kind: "prompt"; values: string[] }
  | { kind: "alternation"; group: number; values: string[] };

export type AxisKind = GridAxis["kind"];

export interface GridSpec {
  /** the builder's input, seed fixed; with `alternations` its prompt is a template */
  base: SeededKreaInput;
  /** the style set the base references came from, if any */
  baseStyleSet?: { id: string; version: number; name: string } | null;
  alternations: boolean;
  axes: GridAxis[];
}

export interface GridCell {
  index: number;
  /** the value index on each axis, in axis order */
  coords: number[];
  input: SeededKreaInput;
  styleSet: { id: string; version: number; name: string } | null;
  /** whole Buzz for this cell's workflow */
  cost: number;
}

export interface ExpandedGrid {
  axes: GridAxis[];
  cells: GridCell[];
  total: number;
}

export type GridExpansion =
  { ok: true; grid: ExpandedGrid } | { ok: false; errors: Record<string, string[]> };

export const AXIS_TITLE: Record<AxisKind, string> = {
  size: "Tier",
  creativity: "Creativity",
  aspectRatio: "Aspect ratio",
  seed: "Seed",
  strength: "Strength",
  styleSet: "Style set",
  prompt: "Prompt",
  alternation: "Prompt choice",
};

export function axisTitle(axis: GridAxis): string {
  if (axis.kind === "strength") return `Strength of reference ${axis.reference + 1}`;
  if (axis.kind === "alternation") return `Prompt choice ${axis.group + 1}`;
  return AXIS_TITLE[axis.kind];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function valueLabel(axis: GridAxis, i: number): string {
  switch (axis.kind) {
    case "size":
    case "creativity":
      return cap(axis.values[i] ?? "");
    case "aspectRatio":
      return axis.values[i] ?? "";
    case "seed":
      return String(axis.values[i] ?? "");
    case "strength":
      return formatSignedStrength(axis.values[i] ?? 0);
    case "styleSet": {
      const s = axis.values[i];
      return s ? `${s.name}@${s.version}` : "";
    }
    case "prompt":
    case "alternation":
      return axis.values[i] || "(empty)";
  }
}

const onStep = (v: number) => Math.abs(v * 20 - Math.round(v * 20)) < 1e-9;
const distinct = (values: readonly unknown[]) =>
  new Set(values.map((v) => JSON.stringify(v))).size === values.length;

function axisProblem(axis: GridAxis, base: SeededKreaInput): string | null {
  if (axis.values.length < 2) return "needs at least two values";
  if (!distinct(axis.values)) return "has the same value twice";
  switch (axis.kind) {
    case "size":
      return axis.values.every((v) => KREA_SIZES.includes(v)) ? null : "unknown tier";
    case "creativity":
      return axis.values.every((v) => CREATIVITY_LEVELS.includes(v)) ? null : "unknown creativity";
    case "aspectRatio":
      return axis.values.every((v) => ASPECT_RATIOS.includes(v)) ? null : "unknown aspect ratio";
    case "seed":
      return axis.values.every((v) => Number.isInteger(v) && v >= 0 && v <= SEED_MAX)
        ? null
        : "seeds are whole numbers from 0 to 2,147,483,647";
    case "strength":
      if (!Number.isInteger(axis.reference) || axis.reference >= base.imageStyleReferences.length)
        return `there is no reference ${axis.reference + 1} in the builder`;
      return axis.values.every((v) => v >= STRENGTH_MIN && v <= STRENGTH_MAX && onStep(v))
        ? null
        : "strengths go from −2 to 2 in steps of 0.05";
    case "styleSet":
      return axis.values.every((s) => s.references.length > 0)
        ? null
        : "a style set with no references adds nothing";
    case "prompt":
      return axis.values.every((p) => p.trim().length > 0) ? null : "a prompt line is empty";
    case "alternation":
      return null;
  }
}

/** The axes a spec really has: the chosen ones, then one per alternation group. */
export function specAxes(
  spec: GridSpec,
):
  | { ok: true; axes: GridAxis[]; template: PromptTemplate | null }
  | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  let template: PromptTemplate | null = null;
  const axes: GridAxis[] = spec.axes.filter((a) => a.kind !== "alternation");
  if (spec.alternations) {
    if (axes.some((a) => a.kind === "prompt")) {
      errors.prompt = ["use either one prompt per line or {a|b} alternations, not both"];
    }
    const parsed = parsePromptTemplate(spec.base.prompt);
    if (!parsed.ok) errors.prompt = [parsed.message];
    else {
      template = parsed.template;
      if (template.groups.length === 0) {
        errors.prompt = ["write at least one {a|b} group, or turn alternations off"];
      }
      template.groups.forEach((values, group) => axes.push({ kind: "alternation", group, values }));
    }
  }
  const kinds = axes.filter((a) => a.kind !== "alternation").map((a) => a.kind);
  if (!distinct(kinds)) errors.axes = ["each setting can be on one axis only"];
  if (axes.length === 0) errors.axes = ["pick at least one axis"];
  if (axes.length > GRID_AXES_MAX) {
    errors.axes = [
      `a grid has at most ${GRID_AXES_MAX} axes (each {…} group in the prompt is one); this one has ${axes.length}`,
    ];
  }
  axes.forEach((axis, i) => {
    const problem = axisProblem(axis, spec.base);
    if (problem) errors[`axes.${i}`] = [`${axisTitle(axis)}: ${problem}`];
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, axes, template };
}

export function cellCount(axes: readonly GridAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

export function workflowCostOf(input: SeededKreaInput): number {
  return estimateCost({
    size: input.size,
    quantity: input.quantity,
    styleReferenceCount: input.imageStyleReferences.length,
  }).total;
}

function applyValue(
  axis: GridAxis,
  i: number,
  input: SeededKreaInput,
): { input: SeededKreaInput; styleSet?: GridStyleSet } {
  switch (axis.kind) {
    case "size":
      return { input: { ...input, size: axis.values[i] ?? input.size } };
    case "creativity":
      return { input: { ...input, creativity: axis.values[i] ?? input.creativity } };
    case "aspectRatio":
      return { input: { ...input, aspectRatio: axis.values[i] ?? input.aspectRatio } };
    case "seed":
      return { input: { ...input, seed: axis.values[i] ?? input.seed } };
    case "strength": {
      const strength = axis.values[i] ?? 0;
      const refs = input.imageStyleReferences.map((r, k) =>
        k === axis.reference ? { ...r, strength } : r,
      );
      return { input: { ...input, imageStyleReferences: refs } };
    }
    case "styleSet": {
      const set = axis.values[i];
      if (!set) return { input };
      return { input: { ...input, imageStyleReferences: set.references }, styleSet: set };
    }
    case "prompt":
      return { input: { ...input, prompt: axis.values[i] ?? input.prompt } };
    case "alternation":
      return { input };
  }
}

/** Every cell of the grid, row-major over the axes, with its cost; refused past the cap. */
export function expandGrid(spec: GridSpec): GridExpansion {
  const checked = specAxes(spec);
  if (!checked.ok) return checked;
  const { axes, template } = checked;
  const count = cellCount(axes);
  if (count > GRID_CELLS_MAX) {
    return {
      ok: false,
      errors: { axes: [`${count} cells; ${CELL_CAP_REASON}`] },
    };
  }
  const cells: GridCell[] = [];
  for (let index = 0; index < count; index++) {
    const coords: number[] = [];
    let rest = index;
    for (let a = axes.length - 1; a >= 0; a--) {
      const n = axes[a]?.values.length ?? 1;
      coords[a] = rest % n;
      rest = Math.floor(rest / n);
    }
    let input = spec.base;
    let styleSet: GridCell["styleSet"] = spec.baseStyleSet ?? null;
    const choices: number[] = [];
    axes.forEach((axis, a) => {
      const i = coords[a] ?? 0;
      if (axis.kind === "alternation") choices[axis.group] = i;
      const applied = applyValue(axis, i, input);
      input = applied.input;
      if (applied.styleSet) {
        const { id, version, name } = applied.styleSet;
        styleSet = { id, version, name };
      }
    });
    if (template) input = { ...input, prompt: fillTemplate(template, choices) };
    cells.push({ index, coords, input, styleSet, cost: workflowCostOf(input) });
  }
  return { ok: true, grid: { axes, cells, total: cells.reduce((s, c) => s + c.cost, 0) } };
}

/** A cell's prompt must still be one Krea takes: an empty choice can leave nothing. */
export function emptyPromptCells(grid: ExpandedGrid): number[] {
  return grid.cells.filter((c) => c.input.prompt.trim() === "").map((c) => c.index);
}

export interface PriceClass {
  size: KreaSize;
  quantity: number;
  hasReferences: boolean;
  /** one cell's input of this class, to ask the orchestrator's whatif */
  sample: SeededKreaInput;
  cells: number;
  cost: number;
}

/** Cells that cost the same: one whatif per class confirms the whole total. */
export function priceClasses(grid: ExpandedGrid): PriceClass[] {
  const classes = new Map<string, PriceClass>();
  for (const cell of grid.cells) {
    const { size, quantity } = cell.input;
    const hasReferences = cell.input.imageStyleReferences.length > 0;
    const key = `${size}|${quantity}|${hasReferences}`;
    const known = classes.get(key);
    if (known) known.cells++;
    else
      classes.set(key, {
        size,
        quantity,
        hasReferences,
        sample: cell.input,
        cells: 1,
        cost: cell.cost,
      });
  }
  return [...classes.values()];
}

/** Draws `n` distinct seeds for "N random". */
export function randomSeeds(n: number, draw: () => number): number[] {
  const out = new Set<number>();
  while (out.size < n) out.add(draw());
  return [...out];
}
