// Fault injection over real HTTP: each kind does what it says, and a lost
// answer really is a network error to fetch and to the SDK, after (drop-after)
// or without (drop-before) the work being done.
import { getWorkflow, submitWorkflow } from "@civitai/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FaultInjector, parseFaultPlan, type FaultPlanInput } from "./faults";
import { ledger, startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec } from "./testing/spec-validator";
import type { Workflow } from "./types";

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine({ testMode: true });
});
afterAll(() => t.destroy());

let n = 0;
const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify(kreaBody({ prompt: "faults" }, { externalId: `fault-${n++}`, ...extra }));

async function setFaults(plan: FaultPlanInput): Promise<void> {
  const res = await t.raw("/_engine/faults?reset=true", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(plan),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const clearFaults = () => t.raw("/_engine/faults", { method: "DELETE" });
const submitRaw = (b = body(), signal?: AbortSignal) =>
  t.raw("/v2/consumer/workflows", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: b,
    signal,
  });

describe("request faults", () => {
  it.each(["status:500", "status:502", "status:503"] as const)(
    "%s answers that status as problem+json and does nothing",
    async (kind) => {
      await setFaults({ routes: { submit: { kinds: [kind], next: 1 } } });
      const before = (await ledger(t)).workflows;
      const res = await submitRaw();
      expect(res.status).toBe(Number(kind.slice(7)));
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).detail).toMatch(/Injected fault/);
      expect((await ledger(t)).workflows).toBe(before);
    },
  );

  it("rate-limit answers 429 with Retry-After", async () => {
    await setFaults({ routes: { "*": { kinds: ["rate-limit"], next: 1, retryAfterSeconds: 7 } } });
    const res = await t.raw("/v2/consumer/workflows");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
  });

  it("drop-after creates and charges the workflow, then fetch sees a network error", async () => {
    await setFaults({ routes: { submit: { kinds: ["drop-after"], next: 1 } } });
    const before = await ledger(t);
    const externalId = `dropped-${n++}`;
    await expect(submitRaw(body({ externalId }))).rejects.toThrow(TypeError);
    const after = await ledger(t);
    expect(after.workflows).toBe(before.workflows + 1);
    expect(after.debits).toBe(before.debits + 39);
    // The same key again returns that workflow; nothing is charged twice.
    const again = await submitRaw(body({ externalId }));
    expect(again.ok).toBe(true);
    expect((await ledger(t)).debits).toBe(after.debits);
  });

  it("drop-before loses the request: a network error for the SDK and no workflow", async () => {
    await setFaults({ routes: { submit: { kinds: ["drop-before"], next: 1 } } });
    const before = (await ledger(t)).workflows;
    await expect(
      submitWorkflow({ client: t.client, body: kreaBody({ prompt: "x" }), throwOnError: true }),
    ).rejects.toThrow();
    expect((await ledger(t)).workflows).toBe(before);
  });

  it("stall holds the request past the client's timeout, then does the work anyway", async () => {
    await setFaults({ routes: { submit: { kinds: ["stall"], next: 1, stallMs: 600 } } });
    const externalId = `stalled-${n++}`;
    const before = (await ledger(t)).workflows;
    await expect(submitRaw(body({ externalId }), AbortSignal.timeout(200))).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 700));
    expect((await ledger(t)).workflows).toBe(before + 1);
  });

  it("counts what it injected, per kind and route; GET reports it", async () => {
    await setFaults({ routes: { get: { kinds: ["status:503", "rate-limit"], next: 4 } } });
    const { data } = await submitWorkflow({ client: t.client, body: kreaBody({ prompt: "c" }) });
    const id = (data as { id: string }).id;
    for (let i = 0; i < 5; i++) await getWorkflow({ client: t.client, path: { workflowId: id } });
    const res = await t.raw("/_engine/faults");
    const { counters } = await res.json();
    expect(counters.injected).toBe(4);
    expect(counters.byRoute).toEqual({ get: 4 });
    expect((counters.byKind["status:503"] ?? 0) + (counters.byKind["rate-limit"] ?? 0)).toBe(4);
    await clearFaults();
  });

  it("refuses a malformed plan naming the field", async () => {
    const res = await t.raw("/_engine/faults", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ routes: { submit: { kinds: ["explode"], next: 1 } } }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/routes\.submit\.kinds/);
  });
});

describe("job and URL faults", () => {
  it("failJobRate fails jobs mid-run and refunds them", async () => {
    await setFaults({ failJobRate: 1 });
    const { data } = await submitWorkflow({
      client: t.client,
      body: kreaBody({ prompt: "doomed", quantity: 2 }),
      query: { wait: 10 },
    });
    const wf = parseSpec<Workflow>("Workflow", data);
    expect(wf.status).toBe("failed");
    expect(wf.steps[0]?.output?.errors?.[0]).toMatch(/failed mid-run/);
    // Nothing delivered, nothing charged.
    const debits = wf.transactions.list.filter((x) => x.type === "debit");
    const credits = wf.transactions.list.filter((x) => x.type === "credit");
    expect(credits.reduce((s, x) => s + x.amount, 0)).toBe(
      debits.reduce((s, x) => s + x.amount, 0),
    );
    await clearFaults();
  });

  it("expiredUrls hands out URLs that are already refused; refresh gives working ones", async () => {
    const { data } = await submitWorkflow({
      client: t.client,
      body: kreaBody({ prompt: "expired" }),
      query: { wait: 10 },
    });
    const id = (data as { id: string }).id;
    await setFaults({ expiredUrls: true });
    const read = await getWorkflow({ client: t.client, path: { workflowId: id } });
    const image = parseSpec<Workflow>("Workflow", read.data).steps[0]!.output!.images[0]!;
    expect(new Date(image.urlExpiresAt ?? 0).getTime()).toBeLessThan(Date.now());
    expect((await fetch(image.url!)).status).toBe(401);
    const fresh = await t.raw(`/v2/consumer/blobs/${image.id}/refresh`, { method: "POST" });
    expect((await fetch((await fresh.json()).url)).status).toBe(200);
    await clearFaults();
  });
});

describe("outside test mode", () => {
  it("has no /_engine/faults route", async () => {
    const plain = await startTestEngine();
    try {
      expect((await plain.raw("/_engine/faults")).status).toBe(404);
    } finally {
      await plain.destroy();
    }
  });
});

describe("FaultInjector", () => {
  it("replays the same faults for the same seed", () => {
    const plan = parseFaultPlan({
      seed: 7,
      routes: { "*": { kinds: ["status:500", "stall", "drop-after"], probability: 0.5 } },
    });
    const run = () => {
      const f = new FaultInjector(plan);
      return Array.from({ length: 50 }, () => f.decide("get")?.kind ?? "-");
    };
    expect(run()).toEqual(run());
    expect(new Set(run()).size).toBeGreaterThan(2);
  });

  it("gives a route's own rule priority over the '*' rule", () => {
    const f = new FaultInjector(
      parseFaultPlan({
        routes: {
          "*": { kinds: ["status:500"], probability: 1 },
          get: { kinds: ["stall"], next: 1 },
        },
      }),
    );
    expect(f.decide("get")?.kind).toBe("stall");
    expect(f.decide("get")).toBeNull();
    expect(f.decide("query")?.kind).toBe("status:500");
  });

  it("reads LOCAL_ENGINE_FAULTS text and names what is wrong", () => {
    expect(() => parseFaultPlan("{nope")).toThrow(/not valid JSON/);
    expect(() => parseFaultPlan({ routes: { get: { kinds: ["stall"] } } })).toThrow(
      /probability or next/,
    );
  });
});
