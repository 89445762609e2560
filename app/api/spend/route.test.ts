import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generation } from "@/lib/contract/generations/types";
import type { SpendSummary } from "@/lib/contract/generations/spend";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { POST as submit } from "../workflows/route";
import { GET } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

const create = async (body: unknown): Promise<Generation> =>
  (
    await submit(
      jsonRequest("/api/workflows?wait=10", body, {
        headers: { "idempotency-key": `spend-${Math.random().toString(36).slice(2)}` },
      }),
      {},
    )
  ).json();

const summary = async (query = ""): Promise<SpendSummary> =>
  (await GET(new Request(`http://127.0.0.1/api/spend${query}`), {})).json();

describe("GET /api/spend", () => {
  it("sums what was charged today, this week and all time, by tier", async () => {
    await create({ prompt: "medium", quantity: 2 });
    await create({ prompt: "large", size: "large" });
    await create({
      prompt: "large with refs",
      size: "large",
      imageStyleReferences: [{ imageUrl: "https://images.example/r.png" }],
    });
    await create({ prompt: "test:fail refunded", quantity: 2 });
    const s = await summary();
    // 78 (2 × 39) + 39 (one of two delivered), 78 + 85 (84.5 rounded up)
    expect(s.all).toEqual({ medium: 117, large: 163, total: 280, count: 4 });
    expect(s.today).toEqual(s.all);
    expect(s.week).toEqual(s.all);
    expect(s.complete).toBe(true);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const later = await summary(`?today=${tomorrow}&week=${tomorrow}`);
    expect(later.today.total).toBe(0);
    expect(later.all.total).toBe(280);
  });
});
