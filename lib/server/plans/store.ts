import "server-only";
import type { Db } from "@/lib/server/db/migrations";
import { getStudioDb, type StudioDb } from "@/lib/server/db/studio-db";
import { AppError } from "@/lib/server/http/problem";
import type { ExpandedGrid, GridSpec } from "@/lib/contract/grid/grid";
import type { GridPick } from "@/lib/contract/grid/schema";
import { newPlanId, toCell, toPlan, type CellRecord, type PlanRecord } from "./plan-rows";

export { cellExternalId, PLAN_ID_PATTERN } from "./plan-rows";
export type { CellRecord, PlanRecord };

// Decision-grid plans in the studio's database (SQLite or Postgres), beside the style sets.
// A cell moves pending → sending → sent by compare-and-set updates, so two
// loops (or a loop and a cancel) can never both claim one cell; "sending" is
// written before the upstream call, and its externalId is derived from plan and
// cell, so resending a cell left "sending" by a crash returns the same workflow.

export const planNotFound = (id: string) =>
  new AppError("not_found", { detail: `There is no grid ${id} for this account.` });

export class PlanStore {
  constructor(
    private readonly opened: Promise<StudioDb>,
    private readonly now: () => number = Date.now,
  ) {}

  private async db(): Promise<Db> {
    return (await this.opened).kysely;
  }

  async close(): Promise<void> {
    await (await this.opened.catch(() => null))?.close();
  }

