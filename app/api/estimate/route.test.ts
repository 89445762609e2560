import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { ledger } from "@/lib/engine/testing/harness";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import { POST } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

describe("POST /api/estimate", () => {
  it("returns the local breakdown, the other tier and the orchestrator's figure, charging nothing", async () => {
    const before = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    const res = await POST(
      jsonRequest("/api/estimate", {
        prompt: "p",
        quantity: 3,
        imageStyleReferences: [{ imageUrl: "https://a.example/r.png", strength: -1 }],
      }),
      {},
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.local).toMatchObject({ perImage: 45.5, exactTotal: 136.5, total: 137 });
    expect(body.local.lines.map((l: { label: string }) => l.label)).toEqual([
      "Medium tier",
      "Style reference premium",
    ]);
    expect(body.otherTier).toMatchObject({ size: "large", perImage: 84.5, total: 254 });
    expect(body.orchestrator).toEqual({ total: 137, insufficientBuzz: false });
    expect(body.matches).toBe(true);
    const after = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    expect(after).toEqual(before);
  });

  it("refuses invalid input without asking the orchestrator", async () => {
    const before = await env.upstreamCount();
    const res = await POST(jsonRequest("/api/estimate", { prompt: "p", size: "xl" }), {});
    expect(res.status).toBe(400);
    expect((await res.json()).errors.size[0]).toMatch(/size must be one of/);
    expect(await env.upstreamCount()).toBe(before);
  });
});
