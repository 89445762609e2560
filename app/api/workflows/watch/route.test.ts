import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import type { Generation } from "@/lib/contract/generations/types";
import type { WatchResult } from "@/lib/server/orchestrator/watch";
import { POST } from "../route";
import { GET } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

/** Long-polls the engine is holding open right now. */
const longPolls = async (): Promise<number> =>
  (await (await env.engine.raw("/_engine/stats", { token: LOCAL_ENGINE_TOKEN })).json())
    .longPollsWaiting;

let n = 0;
const submit = async (prompt: string): Promise<Generation> =>
  (
    await POST(
      jsonRequest("/api/workflows", { prompt }, { headers: { "idempotency-key": `watch-${n++}` } }),
      {},
    )
  ).json();
const watch = async (ids: string[], wait = 10, signal?: AbortSignal): Promise<WatchResult> =>
  (
    await GET(
      new Request(`http://127.0.0.1/api/workflows/watch?ids=${ids.join(",")}&wait=${wait}`, {
        signal,
      }),
      {},
    )
  ).json();

describe("GET /api/workflows/watch", () => {
  it("returns as soon as one of several generations finishes", async () => {
    const slow = await submit("test:slow a slow one");
    const fast = await submit("a fast one");
    const started = Date.now();
    const result = await watch([slow.id, fast.id]);
    expect(Date.now() - started).toBeLessThan(5_000);
    const byId = new Map(result.items.map((g) => [g.id, g]));
    expect(byId.get(fast.id)?.status).toBe("succeeded");
    expect(byId.get(slow.id)?.final ?? false).toBe(false);
    expect(result.errors).toEqual({});
  });

  it("joins the upstream long-poll already running instead of starting another", async () => {
    const slow = await submit("test:slow joined");
    const first = new AbortController();
    const running = await longPolls();
    const pending = watch([slow.id], 2, first.signal).catch(() => null);
    // Its long-poll has reached the engine.
    await expect.poll(longPolls).toBeGreaterThan(running);
    const before = await env.upstreamCount();
    await watch([slow.id], 1);
    expect(await env.upstreamCount()).toBe(before);
    first.abort();
    await pending;
  });

  it("follows a workflow submitted with the tab's session inside the running long-poll", async () => {
    const slow = await submit("test:slow session watch");
    const session = "tab-session-0001";
    const started = Date.now();
    const running = await longPolls();
    const pending = GET(
      new Request(
        `http://127.0.0.1/api/workflows/watch?ids=${slow.id}&wait=20&session=${session}&seq=7`,
      ),
      {},
    ).then((r) => r.json() as Promise<WatchResult>);
    // The session's long-poll is running (it reached the engine).
    await expect.poll(longPolls).toBeGreaterThan(running);
    const res = await POST(
      jsonRequest(
        "/api/workflows?wait=0",
        { prompt: "joins the session" },
        { headers: { "idempotency-key": `watch-${n++}`, "x-watch-session": session } },
      ),
      {},
    );
    expect(res.headers.get("x-watch-joined")).toBe("7");
    const joined: Generation = await res.json();
    const result = await pending;
    // It answered because the joined one finished, long before the slow one could.
    expect(Date.now() - started).toBeLessThan(10_000);
    const byId = new Map(result.items.map((g) => [g.id, g]));
    expect(byId.get(joined.id)?.final).toBe(true);
    expect(byId.get(slow.id)?.final ?? false).toBe(false);
  });

  it("joins nothing for a session with no long-poll running, or a malformed one", async () => {
    for (const session of ["tab-session-none", "bad session!"]) {
      const res = await POST(
        jsonRequest(
          "/api/workflows?wait=0",
          { prompt: "no session" },
          { headers: { "idempotency-key": `watch-${n++}`, "x-watch-session": session } },
        ),
        {},
      );
      expect(res.status).toBe(201);
      expect(res.headers.get("x-watch-joined")).toBeNull();
    }
  });

  it("reports an unknown id as an error that retrying will not fix", async () => {
    const result = await watch(["wf_missing"], 5);
    expect(result.errors.wf_missing).toMatchObject({ kind: "not_found", retryable: false });
  });

  it("refuses an empty or oversized id list", async () => {
    expect((await GET(new Request("http://127.0.0.1/api/workflows/watch?ids="), {})).status).toBe(
      400,
    );
    const many = Array.from({ length: 51 }, (_, i) => `wf_${i}`).join(",");
    expect(
      (await GET(new Request(`http://127.0.0.1/api/workflows/watch?ids=${many}`), {})).status,
    ).toBe(400);
  });
});
