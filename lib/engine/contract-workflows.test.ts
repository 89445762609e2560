// Contract test: the engine over real HTTP, driven through the official SDK's
// own functions, answering with the orchestrator's shapes and status codes.
import {
  getWorkflow,
  queryWorkflows,
  submitWorkflow,
  updateWorkflow,
  deleteWorkflow,
} from "@civitai/client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTPUT_SIZES } from "./krea-facts";
import { ledger, startTestEngine, type TestEngine } from "./testing/harness";
import {
  kreaBody,
  RECIPE_LARGE,
  RECIPE_MEDIUM,
  RECIPE_STYLE_REFERENCES,
} from "./testing/recipe-bodies";
import { parseSpec, specErrors } from "./testing/spec-validator";
import type { Workflow } from "./types";

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.destroy();
});

/** The SDK's data, checked against the spec's Workflow schema. */
const asWorkflow = (data: unknown) => parseSpec<Workflow>("Workflow", data);

describe("submit the recipe's bodies", () => {
  const cases = [
    { name: "medium", body: RECIPE_MEDIUM, ratio: "1:1", total: 39, perImage: 39 },
    { name: "large", body: RECIPE_LARGE, ratio: "16:9", total: 78, perImage: 78 },
    {
      name: "style references",
      body: RECIPE_STYLE_REFERENCES,
      ratio: "3:2",
      total: 46,
      perImage: 45.5,
    },
  ] as const;

  for (const c of cases) {
    it(`runs the ${c.name} body to a real JPEG at the ratio's size`, async () => {
      const { data, response } = await submitWorkflow({
        client: t.client,
        body: c.body,
        query: { wait: 20 },
      });
      expect(response.status).toBe(200);
      const wf = asWorkflow(data);
      expect(wf.status).toBe("succeeded");
      expect(wf.cost.total).toBe(c.total);
      expect(wf.transactions.list).toEqual([
        { type: "debit", amount: c.total, accountType: "yellow" },
      ]);
      const step = wf.steps[0]!;
      expect(step.name).toBe("0");
      expect(step.input.seed).toEqual(expect.any(Number));
      expect(step.input.quantity).toBe(1);
      expect(step.jobs.map((j) => j.cost)).toEqual([c.perImage]);
      const images = step.output?.images ?? [];
      expect(images).toHaveLength(1);
      const { width, height } = OUTPUT_SIZES[c.ratio];
      expect(images[0]).toMatchObject({
        type: "image",
        available: true,
        width,
        height,
        jobId: step.jobs[0]!.id,
      });
      const res = await fetch(images[0]!.url!);
      expect(res.headers.get("content-type")).toBe("image/jpeg");
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", width, height]);
    });
  }
});

describe("the wait rule", () => {
  it("answers 202 at once with wait=0, then 200 from a long poll once final", async () => {
    const submitted = await submitWorkflow({
      client: t.client,
      body: kreaBody({ quantity: 3 }),
      query: { wait: 0 },
    });
    expect(submitted.response.status).toBe(202);
    const early = asWorkflow(submitted.data);
    expect(["unassigned", "processing"]).toContain(early.status);
    const images = early.steps[0]!.output!.images;
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image).toMatchObject({ available: false, url: null, width: 1024, height: 1024 });
    }

    const polled = await getWorkflow({
      client: t.client,
      path: { workflowId: early.id! },
      query: { wait: 20 },
    });
    expect(polled.response.status).toBe(200);
    const done = asWorkflow(polled.data);
    expect(done.status).toBe("succeeded");
    expect(done.steps[0]!.estimatedProgressRate).toBeNull();
    expect(done.steps[0]!.output!.images.map((i) => i.available)).toEqual([true, true, true]);
    expect(done.steps[0]!.output!.images.map((i) => i.id)).toEqual(images.map((i) => i.id));
    expect(new Set(done.steps[0]!.jobs.map((j) => j.status))).toEqual(new Set(["succeeded"]));
  });

  it("answers 202 from a GET whose wait runs out before the workflow ends", async () => {
    const { data } = await submitWorkflow({
      client: t.client,
      body: kreaBody({ prompt: "harbour test:slow" }),
    });
    const id = asWorkflow(data).id!;
    const started = Date.now();
    const polled = await getWorkflow({
      client: t.client,
      path: { workflowId: id },
      query: { wait: 1 },
    });
    expect(polled.response.status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await updateWorkflow({
      client: t.client,
      path: { workflowId: id },
      body: { status: "canceled" },
    });
  });
});