  /** Creates the plan and its cells at once; the same create key returns the existing plan. */
  async create(input: {
    createKey: string;
    account: string;
    source: string;
    title: string;
    spec: GridSpec;
    grid: ExpandedGrid;
  }): Promise<{ plan: PlanRecord; created: boolean }> {
    const db = await this.opened;
    const id = newPlanId();
    const now = this.now();
    const created = await db.write(async (trx) => {
      // ON CONFLICT: two instances creating one key at once, one plan.
      const inserted = await trx
        .insertInto("plans")
        .values({
          id,
          create_key: input.createKey,
          account: input.account,
          source: input.source,
          title: input.title,
          spec: JSON.stringify(input.spec),
          planned: input.grid.total,
          state: "running",
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column("create_key").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      for (const cell of input.grid.cells) {
        await trx
          .insertInto("plan_cells")
          .values({
            plan_id: id,
            idx: cell.index,
            coords: JSON.stringify(cell.coords),
            input: JSON.stringify(cell.input),
            cost: cell.cost,
            state: "pending",
            workflow_id: null,
            status: null,
            charged: null,
            error: null,
          })
          .execute();
      }
      return true;
    });
    if (created) return { plan: await this.mustGet(id), created: true };
    const existing = await db.kysely
      .selectFrom("plans")
      .selectAll()
      .where("create_key", "=", input.createKey)
      .executeTakeFirstOrThrow();
    return { plan: toPlan(existing), created: false };
  }

  async get(id: string): Promise<PlanRecord | null> {
    const row = await (
      await this.db()
    )
      .selectFrom("plans")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? null : toPlan(row);
  }

  async mustGet(id: string): Promise<PlanRecord> {
    const plan = await this.get(id);
    if (!plan) throw planNotFound(id);
    return plan;
  }

  async list(account: string, limit = 50): Promise<PlanRecord[]> {
    const rows = await (
      await this.db()
    )
      .selectFrom("plans")
      .selectAll()
      .where("account", "=", account)
      .orderBy("created_at", "desc")
      .limit(limit)
      .execute();
    return rows.map(toPlan);
  }

  async running(): Promise<PlanRecord[]> {
    const rows = await (
      await this.db()
    )
      .selectFrom("plans")
      .selectAll()
      .where("state", "=", "running")
      .execute();
    return rows.map(toPlan);
  }

  async cells(id: string): Promise<CellRecord[]> {
    const rows = await (
      await this.db()
    )
      .selectFrom("plan_cells")
      .selectAll()
      .where("plan_id", "=", id)
      .orderBy("idx")
      .execute();
    return rows.map(toCell);
  }

  /** Claims a cell for sending; false when another loop or a cancel got there first. */
  async claim(id: string, index: number): Promise<boolean> {
    const result = await (
      await this.db()
    )
      .updateTable("plan_cells")
      .set({ state: "sending" })
      .where("plan_id", "=", id)
      .where("idx", "=", index)
      .where("state", "=", "pending")
      .where((eb) =>
        eb(eb.selectFrom("plans").select("state").where("id", "=", id), "=", "running"),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markSent(id: string, index: number, workflowId: string, status: string): Promise<void> {
    await (
      await this.db()
    )
      .updateTable("plan_cells")
      .set({ state: "sent", workflow_id: workflowId, status })
      .where("plan_id", "=", id)
      .where("idx", "=", index)
      .execute();
  }

  async markRefused(id: string, index: number, error: string): Promise<void> {
    await (
      await this.db()
    )
      .updateTable("plan_cells")
      .set({ state: "refused", error: error.slice(0, 500) })
      .where("plan_id", "=", id)
      .where("idx", "=", index)
      .execute();
  }

  /** The latest status and charge of a sent cell's workflow. */
  async observe(
    id: string,
    workflowId: string,
    status: string,
    charged: number | null,
  ): Promise<void> {
    await (
      await this.db()
    )
      .updateTable("plan_cells")
      .set((eb) => ({ status, charged: eb.fn.coalesce(eb.val(charged), eb.ref("charged")) }))
      .where("plan_id", "=", id)
      .where("workflow_id", "=", workflowId)
      .execute();
  }

  /**
   * What one read of the plan's workflows saw, stored at once; then, when
   * `finished` says so of the cells, the plan is done, in the same transaction,
   * so no reader sees every cell final while the plan still runs.
   */
  async observeAll(
    id: string,
    seen: readonly { workflowId: string; status: string; charged: number | null }[],
    finished: (cells: CellRecord[]) => boolean,
  ): Promise<void> {
    await (
      await this.opened
    ).write(async (trx) => {
      for (const o of seen) {
        await trx
          .updateTable("plan_cells")
          .set((eb) => ({
            status: o.status,
            charged: eb.fn.coalesce(eb.val(o.charged), eb.ref("charged")),
          }))
          .where("plan_id", "=", id)
          .where("workflow_id", "=", o.workflowId)
          .execute();
      }
      const cells = await trx
        .selectFrom("plan_cells")
        .selectAll()
        .where("plan_id", "=", id)
        .orderBy("idx")
        .execute();
      if (!finished(cells.map(toCell))) return;
      await trx
        .updateTable("plans")
        .set({ state: "done", updated_at: this.now() })
        .where("id", "=", id)
        .where("state", "=", "running")
        .execute();
    });
  }

  /** Stops the plan: every cell not yet claimed is skipped. Returns the plan as it is now. */
  async cancel(id: string): Promise<PlanRecord> {
    await (
      await this.opened
    ).write(async (trx) => {
      await trx
        .updateTable("plans")
        .set({ state: "canceled", updated_at: this.now() })
        .where("id", "=", id)
        .where("state", "=", "running")
        .execute();
      await trx
        .updateTable("plan_cells")
        .set({ state: "skipped" })
        .where("plan_id", "=", id)
        .where("state", "=", "pending")
        .execute();
    });
    return this.mustGet(id);
  }

  async finish(id: string): Promise<void> {
    await (
      await this.db()
    )
      .updateTable("plans")
      .set({ state: "done", updated_at: this.now() })
      .where("id", "=", id)
      .where("state", "=", "running")
      .execute();
  }

  async setPicks(id: string, picks: GridPick[]): Promise<PlanRecord> {
    await (
      await this.db()
    )
      .updateTable("plans")
      .set({ picks: JSON.stringify(picks), updated_at: this.now() })
      .where("id", "=", id)
      .execute();
    return this.mustGet(id);
  }
}

declare global {
  var __kreaStudioPlanStores: WeakMap<object, PlanStore> | undefined;
}

/** One store per process and database (see style-sets/get-store.ts for why). */
export function getPlanStore(): PlanStore {
  const stores = (globalThis.__kreaStudioPlanStores ??= new WeakMap());
  const db = getStudioDb();
  let store = stores.get(db);
  if (!store) {
    store = new PlanStore(db);
    stores.set(db, store);
  }
  return store;
}
