// Watch fan-out across instances (REDIS_URL): a tab's long-poll is held by
// instance A while its next submit lands on instance B behind the load balancer.
// B tells A over Redis pub/sub, A's long-poll follows the new workflow and
// returns when it finishes, and B's answer names the long-poll it joined.
// Two instances here are the route modules loaded twice (vi.resetModules).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WatchResult } from "@/lib/contract/generations/types";
import { closeSharedStore } from "@/lib/server/shared/redis";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";

vi.hoisted(() => {
  process.env.STUDIO_RATE_LIMIT = "off";
});

const REDIS_URL = process.env.REDIS_URL;

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv({ speed: "fast" });
});
afterAll(async () => {
  await closeSharedStore();
  await env.close();
});

const SESSION = `tab-fanout-${Date.now().toString(36)}`;

describe.skipIf(!REDIS_URL)("watch fan-out between two instances (REDIS_URL)", () => {
  it("a submit on B joins the long-poll the tab holds on A", async () => {
    const { GET: watchOnA } = await import("./route");
    const { POST: submitOnA } = await import("../route");
    vi.resetModules();
    const { POST: submitOnB } = await import("../route");

    // Something unfinished for A's long-poll to follow: slow, so it is still running.
    const slow = await submitOnA(
      jsonRequest(
        "/api/workflows",
        { prompt: "test:slow a lighthouse" },
        {
          headers: { "idempotency-key": `fanout-slow-${Date.now()}` },
        },
      ),
      {},
    );
    const running = (await slow.json()).id as string;
    const held = watchOnA(
      new Request(
        `http://127.0.0.1:3000/api/workflows/watch?ids=${running}&wait=30&session=${SESSION}&seq=4`,
      ),
      {},
    );
    const joined = await vi.waitFor(
      async () => {
        const res = await submitOnB(
          jsonRequest(
            "/api/workflows",
            { prompt: "a fox, joined across instances" },
            {
              headers: { "idempotency-key": `fanout-${Date.now()}`, "x-watch-session": SESSION },
            },
          ),
          {},
        );
        expect(res.status).toBe(201);
        // Until A has announced its long-poll, B answers without the header: ask again.
        expect(res.headers.get("x-watch-joined")).toBe("4");
        return (await res.json()).id as string;
      },
      { timeout: 5_000 },
    );
    const answer: WatchResult = await (await held).json();
    // A's long-poll returned because the workflow B took finished, long before its 30 s.
    const item = answer.items.find((g) => g.id === joined);
    expect(item).toMatchObject({ status: "succeeded", final: true });
  });
});
