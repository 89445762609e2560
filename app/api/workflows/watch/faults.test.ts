// Polling under fire: the browser's own watch code (watchOnce) long-polls the
// watch route while the engine answers every status read with 5xx, 429,
// stalls or dropped connections. No generation may be marked failed or lost,
// the circuit breaker must open (and /api/health, which the header shows, say
// so), and once the engine recovers every generation must arrive as succeeded
// and the header notice clear.
import { QueryClient } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { flattenGenerations, GENERATIONS_KEY, type GenerationsData } from "@/lib/generations/cache";
import type { Generation } from "@/lib/generations/types";
import { LOST_KEY, WatchInterrupted, watchOnce } from "@/lib/hooks/use-generation-watch";
import { healthNotice, type HealthAnswer } from "@/lib/hooks/use-orchestrator-health";
import type { FaultCounters, FaultPlanInput } from "@/lib/local-engine/faults";
import { LOCAL_ENGINE_TOKEN } from "@/lib/orchestrator/target";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/testing/studio-api";

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

async function faults(method: "PUT" | "DELETE", plan?: FaultPlanInput) {
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
      seed: 6,
      routes: {
        get: {
          probability: 1,
          kinds: ["status:500", "status:502", "status:503", "rate-limit", "stall", "drop-before"],
          stallMs: 1200,
          retryAfterSeconds: 1,
        },
      },
    });
    const states = new Set<string>();
    let polls = 0;
    let interrupted = 0;
    let notice: string | null = null;
    const until = Date.now() + 8_000;
    while (Date.now() < until) {
      polls++;
      try {
        await watchOnce(qc, ids, new AbortController().signal);
      } catch (error) {
        // The only failure the browser may see is "back off and ask again".
        expect(error).toBeInstanceOf(WatchInterrupted);
        interrupted++;
      }
      const h = await health();
      states.add(h.orchestrator.state);
      if (h.orchestrator.state === "open") notice ??= healthNotice(h, Date.now());
      const cards = flattenGenerations(qc.getQueryData(GENERATIONS_KEY));
      expect(cards.filter((g) => g.status === "failed")).toEqual([]);
      expect(qc.getQueryData(LOST_KEY) ?? {}).toEqual({});
      if (states.has("open") && polls >= 10) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const { counters } = await faults("DELETE");
    expect(states).toContain("open");
    expect(notice).toMatch(/kept failing: requests paused/);
    expect(counters.injected).toBeGreaterThanOrEqual(3);

    // The engine is back: the same loop brings every generation home.
    const deadline = Date.now() + 30_000;
    let finished: Generation[] = [];
    while (Date.now() < deadline) {
      // As the hook does: follow only what is still unfinished.
      const unfinished = flattenGenerations(qc.getQueryData(GENERATIONS_KEY))
        .filter((g) => !g.final)
        .map((g) => g.id);
      try {
        await watchOnce(qc, unfinished, new AbortController().signal);
      } catch (error) {
        expect(error).toBeInstanceOf(WatchInterrupted);
      }
      finished = flattenGenerations(qc.getQueryData(GENERATIONS_KEY)).filter((g) => g.final);
      if (finished.length === ids.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
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
  }, 60_000);
});
