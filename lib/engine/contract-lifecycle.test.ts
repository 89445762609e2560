// Contract test: the job lifecycle — test words (blocked, fail, expire),
// queueing with positions and progress, long-polls that end when clients
// leave, and restarts that lose nothing.
import { getWorkflow, queryWorkflows, submitWorkflow } from "@civitai/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BLOCKED_MESSAGE } from "./lifecycle";
import { ledger, startTestEngine, tempDataDir, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec } from "./testing/spec-validator";
import type { Workflow } from "./types";

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.destroy();
});

const asWorkflow = (data: unknown) => parseSpec<Workflow>("Workflow", data);

async function run(
  engine: TestEngine,
  input: Record<string, unknown>,
  wait = 20,
): Promise<Workflow> {
  const { data } = await submitWorkflow({
    client: engine.client,
    body: kreaBody(input),
    query: { wait },
  });
  return asWorkflow(data);
}

describe("test words", () => {
  it("test:blocked fails the step as blocked, with no image available, and refunds it", async () => {
    const wf = await run(t, { prompt: "a red door TEST:BLOCKED", quantity: 2 });
    expect(wf.status).toBe("failed");
    const step = wf.steps[0]!;
    expect(step.status).toBe("failed");
    expect(step.output?.errors).toEqual([BLOCKED_MESSAGE]);
    expect(step.output?.errors?.[0]).toMatch(/^blocked: /);
    for (const image of step.output!.images) {
      expect(image).toMatchObject({ available: false, url: null, blockedReason: "blocked" });
    }
    expect(wf.transactions.list).toEqual([
      { type: "debit", amount: 78, accountType: "yellow" },
      { type: "credit", amount: 78, accountType: "yellow" },
    ]);
  });

  it("test:fail fails the last job mid-run, delivers the rest, and charges only what was delivered", async () => {
    const wf = await run(t, {
      prompt: "test:fail a field of poppies",
      quantity: 3,
      imageStyleReferences: [{ imageUrl: "https://example.com/style.jpg" }],
    });
    expect(wf.status).toBe("failed");
    const step = wf.steps[0]!;
    expect(step.jobs.map((j) => j.status)).toEqual(["succeeded", "succeeded", "failed"]);
    expect(step.output!.images.map((i) => i.available)).toEqual([true, true, false]);
    expect(step.output!.errors?.[0]).toContain("failed");
    // 3 × 45.5 = 136.5 → 137 debited; 2 delivered = 91 → 46 back.
    expect(wf.transactions.list).toEqual([
      { type: "debit", amount: 137, accountType: "yellow" },
      { type: "credit", amount: 46, accountType: "yellow" },
    ]);
    const failed = step.jobs[2]!;
    const ok = step.jobs[0]!;
    // Failing halfway: the failed job ran for less time than its siblings' shortest plausible run.
    expect(Date.parse(failed.completedAt!) - Date.parse(failed.startedAt!)).toBeLessThan(260);
    expect(Date.parse(ok.completedAt!) - Date.parse(ok.startedAt!)).toBeGreaterThanOrEqual(140);
  });

  it("test:expire never assigns the jobs and ends expired, refunded", async () => {
    const early = await run(t, { prompt: "test:expire", quantity: 2 }, 0);
    expect(early.status).toBe("unassigned");
    for (const job of early.steps[0]!.jobs) {
      expect(job.queuePosition).toEqual({
        support: "unavailable",
        precedingJobs: null,
        startAt: null,
        completeAt: null,
      });
    }
    const polled = await getWorkflow({
      client: t.client,
      path: { workflowId: early.id! },
      query: { wait: 10 },
    });
    expect(polled.response.status).toBe(200);
    const wf = asWorkflow(polled.data);
    expect(wf.status).toBe("expired");
    expect(wf.steps[0]!.jobs.map((j) => [j.status, j.startedAt])).toEqual([
      ["expired", null],
      ["expired", null],
    ]);
    expect(wf.transactions.list.map((e) => e.type)).toEqual(["debit", "credit"]);
  });
});

