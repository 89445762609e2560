// Polling under fire: the browser's own watch code (watchOnce) long-polls the
// watch route while the engine answers every status read with 5xx, 429,
// stalls or dropped connections. No generation may be marked failed or lost,
// the circuit breaker must open (and /api/health, which the header shows, say
// so), and once the engine recovers every generation must arrive as succeeded
// and the header notice clear.
import { QueryClient } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  flattenGenerations,
  GENERATIONS_KEY,
  type GenerationsData,
} from "@/lib/client/gallery/cache";
import type { Generation } from "@/lib/contract/generations/types";
import { LOST_KEY, WatchInterrupted, watchOnce } from "@/lib/client/gallery/use-generation-watch";
import { healthNotice, type HealthAnswer } from "@/lib/client/platform/use-orchestrator-health";
import type { FaultCounters, FaultPlanInput } from "@/lib/engine/faults";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";

vi.hoisted(() => {
  process.env.ORCHESTRATOR_TIMEOUT_MS = "800";
  process.env.ORCHESTRATOR_BREAKER_THRESHOLD = "3";
  process.env.ORCHESTRATOR_BREAKER_COOLDOWN_MS = "300";
  process.env.ORCHESTRATOR_BREAKER_MAX_COOLDOWN_MS = "600";
  process.env.STUDIO_RATE_LIMIT = "off";
});

const { POST } = await import("../route");
const { GET: watchRoute } = await import("./route");
const { GET: healthRoute } = await import("../../health/route");

let env: StudioApiEnv;
beforeAll(async () => {
  // One job at a time, 2–3 s each: the later ones are still running while the faults hit.
  env = await startStudioApiEnv({ testMode: true, speed: "fast", concurrency: 1 });
});
afterAll(() => env.close());

vi.spyOn(console, "error").mockImplementation(() => undefined);

const realFetch = globalThis.fetch;
/** The browser's fetch, answered by the route handlers in-process; the engine over real HTTP. */
function browserFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.startsWith("/api/")) return realFetch(input, init);
  const request = new Request(new URL(url, "http://127.0.0.1:3000"), init);
  if (url.startsWith("/api/workflows/watch")) return watchRoute(request, {});
  if (url.startsWith("/api/health")) return healthRoute(request, {});
  throw new Error(`unexpected browser request ${url}`);
}

