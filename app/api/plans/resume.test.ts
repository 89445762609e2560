import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ledger } from "@/lib/engine/testing/harness";
import { getStudioDb } from "@/lib/server/db/studio-db";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import { stopFollowingAll } from "@/lib/server/plans/runner";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import type { PlanView } from "@/lib/contract/grid/schema";
import { GET as getOne } from "./[id]/route";
import { POST } from "./route";

// A restart mid-plan: this process forgets the plan (as a new one would know
// nothing), and one cell is left "sending" although its workflow was created,
// the window a crash between the upstream call and the database write leaves.
// Reading the plan resumes it; the engine's ledger must show each cell once.

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

const read = async (id: string): Promise<PlanView> =>
  (await getOne(new Request(`http://127.0.0.1:3000/api/plans/${id}`), params({ id }))).json();

describe("a plan after a restart", () => {
  it("resumes where it stopped and creates no duplicate", async () => {
    const before = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    const seeds = Array.from({ length: 24 }, (_, i) => i + 1);
    const res = await POST(
      jsonRequest(
        "/api/plans",
        {
          spec: { base: { prompt: "resume" }, axes: [{ kind: "seed", values: seeds }] },
          expectedTotal: 24 * 39,
        },
        { headers: { "idempotency-key": `resume-${Date.now()}` } },
      ),
      {},
    );
    const plan: PlanView = await res.json();
    await vi.waitFor(
      async () =>
        expect(
          (await read(plan.id)).cells.filter((c) => c.state === "sent").length,
        ).toBeGreaterThan(2),
      { timeout: 20_000, interval: 200 },
    );
    stopFollowingAll();
    const db = await getStudioDb();
    // The first cell's workflow exists, but the "restarted" server does not know it.
    await db.kysely
      .updateTable("plan_cells")
      .set({ state: "sending", workflow_id: null })
      .where("plan_id", "=", plan.id)
      .where("idx", "=", 0)
      .execute();

    await vi.waitFor(async () => expect((await read(plan.id)).state).toBe("done"), {
      timeout: 60_000,
      interval: 500,
    });
    const after = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    expect(after.workflows - before.workflows).toBe(24);
    expect(after.debits - before.debits).toBe(24 * 39);
    const view = await read(plan.id);
    expect(new Set(view.cells.map((c) => c.workflowId)).size).toBe(24);
    expect(view.cells.every((c) => c.generation?.status === "succeeded")).toBe(true);
  }, 90_000);
});
