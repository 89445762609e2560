import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { SqliteDatabase as Db } from "@/lib/server/db/sqlite";
import { openStudioDb, studioDbPath } from "@/lib/server/db/studio-db";
import { AppError } from "@/lib/server/http/problem";
import type { ExpandedGrid, GridSpec } from "@/lib/contract/grid/grid";
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

// Decision-grid plans in the studio's SQLite database, beside the style sets.
// A cell moves pending → sending → sent by compare-and-set updates, so two
// loops (or a loop and a cancel) can never both claim one cell; "sending" is
// written before the upstream call, and its externalId is derived from plan and
// cell, so resending a cell left "sending" by a crash returns the same workflow.

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

function toPlan(raw: unknown): PlanRecord {
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

function toCell(raw: unknown): CellRecord {
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

export const planNotFound = (id: string) =>
  new AppError("not_found", { detail: `There is no grid ${id} for this account.` });

export class PlanStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  static open(file?: string): PlanStore {
    return new PlanStore(openStudioDb(file));
  }

  close(): void {
    this.db.close();
  }

  /** Creates the plan and its cells at once; the same create key returns the existing plan. */
  create(input: {
    createKey: string;
    account: string;
    source: string;
    title: string;
    spec: GridSpec;
    grid: ExpandedGrid;
  }): { plan: PlanRecord; created: boolean } {
    const existing = this.db
      .prepare("SELECT * FROM plans WHERE create_key = ?")
      .get(input.createKey);
    if (existing !== undefined) return { plan: toPlan(existing), created: false };
    const id = newPlanId();
    const now = this.now();
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO plans (id, create_key, account, source, title, spec, planned, state, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
          )
          .run(
            id,
            input.createKey,
            input.account,
            input.source,
            input.title,
            JSON.stringify(input.spec),
            input.grid.total,
            now,
            now,
          );
        const insert = this.db.prepare(
          "INSERT INTO plan_cells (plan_id, idx, coords, input, cost, state) VALUES (?, ?, ?, ?, ?, 'pending')",
        );
        for (const cell of input.grid.cells) {
          insert.run(
            id,
            cell.index,
            JSON.stringify(cell.coords),
            JSON.stringify(cell.input),
            cell.cost,
          );
        }
      })
      .immediate();
    return { plan: this.mustGet(id), created: true };
  }

  get(id: string): PlanRecord | null {
    const row = this.db.prepare("SELECT * FROM plans WHERE id = ?").get(id);
    return row === undefined ? null : toPlan(row);
  }

  mustGet(id: string): PlanRecord {
    const plan = this.get(id);
    if (!plan) throw planNotFound(id);
    return plan;
  }

  list(account: string, limit = 50): PlanRecord[] {
    return this.db
      .prepare("SELECT * FROM plans WHERE account = ? ORDER BY created_at DESC LIMIT ?")
      .all(account, limit)
      .map(toPlan);
  }

  running(): PlanRecord[] {
    return this.db.prepare("SELECT * FROM plans WHERE state = 'running'").all().map(toPlan);
  }

  cells(id: string): CellRecord[] {
    return this.db
      .prepare("SELECT * FROM plan_cells WHERE plan_id = ? ORDER BY idx")
      .all(id)
      .map(toCell);
  }

  /** Claims a cell for sending; false when another loop or a cancel got there first. */
  claim(id: string, index: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE plan_cells SET state = 'sending' WHERE plan_id = ? AND idx = ? AND state = 'pending'
           AND (SELECT state FROM plans WHERE id = ?) = 'running'`,
        )
        .run(id, index, id).changes === 1
    );
  }

  markSent(id: string, index: number, workflowId: string, status: string): void {
    this.db
      .prepare(
        "UPDATE plan_cells SET state = 'sent', workflow_id = ?, status = ? WHERE plan_id = ? AND idx = ?",
      )
      .run(workflowId, status, id, index);
  }

  markRefused(id: string, index: number, error: string): void {
    this.db
      .prepare("UPDATE plan_cells SET state = 'refused', error = ? WHERE plan_id = ? AND idx = ?")
      .run(error.slice(0, 500), id, index);
  }

  /** The latest status and charge of a sent cell's workflow. */
  observe(id: string, workflowId: string, status: string, charged: number | null): void {
    this.db
      .prepare(
        "UPDATE plan_cells SET status = ?, charged = COALESCE(?, charged) WHERE plan_id = ? AND workflow_id = ?",
      )
      .run(status, charged, id, workflowId);
  }

  /** Stops the plan: every cell not yet claimed is skipped. Returns the plan as it is now. */
  cancel(id: string): PlanRecord {
    this.db
      .transaction(() => {
        this.db
          .prepare(
            "UPDATE plans SET state = 'canceled', updated_at = ? WHERE id = ? AND state = 'running'",
          )
          .run(this.now(), id);
        this.db
          .prepare(
            "UPDATE plan_cells SET state = 'skipped' WHERE plan_id = ? AND state = 'pending'",
          )
          .run(id);
      })
      .immediate();
    return this.mustGet(id);
  }

  finish(id: string): void {
    this.db
      .prepare("UPDATE plans SET state = 'done', updated_at = ? WHERE id = ? AND state = 'running'")
      .run(this.now(), id);
  }

  setPicks(id: string, picks: GridPick[]): PlanRecord {
    this.db
      .prepare("UPDATE plans SET picks = ?, updated_at = ? WHERE id = ?")
      .run(JSON.stringify(picks), this.now(), id);
    return this.mustGet(id);
  }
}

declare global {
  var __kreaStudioPlanStores: Map<string, PlanStore> | undefined;
}

/** One store per process and database file (see style-sets/get-store.ts for why). */
export function getPlanStore(): PlanStore {
  const stores = (globalThis.__kreaStudioPlanStores ??= new Map());
  const file = studioDbPath();
  let store = stores.get(file);
  if (!store) {
    store = PlanStore.open(file);
    stores.set(file, store);
  }
  return store;
}
