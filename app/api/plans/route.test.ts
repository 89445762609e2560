import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ledger } from "@/lib/engine/testing/harness";
import { stopFollowingAll } from "@/lib/server/plans/runner";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import type { PlanView } from "@/lib/contract/grid/schema";
import sharp from "sharp";
import { pdfPageCount, pdfStrings } from "@/e2e/support/pdf-text";
import { POST as cancel } from "./[id]/cancel/route";
import { GET as getSheet } from "./[id]/sheet/route";
import { PUT as putPicks } from "./[id]/picks/route";
import { GET as getRequest } from "./[id]/request/route";
import { GET as getOne } from "./[id]/route";
import { GET as list, POST } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(async () => {
  // The grids' loops stop before their database closes.
  stopFollowingAll();
  await env.close();
});

let n = 0;
const key = () => `grid-test-${Date.now()}-${n++}`;
const create = (body: unknown, k: string | null = key()) =>
  POST(
    jsonRequest("/api/plans", body, { headers: k === null ? {} : { "idempotency-key": k } }),
    {},
  );
const read = async (id: string): Promise<PlanView> =>
  (await getOne(new Request(`http://127.0.0.1:3000/api/plans/${id}`), params({ id }))).json();

const base = { prompt: "a lighthouse", seed: 11 };
const sixteen = {
  spec: {
    base,
    axes: [
      { kind: "size", values: ["medium", "large"] },
      { kind: "creativity", values: ["raw", "low", "medium", "high"] },
      { kind: "seed", values: [1, 2] },
    ],
  },
  expectedTotal: 8 * 39 + 8 * 78,
};

