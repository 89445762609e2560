import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import type { Generation } from "@/lib/contract/generations/types";
import { POST as submit } from "@/app/api/workflows/route";
import { GET as getOne } from "@/app/api/workflows/[id]/route";
import { GET } from "./route";

// An image whose blob has expired on the orchestrator (unused for 30 days; 2 s
// here) cannot be downloaded: the answer says so instead of failing vaguely.

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv({ blobTtlSeconds: 2 });
});
afterAll(() => env.close());

describe("GET /api/workflows/:id/download, image gone", () => {
  it("answers 404 problem+json saying the image is no longer on the orchestrator", async () => {
    const created: Generation = await (
      await submit(
        jsonRequest(
          "/api/workflows",
          { prompt: "short-lived" },
          { headers: { "idempotency-key": "gone-1" } },
        ),
        {},
      )
    ).json();
    const done: Generation = await (
      await getOne(new Request("http://127.0.0.1/x?wait=20"), params({ id: created.id }))
    ).json();
    const url = done.images[0]!.url!;
    await vi.waitFor(async () => expect((await fetch(url)).status).toBe(404), {
      timeout: 10_000,
      interval: 250,
    });
    const res = await GET(
      new Request(`http://127.0.0.1:3000/api/workflows/${done.id}/download?image=0`),
      params({ id: done.id }),
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toMatch(/no longer on the orchestrator/);
  });
});
