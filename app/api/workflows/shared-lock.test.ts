// POST /api/workflows with REDIS_URL (several instances): the Idempotency-Key's
// lock lives in Redis. When Redis cannot be reached the submit is refused with a
// clear problem+json before anything reaches the orchestrator: a second instance
// could otherwise send the same key at the same moment.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeSharedStore } from "@/lib/server/shared/redis";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";

vi.hoisted(() => {
  process.env.STUDIO_RATE_LIMIT = "off";
});

const { POST } = await import("./route");
const REDIS_URL = process.env.REDIS_URL;

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(async () => {
  await closeSharedStore();
  if (REDIS_URL) process.env.REDIS_URL = REDIS_URL;
  else delete process.env.REDIS_URL;
  await env.close();
});

vi.spyOn(console, "error").mockImplementation(() => undefined);

const submit = (key: string, post: typeof POST = POST) =>
  post(
    jsonRequest(
      "/api/workflows",
      { prompt: "a lighthouse at dusk" },
      {
        headers: { "idempotency-key": key },
      },
    ),
    {},
  );

describe("POST /api/workflows across instances", () => {
  it("refuses, sending nothing, when the lock store is unreachable; works again without it", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const before = await env.upstreamCount();
    const res = await submit("k-unreachable-1");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("2");
    const body = await res.json();
    expect(body).toMatchObject({ status: 503, reason: "idempotency-lock-unavailable" });
    expect(body.detail).toMatch(/Nothing was sent and nothing was charged/);
    expect(await env.upstreamCount()).toBe(before);

    delete process.env.REDIS_URL;
    expect((await submit("k-unreachable-1")).status).toBe(201);
  });

  it.skipIf(!REDIS_URL)(
    "answers a key another instance sent as a replay, without sending it (REDIS_URL)",
    async () => {
      process.env.REDIS_URL = REDIS_URL;
      const key = `k-shared-${Date.now()}`;
      const first = await submit(key);
      expect(first.status).toBe(201);
      const made = await first.json();
      const before = await env.upstreamCount();
      // A second instance: the route's modules loaded afresh, with no memory of the
      // key; only Redis knows it was sent.
      vi.resetModules();
      const { POST: otherInstance } = await import("./route");
      const again = await submit(key, otherInstance);
      expect(again.status).toBe(200);
      expect((await again.json()).id).toBe(made.id);
      // One read of the workflow, no submit: the engine made two workflows in this file.
      expect(await env.upstreamCount()).toBe(before + 1);
      const ledger = await env.engine.raw("/_engine/ledger", { token: "local-studio" });
      expect((await ledger.json()).workflows).toBe(2);
    },
  );
});