describe("queueing and progress", () => {
  it("runs at most `concurrency` jobs and gives the rest queue positions", async () => {
    const one = await startTestEngine({ concurrency: 1 });
    try {
      const wf = await run(one, { quantity: 3 }, 0);
      const [first, second, third] = wf.steps[0]!.jobs;
      expect(first!.status).toBe("processing");
      expect(first!.queuePosition).toBeUndefined();
      expect(second!.queuePosition).toMatchObject({ support: "available", precedingJobs: 0 });
      expect(third!.queuePosition).toMatchObject({ support: "available", precedingJobs: 1 });
      expect(Date.parse(third!.queuePosition!.startAt!)).toBeGreaterThanOrEqual(
        Date.parse(second!.queuePosition!.completeAt!),
      );

      const rate = async () =>
        asWorkflow((await getWorkflow({ client: one.client, path: { workflowId: wf.id! } })).data)
          .steps[0]!.estimatedProgressRate ?? 0;
      await expect.poll(rate).toBeGreaterThan(0);
      expect(await rate()).toBeLessThan(1);

      const done = asWorkflow(
        (
          await getWorkflow({
            client: one.client,
            path: { workflowId: wf.id! },
            query: { wait: 20 },
          })
        ).data,
      );
      expect(done.status).toBe("succeeded");
      // One at a time: each job started when the previous one completed.
      const jobs = done.steps[0]!.jobs;
      expect(Date.parse(jobs[1]!.startedAt!)).toBeGreaterThanOrEqual(
        Date.parse(jobs[0]!.completedAt!),
      );
      expect(Date.parse(jobs[2]!.startedAt!)).toBeGreaterThanOrEqual(
        Date.parse(jobs[1]!.completedAt!),
      );
    } finally {
      await one.destroy();
    }
  });

  it("ends a long poll when its client goes away", async () => {
    const wf = await run(t, { prompt: "test:slow" }, 0);
    const stats = async () => (await (await t.raw("/_engine/stats")).json()).longPollsWaiting;
    const controller = new AbortController();
    const poll = t
      .raw(`/v2/consumer/workflows/${wf.id}?wait=60`, { signal: controller.signal })
      .catch(() => "aborted");
    await expect.poll(stats).toBe(1);
    controller.abort();
    expect(await poll).toBe("aborted");
    await expect.poll(stats).toBe(0);
    await t.raw(`/v2/consumer/workflows/${wf.id}`, { method: "DELETE" });
  });
});

describe("the ledger", () => {
  it("equals the sum of every workflow's transactions, whatever the outcomes", async () => {
    const token = "ledger-check";
    const client = t.clientFor(token);
    const submit = (prompt: string, quantity: number, wait: number) =>
      submitWorkflow({
        client,
        body: kreaBody({ prompt, quantity, size: "large" }),
        query: { wait },
      });
    await Promise.all([
      submit("fine", 2, 20),
      submit("test:fail", 3, 20),
      submit("test:blocked", 1, 20),
    ]);
    const slow = asWorkflow((await submit("test:slow", 2, 0)).data);
    await t.raw(`/v2/consumer/workflows/${slow.id}`, {
      token,
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "canceled" }),
    });
    const items = (await queryWorkflows({ client })).data?.items ?? [];
    expect(items).toHaveLength(4);
    let net = 0;
    for (const wf of items)
      for (const e of wf.transactions?.list ?? []) net += e.type === "debit" ? e.amount : -e.amount;
    const summary = await ledger(t, token);
    expect(summary.debits - summary.credits).toBe(net);
    // Delivered: 2 fine + 2 of the failing batch, at 78 each.
    expect(net).toBe(4 * 78);
    expect(summary.balance).toBe(100_000 - net);
  });
});

describe("restarts", () => {
  it("resumes unfinished work from the database and keeps everything else", async () => {
    const dataDir = tempDataDir();
    const first = await startTestEngine({ dataDir });
    const earlier = await run(first, { prompt: "before the restart" });
    expect(earlier.status).toBe("succeeded");
    const inFlight = await run(first, { prompt: "interrupted", quantity: 2 }, 0);
    expect(inFlight.status).not.toBe("succeeded");
    const balance = (await ledger(first)).balance;
    const stoppedAt = Date.now();
    await first.stop();

    // Down longer than any instant medium job (at most 300 ms): on start-up they are
    // past their planned end and finish at once. The downtime is the scenario itself.
    await vi.waitFor(() => expect(Date.now() - stoppedAt).toBeGreaterThan(350), {
      timeout: 2_000,
      interval: 20,
    });
    const second = await startTestEngine({ dataDir });
    const resumed = await getWorkflow({
      client: second.client,
      path: { workflowId: inFlight.id! },
      query: { wait: 10 },
    });
    expect(resumed.response.status).toBe(200);
    const done = asWorkflow(resumed.data);
    expect(done.status).toBe("succeeded");
    // Resumed where they were, not started again: each job keeps its first start.
    for (const job of done.steps[0]!.jobs!) {
      expect(Date.parse(job.startedAt!)).toBeLessThanOrEqual(stoppedAt);
    }
    for (const image of done.steps[0]!.output!.images) {
      expect(image.available).toBe(true);
      expect((await fetch(image.url!)).status).toBe(200);
    }
    // Jobs stopped mid-run restart on timers.
    const again = await run(second, { prompt: "interrupted again" }, 0);
    await second.stop();
    const third = await startTestEngine({ dataDir });
    try {
      const finished = asWorkflow(
        (
          await getWorkflow({
            client: third.client,
            path: { workflowId: again.id! },
            query: { wait: 10 },
          })
        ).data,
      );
      expect(finished.status).toBe("succeeded");
      const ids = (await queryWorkflows({ client: third.client })).data?.items?.map((w) => w.id);
      expect(ids).toEqual([again.id, inFlight.id, earlier.id]);
      expect((await ledger(third)).balance).toBe(balance - 39);
    } finally {
      await third.destroy();
    }
  });
});
