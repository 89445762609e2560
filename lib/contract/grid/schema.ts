// The plan API's bodies: a grid spec as the builder sends it, the picks, and
// what GET /api/plans/:id answers. Shapes only; what a spec means (axes,
// alternations, the cap) is checked by expandGrid, the same code the browser ran.
import * as z from "zod/mini";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  PROMPT_MAX,
  STYLE_REFERENCES_MAX,
} from "@/lib/contract/krea/options";
import { kreaInputSchema, styleReferenceSchema } from "@/lib/contract/krea/schema";
import type { Generation } from "@/lib/contract/generations/types";
import { GRID_AXES_MAX, GRID_CELLS_MAX, type GridAxis, type GridSpec } from "./grid";

const VALUES_MAX = GRID_CELLS_MAX;
const list = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.maxLength(VALUES_MAX));
const setRef = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  version: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1), z.maxLength(120)),
});

const axisSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("size"), values: list(z.enum(KREA_SIZES)) }),
  z.strictObject({ kind: z.literal("creativity"), values: list(z.enum(CREATIVITY_LEVELS)) }),
  z.strictObject({ kind: z.literal("aspectRatio"), values: list(z.enum(ASPECT_RATIOS)) }),
  z.strictObject({ kind: z.literal("seed"), values: list(z.int()) }),
  z.strictObject({
    kind: z.literal("strength"),
    reference: z.int().check(z.minimum(0), z.maximum(STYLE_REFERENCES_MAX - 1)),
    values: list(z.number()),
  }),
  z.strictObject({
    kind: z.literal("styleSet"),
    values: list(
      z.extend(setRef, {
        references: z.array(styleReferenceSchema).check(z.maxLength(STYLE_REFERENCES_MAX)),
      }),
    ),
  }),
  z.strictObject({
    kind: z.literal("prompt"),
    values: list(z.string().check(z.maxLength(PROMPT_MAX))),
  }),
]);

export const gridSpecSchema = z.strictObject({
  base: kreaInputSchema,
  // The builder knows the set's id and version; the server fills in its name.
  baseStyleSet: z.optional(
    z.nullable(z.extend(setRef, { name: z._default(z.string().check(z.maxLength(120)), "") })),
  ),
  alternations: z._default(z.boolean(), false),
  axes: z.array(axisSchema).check(z.maxLength(GRID_AXES_MAX)),
});

export const createPlanSchema = z.strictObject({
  spec: gridSpecSchema,
  /** the total the designer was shown and agreed to: a different figure is refused */
  expectedTotal: z.int().check(z.minimum(0)),
  title: z.optional(z.string().check(z.maxLength(200))),
});

/** A winner: on row r (or column c) of tab t, the cell index picked. */
export const picksSchema = z.strictObject({
  picks: z
    .array(
      z.strictObject({
        line: z.enum(["row", "column"]),
        at: z.int().check(z.minimum(0), z.maximum(GRID_CELLS_MAX)),
        tab: z._default(z.int().check(z.minimum(0), z.maximum(GRID_CELLS_MAX)), 0),
        cell: z.int().check(z.minimum(0), z.maximum(GRID_CELLS_MAX - 1)),
      }),
    )
    .check(z.maxLength(GRID_CELLS_MAX * 2)),
});
export type GridPick = z.output<typeof picksSchema>["picks"][number];

export const PLAN_STATES = ["running", "done", "canceled"] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const CELL_STATES = ["pending", "sending", "sent", "skipped", "refused"] as const;
export type CellState = (typeof CELL_STATES)[number];

export interface PlanCellView {
  index: number;
  coords: number[];
  state: CellState;
  workflowId: string | null;
  /** whole Buzz planned for this cell */
  cost: number;
  /** why the orchestrator refused this cell (never retried), else null */
  error: string | null;
  generation: Generation | null;
}

/** What GET /api/plans/:id answers. */
export interface PlanView {
  id: string;
  title: string;
  state: PlanState;
  createdAt: string;
  spec: GridSpec;
  /** the axes as expanded, alternation groups included: columns, rows, tabs */
  axes: GridAxis[];
  cells: PlanCellView[];
  /** cells whose workflow is final (or that were never sent) */
  done: number;
  planned: number;
  /** Buzz charged so far, from the workflows' own transactions */
  spent: number;
  picks: GridPick[];
  /** the plan's upstream traffic: requests sent for it and the most at once (bench) */
  upstream: { requests: number; maxInFlight: number };
}