describe("POST /api/plans", () => {
  it.each([
    ["no Idempotency-Key", sixteen, null, 400, "Idempotency-Key"],
    [
      "a bad axis value",
      { ...sixteen, spec: { base, axes: [{ kind: "size", values: ["huge", "large"] }] } },
      "k",
      400,
      "spec.axes.0.values.0",
    ],
    [
      "one value on an axis",
      { ...sixteen, spec: { base, axes: [{ kind: "seed", values: [1] }] } },
      "k",
      400,
      "axes.0",
    ],
    [
      "more than 64 cells",
      {
        spec: { base, axes: [{ kind: "seed", values: Array.from({ length: 65 }, (_, i) => i) }] },
        expectedTotal: 65 * 39,
      },
      "k",
      400,
      "spec.axes.0.values",
    ],
    [
      "an unclosed alternation",
      {
        spec: { base: { prompt: "a {red|blue car" }, alternations: true, axes: [] },
        expectedTotal: 0,
      },
      "k",
      400,
      "prompt",
    ],
    ["a total that is not the grid's", { ...sixteen, expectedTotal: 100 }, "k", 409, null],
  ])("refuses %s with problem+json and sends nothing", async (_, body, k, status, field) => {
    const before = await env.upstreamCount();
    const res = await create(body, k === null ? null : key());
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = await res.json();
    if (field) expect(Object.keys(problem.errors ?? {})).toContain(field);
    expect(await env.upstreamCount()).toBe(before);
  });

  it("sends one workflow per cell exactly once, follows them by tag and reports progress", async () => {
    const before = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    const k = key();
    const res = await create(sixteen, k);
    expect(res.status).toBe(201);
    const plan: PlanView = await res.json();
    expect(plan.cells).toHaveLength(16);
    expect(plan.planned).toBe(936);
    // The same click again is the same plan, not a second grid.
    const again = await create(sixteen, k);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(plan.id);

    await vi.waitFor(async () => expect((await read(plan.id)).done).toBe(16), {
      timeout: 60_000,
      interval: 500,
    });
    const done = await read(plan.id);
    expect(done.state).toBe("done");
    expect(done.spent).toBe(936);
    const after = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    expect(after.workflows - before.workflows).toBe(16);
    expect(after.debits - before.debits).toBe(936);
    const inputs = done.cells.map((c) => c.generation?.input);
    expect(inputs[0]).toMatchObject({
      size: "medium",
      creativity: "raw",
      seed: 1,
      prompt: "a lighthouse",
    });
    expect(inputs[15]).toMatchObject({ size: "large", creativity: "high", seed: 2 });
    // Sends plus a few list reads: never one long-poll per cell.
    expect(done.upstream.requests).toBeLessThan(16 * 3);
    expect(done.upstream.maxInFlight).toBeLessThanOrEqual(4);

    const listed = await (await list(new Request("http://127.0.0.1:3000/api/plans"), {})).json();
    expect(listed.items.map((p: PlanView) => p.id)).toContain(plan.id);

    const bodies = await (
      await getRequest(
        new Request(`http://127.0.0.1:3000/api/plans/${plan.id}/request`),
        params({ id: plan.id }),
      )
    ).json();
    expect(bodies.bodies).toHaveLength(16);
    expect(bodies.bodies[3].externalId).toBe(`${plan.id}-c3`);
    expect(bodies.bodies[3].tags).toContain(`grid:${plan.id}`);
    expect(JSON.stringify(bodies)).not.toContain(LOCAL_ENGINE_TOKEN);

    // The contact sheet: one landscape page per seed, 16 captioned cells, images embedded.
    await putPicks(
      jsonRequest(
        `/api/plans/${plan.id}/picks`,
        { picks: [{ line: "row", at: 0, cell: 1 }] },
        { method: "PUT" },
      ),
      params({ id: plan.id }),
    );
    const sheet = (format: string) =>
      getSheet(
        new Request(`http://127.0.0.1:3000/api/plans/${plan.id}/sheet?format=${format}`),
        params({ id: plan.id }),
      );
    const pdfAnswer = await sheet("pdf");
    expect(pdfAnswer.headers.get("content-type")).toBe("application/pdf");
    const pdf = new Uint8Array(await pdfAnswer.arrayBuffer());
    expect(await pdfPageCount(pdf)).toBe(2);
    const strings = pdfStrings(pdf);
    const captions = strings.filter((t) =>
      /^#\d+ seed \d+ · (medium|large) · \w+ · no refs · \d+ Buzz$/.test(t),
    );
    expect(captions).toHaveLength(16);
    expect(strings).toContain("#16 seed 2 · large · high · no refs · 78 Buzz");
    expect(strings).toEqual(
      expect.arrayContaining(["Medium", "Large", "Raw", "High", "WINNER", "Prompt: a lighthouse"]),
    );
    expect(
      strings.some((t) => t.startsWith("Krea Prompt Studio · Grid: Tier × Creativity × Seed")),
    ).toBe(true);
    expect(
      (
        Buffer.from(pdf)
          .toString("latin1")
          .match(/\/Subtype\s*\/Image/g) ?? []
      ).length,
    ).toBe(16);
    const png = Buffer.from(await (await sheet("png")).arrayBuffer());
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 842 * 2, 595 * 2 * 2]);
    expect((await sheet("gif")).status).toBe(400);
  }, 90_000);

  it("saves picks and refuses a pick outside the grid", async () => {
    const res = await create({
      spec: { base, axes: [{ kind: "size", values: ["medium", "large"] }] },
      expectedTotal: 117,
    });
    const plan: PlanView = await res.json();
    const put = (picks: unknown) =>
      putPicks(
        jsonRequest(`/api/plans/${plan.id}/picks`, { picks }, { method: "PUT" }),
        params({ id: plan.id }),
      );
    const bad = await put([{ line: "row", at: 0, cell: 5 }]);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toHaveProperty("picks.0.cell");
    expect((await put([{ line: "row", at: 0, cell: 1 }])).status).toBe(200);
    expect((await read(plan.id)).picks).toEqual([{ line: "row", at: 0, tab: 0, cell: 1 }]);
  });

  it("cancel skips the cells not yet sent and cancels running ones", async () => {
    const seeds = Array.from({ length: 40 }, (_, i) => i + 100);
    const res = await create({
      spec: { base: { prompt: "test:slow cancel me" }, axes: [{ kind: "seed", values: seeds }] },
      expectedTotal: 40 * 39,
    });
    const plan: PlanView = await res.json();
    await vi.waitFor(
      async () => expect((await read(plan.id)).cells.some((c) => c.state === "sent")).toBe(true),
      { timeout: 20_000, interval: 200 },
    );
    const answer = await cancel(
      jsonRequest(`/api/plans/${plan.id}/cancel`, {}),
      params({ id: plan.id }),
    );
    expect(answer.status).toBe(200);
    await vi.waitFor(
      async () => {
        const view = await read(plan.id);
        expect(view.state).toBe("canceled");
        expect(view.done).toBe(40);
      },
      { timeout: 30_000, interval: 500 },
    );
    const view = await read(plan.id);
    expect(view.cells.some((c) => c.state === "skipped")).toBe(true);
    for (const c of view.cells.filter((c) => c.state === "sent")) {
      expect(c.generation?.status).toBe("canceled");
    }
  }, 60_000);

  it("another account's plan is a 404", async () => {
    const res = await getOne(
      new Request("http://127.0.0.1:3000/api/plans/g_aaaaaaaaaaaaaaaa"),
      params({ id: "g_aaaaaaaaaaaaaaaa" }),
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});
