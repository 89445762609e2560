import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { GridSpec } from "@/lib/contract/grid/grid";
import {
  CELL_STATES,
  gridSpecSchema,
  PLAN_STATES,
  picksSchema,
  type CellState,
  type GridPick,
  type PlanState,
} from "@/lib/contract/grid/schema";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import type { SeededKreaInput } from "@/lib/contract/grid/grid";

// A plan's and a cell's ids and rows as the runner and the routes use them.

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export const PLAN_ID_PATTERN = /^g_[a-z0-9]{16}$/;

export function newPlanId(): string {
  let id = "g_";
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** The idempotency key of one cell's workflow: the same plan and cell, the same key. */
export function cellExternalId(planId: string, index: number): string {
  return `${planId}-c${index}`;
}

export interface PlanRecord {
  id: string;
  account: string;
  source: string;
  title: string;
  spec: GridSpec;
  planned: number;
  state: PlanState;
  picks: GridPick[];
  createdAt: number;
}

export interface CellRecord {
  index: number;
  coords: number[];
  input: SeededKreaInput;
  cost: number;
  state: CellState;
  workflowId: string | null;
  status: string | null;
  charged: number | null;
  error: string | null;
}

const planRow = z.object({
  id: z.string(),
  account: z.string(),
  source: z.string(),
  title: z.string(),
  spec: z.string(),
  planned: z.number(),
  state: z.enum(PLAN_STATES),
  picks: z.string(),
  created_at: z.number(),
});
const cellRow = z.object({
  idx: z.number(),
  coords: z.string(),
  input: z.string(),
  cost: z.number(),
  state: z.enum(CELL_STATES),
  workflow_id: z.string().nullable(),
  status: z.string().nullable(),
  charged: z.number().nullable(),
  error: z.string().nullable(),
});

// Rows are parsed on the way out too: a row another studio version wrote must
// not become a cell sent with a shape nobody checked.
function storedInput(text: string): SeededKreaInput {
  const input = kreaInputSchema.parse(JSON.parse(text));
  if (typeof input.seed !== "number") throw new Error("a stored cell has no seed");
  return { ...input, seed: input.seed };
}

function storedSpec(text: string): GridSpec {
  const spec = gridSpecSchema.parse(JSON.parse(text));
  const seed = spec.base.seed;
  if (typeof seed !== "number") throw new Error("a stored grid has no seed");
  return { ...spec, base: { ...spec.base, seed } };
}

export function toPlan(raw: unknown): PlanRecord {
  const row = planRow.parse(raw);
  const picks = picksSchema.safeParse({ picks: JSON.parse(row.picks) });
  return {
    id: row.id,
    account: row.account,
    source: row.source,
    title: row.title,
    spec: storedSpec(row.spec),
    planned: row.planned,
    state: row.state,
    picks: picks.success ? picks.data.picks : [],
    createdAt: row.created_at,
  };
}

export function toCell(raw: unknown): CellRecord {
  const row = cellRow.parse(raw);
  return {
    index: row.idx,
    coords: z.array(z.number()).parse(JSON.parse(row.coords)),
    input: storedInput(row.input),
    cost: row.cost,
    state: row.state,
    workflowId: row.workflow_id,
    status: row.status,
    charged: row.charged,
    error: row.error,
  };
}
