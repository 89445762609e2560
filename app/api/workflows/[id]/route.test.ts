import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import type { Generation } from "@/lib/contract/generations/types";
import { POST } from "../route";
import { DELETE, GET } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

const submit = async (body: unknown): Promise<Generation> =>
  (
    await POST(
      jsonRequest("/api/workflows", body, {
        headers: { "idempotency-key": `k-${Math.random().toString(36).slice(2)}` },
      }),
      {},
    )
  ).json();

describe("/api/workflows/:id", () => {
  it("cancels an unfinished generation and refunds it", async () => {
    const created = await submit({ prompt: "test:slow a long one" });
    const res = await DELETE(
      new Request(`http://127.0.0.1/api/workflows/${created.id}`, { method: "DELETE" }),
      params({ id: created.id }),
    );
    expect(res.status).toBe(200);
    const canceled: Generation = await res.json();
    expect(canceled.status).toBe("canceled");
    expect(canceled.final).toBe(true);
    expect(canceled.chargedBuzz).toBe(0);
    expect(canceled.failureReason).toMatch(/Canceled/);
  });

  it("says why a blocked generation failed and not to retry it", async () => {
    const created = await submit({ prompt: "test:blocked" });
    const done: Generation = await (
      await GET(new Request(`http://127.0.0.1/x?wait=10`), params({ id: created.id }))
    ).json();
    expect(done.status).toBe("failed");
    expect(done.blocked).toBe(true);
    expect(done.images.every((i) => !i.available && i.blockedReason)).toBe(true);
    expect(done.failureReason).toMatch(/Don't retry the same input/);
  });

  it("refuses a wait that is not a number", async () => {
    const res = await GET(new Request("http://127.0.0.1/x?wait=soon"), params({ id: "wf_1" }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors.wait).toBeDefined();
  });
});