describe("whatif", () => {
  it("returns the cost and creates nothing", async () => {
    const before = await ledger(t);
    const countBefore = (await queryWorkflows({ client: t.client, query: { take: 1000 } })).data
      ?.items?.length;
    const body = kreaBody({
      quantity: 2,
      imageStyleReferences: [{ imageUrl: "https://example.com/ref.png", strength: -1 }],
    });
    const { data, response } = await submitWorkflow({
      client: t.client,
      body,
      query: { whatif: true },
    });
    expect(response.status).toBe(200);
    const wf = asWorkflow(data);
    expect(wf).toMatchObject({ id: null, status: "unassigned" });
    expect(wf.cost).toMatchObject({ base: 91, total: 91 });
    expect(wf.transactions).toEqual({
      list: [{ type: "debit", amount: 91, accountType: "yellow" }],
      insufficientBuzz: false,
    });
    expect(wf.steps[0]!.jobs.map((j) => j.cost)).toEqual([45.5, 45.5]);
    expect(await ledger(t)).toEqual(before);
    const countAfter = (await queryWorkflows({ client: t.client, query: { take: 1000 } })).data
      ?.items?.length;
    expect(countAfter).toBe(countBefore);
  });
});

describe("externalId", () => {
  it("returns the same workflow for the same key, charged once, even when submitted concurrently", async () => {
    const before = await ledger(t);
    const body = kreaBody({ quantity: 1 }, { externalId: "studio-key_42" });
    const results = await Promise.all(
      [0, 1, 2].map(() => submitWorkflow({ client: t.client, body, query: { wait: 0 } })),
    );
    const ids = new Set(results.map((r) => asWorkflow(r.data).id));
    expect(ids.size).toBe(1);
    const after = await ledger(t);
    expect(after.debits - before.debits).toBe(39);
    expect(after.workflows - before.workflows).toBe(1);
    // Another user may use the same key for their own workflow.
    const other = await submitWorkflow({ client: t.clientFor("someone-else"), body });
    expect(asWorkflow(other.data).id).not.toBe([...ids][0]);
  });
});

describe("cancel and delete", () => {
  it("cancels with PUT status canceled and refunds what was not delivered", async () => {
    const body = kreaBody({ prompt: "test:slow lighthouse", quantity: 2 });
    const { data } = await submitWorkflow({ client: t.client, body });
    const id = asWorkflow(data).id!;
    const put = await updateWorkflow({
      client: t.client,
      path: { workflowId: id },
      body: { status: "canceled" },
    });
    expect(put.response.status).toBe(204);
    const wf = asWorkflow((await getWorkflow({ client: t.client, path: { workflowId: id } })).data);
    expect(wf.status).toBe("canceled");
    expect(wf.steps[0]!.jobs.map((j) => j.status)).toEqual(["canceled", "canceled"]);
    expect(wf.transactions.list).toEqual([
      { type: "debit", amount: 78, accountType: "yellow" },
      { type: "credit", amount: 78, accountType: "yellow" },
    ]);
    // Canceling a final workflow is a no-op.
    const again = await updateWorkflow({
      client: t.client,
      path: { workflowId: id },
      body: { status: "canceled" },
    });
    expect(again.response.status).toBe(204);
    const same = asWorkflow(
      (await getWorkflow({ client: t.client, path: { workflowId: id } })).data,
    );
    expect(same.transactions.list).toHaveLength(2);
  });

  it("deletes: unfinished work is canceled and refunded, later reads are 404", async () => {
    const before = await ledger(t);
    const { data } = await submitWorkflow({
      client: t.client,
      body: kreaBody({ prompt: "test:slow dune" }),
    });
    const id = asWorkflow(data).id!;
    const del = await deleteWorkflow({ client: t.client, path: { workflowId: id } });
    expect(del.response.status).toBe(204);
    const read = await getWorkflow({ client: t.client, path: { workflowId: id } });
    expect(read.response.status).toBe(404);
    const after = await ledger(t);
    expect(after.balance).toBe(before.balance);
    const raw = await t.raw(`/v2/consumer/workflows/${id}`);
    expect(raw.headers.get("content-type")).toBe("application/problem+json");
    expect(specErrors("ProblemDetails", await raw.json())).toEqual([]);
  });

  it("rejects unknown update properties and other statuses", async () => {
    const { data } = await submitWorkflow({ client: t.client, body: kreaBody({}) });
    const id = asWorkflow(data).id!;
    const res = await t.raw(`/v2/consumer/workflows/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "succeeded", colour: "red" }),
    });
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(specErrors("ValidationProblemDetails", problem)).toEqual([]);
    expect(Object.keys(problem.errors).sort()).toEqual(["colour", "status"]);
  });
});

describe("insufficient Buzz", () => {
  it("refuses a submit that costs more than the balance with 403", async () => {
    const poor = await startTestEngine({ startingBuzz: 100 });
    try {
      const first = await submitWorkflow({
        client: poor.client,
        body: kreaBody({ size: "large" }),
      });
      expect(first.response.status).toBe(202);
      const res = await poor.raw("/v2/consumer/workflows", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(kreaBody({ size: "large" })),
      });
      expect(res.status).toBe(403);
      const problem = await res.json();
      expect(problem.detail).toContain("costs 78 Buzz");
      expect(problem.detail).toContain("balance is 22 Buzz");
      expect((await ledger(poor)).workflows).toBe(1);
      const whatif = await submitWorkflow({
        client: poor.client,
        body: kreaBody({ size: "large" }),
        query: { whatif: true },
      });
      expect(asWorkflow(whatif.data).transactions.insufficientBuzz).toBe(true);
    } finally {
      await poor.destroy();
    }
  });
});
