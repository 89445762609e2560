// Exactly-once under fire: Generate clicks go through the browser's own retry
// code (lib/client/builder/submit-retry.ts) → this route handler (server retries and
// single-flight) → the SDK → an engine that fails on purpose (5xx, 429, stalls,
// answers lost before or after the work). Every click must end as exactly one
// workflow charged once, or as an error the designer sees.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postSubmit, retryClick, SubmitGaveUp } from "@/lib/client/builder/submit-retry";
import type { PendingSubmit } from "@/lib/client/builder/pending-submits";
import type { FaultCounters, FaultPlanInput } from "@/lib/engine/faults";
import { ledger } from "@/lib/engine/testing/harness";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import type { SubmitAccount } from "@/lib/contract/api";
import { accountOf } from "@/lib/server/orchestrator/account";
import { LOCAL_ENGINE_TOKEN, resolveTarget } from "@/lib/server/orchestrator/target";
import { startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";

vi.hoisted(() => {
  // Short enough that a stall costs a second, not the production 30 s.
  process.env.ORCHESTRATOR_TIMEOUT_MS = "1000";
  // Under 50 % failures the circuit breaker would pause every click for a second
  // at a time: it only ever refuses to send, so it cannot make or lose a
  // workflow, and its own test (watch-faults.test.ts) covers it. Here it only
  // adds waiting, so it trips late and recovers fast.
  process.env.ORCHESTRATOR_BREAKER_THRESHOLD = "50";
  process.env.ORCHESTRATOR_BREAKER_COOLDOWN_MS = "200";
  process.env.ORCHESTRATOR_BREAKER_MAX_COOLDOWN_MS = "400";
  // This file measures the orchestrator path; the studio's own limiter has its tests.
  process.env.STUDIO_RATE_LIMIT = "off";
});

const { POST } = await import("./route");

const MEDIUM_COST = 39;
const MIN_FAULTS = 200;
const MIN_CLICKS = 60;
const DESIGNERS = 40;

let env: StudioApiEnv;
/** the account the clicks are made for: the one this studio uses, as the page would say */
let account: SubmitAccount;
beforeAll(async () => {
  env = await startStudioApiEnv({ testMode: true, concurrency: 2 });
  account = accountOf(await resolveTarget(null));
});
afterAll(() => env.close());

/** Every route call this test started, finished or not (a click may give up before its server does). */
const running = new Set<Promise<unknown>>();

// The route logs every 5xx it answers with its cause; hundreds of injected ones are noise here.
vi.spyOn(console, "error").mockImplementation(() => undefined);

/** fetch as the browser would see it, but answered by the route handler in-process. */
const studioFetch: typeof fetch = (input, init) => {
  const request = new Request(new URL(String(input), "http://127.0.0.1:3000"), init);
  const handled = POST(request, {});
  running.add(handled);
  void handled.finally(() => running.delete(handled));
  const signal = init?.signal;
  if (!signal) return handled;
  return new Promise<Response>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    handled.then(resolve, reject);
  });
};

function click(i: number): PendingSubmit {
  const input = kreaInputSchema.parse({ prompt: `exactly once #${i}`, seed: i });
  return {
    key: `click-${randomUUID()}`,
    input: { ...input, seed: i },
    wait: 0,
    startedAt: Date.now(),
    query: "",
    account,
  };
}