async function faults(method: "GET" | "PUT" | "DELETE", plan?: FaultPlanInput) {
  const res = await env.engine.raw(`/_engine/faults${method === "PUT" ? "?reset=true" : ""}`, {
    method,
    token: LOCAL_ENGINE_TOKEN,
    headers: plan ? { "content-type": "application/json" } : undefined,
    body: plan ? JSON.stringify(plan) : undefined,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { counters: FaultCounters };
}

async function health(): Promise<HealthAnswer> {
  return (await browserFetch("/api/health")).json();
}

/**
 * Every kind the engine is told to inject; each must have hit the polling at least once.
 * The order matters with the seed below: its first six draws pick indices 1, 0, 3, 5, 4, 2,
 * so the stall comes last. A stall shorter than a long-poll's timeout ends in success,
 * which closes the breaker and can finish the generations before a kind drawn after it
 * is ever injected (this test failed that way under load).
 */
const KINDS = [
  "status:500",
  "status:502",
  "stall",
  "rate-limit",
  "status:503",
  "drop-before",
] as const;

describe("polling while the orchestrator fails", () => {
  it("never marks a generation failed, shows the pause, and recovers with the engine", async () => {
    vi.stubGlobal("fetch", browserFetch);
    const generations: Generation[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await POST(
        jsonRequest(
          "/api/workflows",
          { prompt: `polled #${i}`, size: "large" },
          {
            headers: { "idempotency-key": `watch-faults-${i}` },
          },
        ),
        {},
      );
      expect(res.status).toBe(201);
      generations.push(await res.json());
    }
    const ids = generations.map((g) => g.id);
    const qc = new QueryClient();
    qc.setQueryData<GenerationsData>(GENERATIONS_KEY, {
      pages: [{ items: generations, next: null }],
      pageParams: [null],
    });

    await faults("PUT", {
      // Once the breaker opens only a probe now and then reaches the engine (about
      // ten faults in a run), so the seed makes the first six draws the six kinds.
      seed: 4,
      routes: {
        get: {
          probability: 1,
          kinds: [...KINDS],
          stallMs: 1200,
          retryAfterSeconds: 1,
        },
      },
    });
    const states = new Set<string>();
    let polls = 0;
    let interrupted = 0;
    let notice: string | null = null;
    /** what the browser must never see; collected, because waitFor retries whatever throws */
    const violations: string[] = [];
    let counters: FaultCounters | undefined;
    // Poll on until the breaker has opened and every listed kind has been injected.
    await vi.waitFor(
      async () => {
        polls++;
        try {
          await watchOnce(qc, ids, new AbortController().signal);
        } catch (error) {
          // The only failure the browser may see is "back off and ask again".
          if (error instanceof WatchInterrupted) interrupted++;
          else violations.push(`watchOnce threw ${String(error)}`);
        }
        const h = await health();
        states.add(h.orchestrator.state);
        if (h.orchestrator.state === "open") notice ??= healthNotice(h, Date.now());
        const cards = flattenGenerations(qc.getQueryData(GENERATIONS_KEY));
        for (const g of cards) if (g.status === "failed") violations.push(`${g.id} marked failed`);
        const lost = Object.keys(qc.getQueryData<Record<string, unknown>>(LOST_KEY) ?? {});
        if (lost.length > 0) violations.push(`lost: ${lost.join(", ")}`);
        counters = (await faults("GET")).counters;
        const missing = KINDS.filter((k) => !counters?.byKind[k]);
        if (!states.has("open") || polls < 10 || missing.length > 0) {
          throw new Error(
            `still waiting: breaker ${[...states].join("→")}, ${polls} polls, injected ${JSON.stringify(counters?.byKind)}, never ${missing.join(", ")}`,
          );
        }
      },
      { timeout: 40_000, interval: 50 },
    );
    counters = (await faults("DELETE")).counters;
    expect(violations).toEqual([]);
    expect(states).toContain("open");
    expect(notice).toMatch(/kept failing: requests paused/);
    for (const kind of KINDS) expect(counters.byKind[kind], kind).toBeGreaterThanOrEqual(1);

    // The engine is back: the same loop brings every generation home.
    let finished: Generation[] = [];
    await vi.waitFor(
      async () => {
        // As the hook does: follow only what is still unfinished.
        const unfinished = flattenGenerations(qc.getQueryData(GENERATIONS_KEY))
          .filter((g) => !g.final)
          .map((g) => g.id);
        try {
          await watchOnce(qc, unfinished, new AbortController().signal);
        } catch (error) {
          if (!(error instanceof WatchInterrupted))
            violations.push(`watchOnce threw ${String(error)}`);
        }
        finished = flattenGenerations(qc.getQueryData(GENERATIONS_KEY)).filter((g) => g.final);
        if (finished.length < ids.length)
          throw new Error(`${finished.length}/${ids.length} finished`);
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(violations).toEqual([]);
    expect(finished.map((g) => g.status)).toEqual(ids.map(() => "succeeded"));
    const after = await health();
    expect(after.orchestrator.state).toBe("closed");
    expect(healthNotice(after, Date.now())).toBeNull();
    console.log(
      `polling faults: ${counters.injected} injected (${Object.entries(counters.byKind)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ", ",
        )}), ${polls} polls, ${interrupted} backed off, breaker states ${[...states].join("→")}, ` +
        `failed = 0, lost = 0, ${finished.length}/${ids.length} succeeded after recovery`,
    );
    vi.unstubAllGlobals();
  }, 90_000);
});