async function faults(method: "PUT" | "GET" | "DELETE", plan?: FaultPlanInput) {
  const res = await env.engine.raw(`/_engine/faults${method === "PUT" ? "?reset=true" : ""}`, {
    method,
    token: LOCAL_ENGINE_TOKEN,
    headers: plan ? { "content-type": "application/json" } : undefined,
    body: plan ? JSON.stringify(plan) : undefined,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { counters: FaultCounters };
}

/** Every workflow on the engine for the studio's token, by externalId. */
async function engineWorkflows(): Promise<{ id: string; externalId: string | null }[]> {
  const out: { id: string; externalId: string | null }[] = [];
  let cursor = "";
  for (;;) {
    const res = await env.engine.raw(
      `/v2/consumer/workflows?take=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { token: LOCAL_ENGINE_TOKEN },
    );
    const page: { next?: string | null; items: { id: string; externalId: string | null }[] } =
      await res.json();
    out.push(...page.items);
    if (!page.next) return out;
    cursor = page.next;
  }
}

const settle = async () => {
  while (running.size > 0) await Promise.allSettled([...running]);
};

describe("N Generate clicks under injected faults", () => {
  it("make exactly N workflows, charged once each, or say why not", async () => {
    await faults("PUT", {
      seed: 20_24,
      routes: {
        submit: {
          probability: 0.5,
          kinds: [
            "status:500",
            "status:502",
            "status:503",
            "rate-limit",
            "stall",
            "drop-after",
            "drop-after",
            "drop-before",
          ],
          retryAfterSeconds: 1,
          stallMs: 1_500,
        },
      },
    });

    type Outcome = { key: string; id?: string; error?: string };
    const outcomes: Outcome[] = [];
    const started = Date.now();
    let clicks = 0;
    let enough = false;
    // Designers clicking at once: each starts a new click as soon as the last one ended,
    // until the engine has injected enough faults.
    const designer = async () => {
      while (!enough && clicks < 400) {
        const entry = click(clicks++);
        try {
          const generation = await retryClick((signal) =>
            postSubmit(entry, { signal, fetch: studioFetch }),
          );
          outcomes.push({ key: entry.key, id: generation.id });
        } catch (error) {
          outcomes.push({
            key: entry.key,
            error: error instanceof Error ? error.message : String(error),
          });
        }
        if (clicks >= MIN_CLICKS && (await faults("GET")).counters.injected >= MIN_FAULTS) {
          enough = true;
        }
      }
    };
    await Promise.all(Array.from({ length: DESIGNERS }, designer));
    const { counters } = await faults("DELETE");
    await settle();

    const workflows = await engineWorkflows();
    const byKey = new Map<string, string[]>();
    for (const w of workflows) {
      if (w.externalId) byKey.set(w.externalId, [...(byKey.get(w.externalId) ?? []), w.id]);
    }
    // Workflows beyond one per click (a second one for a click, or one no click asked for).
    const duplicates =
      workflows.length - outcomes.filter((o) => byKey.get(o.key)?.length === 1).length;
    const lostWithoutError = outcomes.filter(
      (o) => !o.error && !(o.id && byKey.get(o.key)?.includes(o.id)),
    ).length;
    const errors = outcomes.filter((o) => o.error);
    const money = await ledger(env.engine, LOCAL_ENGINE_TOKEN);

    console.log(
      `faults injected: ${counters.injected} (${Object.entries(counters.byKind)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}), clicks: ${outcomes.length}, workflows: ${workflows.length}, ` +
        `duplicates: ${duplicates}, lost without error: ${lostWithoutError}, ` +
        `gave up: ${errors.length}, debits: ${money.debits} Buzz, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    expect(counters.injected).toBeGreaterThanOrEqual(MIN_FAULTS);
    expect(Object.keys(counters.byKind).sort()).toEqual([
      "drop-after",
      "drop-before",
      "rate-limit",
      "stall",
      "status:500",
      "status:502",
      "status:503",
    ]);
    expect(duplicates).toBe(0);
    expect(lostWithoutError).toBe(0);
    expect(errors).toEqual([]);
    expect(workflows).toHaveLength(outcomes.length);
    expect(new Set(outcomes.map((o) => o.key))).toEqual(new Set(byKey.keys()));
    expect(money.debits).toBe(outcomes.length * MEDIUM_COST);
  }, 120_000);

  it("gives up after its budget with a clear message when the orchestrator keeps failing", async () => {
    await faults("PUT", { routes: { submit: { probability: 1, kinds: ["status:503"] } } });
    const entry = click(9_999);
    const started = Date.now();
    const failure = retryClick((signal) => postSubmit(entry, { signal, fetch: studioFetch }), {
      budgetMs: 4_000,
    });
    await expect(failure).rejects.toBeInstanceOf(SubmitGaveUp);
    await expect(failure).rejects.toThrow(
      /Gave up after 4 s\. Your request is kept: Retry sends it again with the same key, so it cannot be charged twice\./,
    );
    expect(Date.now() - started).toBeLessThan(5_500);
    expect((await engineWorkflows()).filter((w) => w.externalId === entry.key)).toHaveLength(0);

    // The server may still be trying; once the engine heals it makes that one workflow, never two.
    await faults("DELETE");
    await settle();
    const made = (await engineWorkflows()).filter((w) => w.externalId === entry.key);
    expect(made.length).toBeLessThanOrEqual(1);
  }, 60_000);
});
