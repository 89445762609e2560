import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import type { Generation } from "@/lib/contract/generations/types";
import { POST as submit } from "@/app/api/workflows/route";
import { GET as getOne } from "@/app/api/workflows/[id]/route";
import { POST } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

describe("POST /api/blobs/:id/refresh", () => {
  it("returns a fresh URL that serves the image", async () => {
    const created: Generation = await (
      await submit(
        jsonRequest(
          "/api/workflows",
          { prompt: "refresh me" },
          { headers: { "idempotency-key": "refresh-1" } },
        ),
        {},
      )
    ).json();
    const done: Generation = await (
      await getOne(new Request("http://127.0.0.1/x?wait=10"), params({ id: created.id }))
    ).json();
    const blobId = done.images[0]?.id ?? "";
    const res = await POST(
      new Request(`http://127.0.0.1/api/blobs/${blobId}/refresh`, { method: "POST" }),
      params({ id: blobId }),
    );
    expect(res.status).toBe(200);
    const fresh = await res.json();
    expect(fresh.id).toBe(blobId);
    const image = await fetch(fresh.url);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
  });

  it("answers 404 for an unknown image", async () => {
    const res = await POST(
      new Request("http://127.0.0.1/x", { method: "POST" }),
      params({ id: "blob_unknown" }),
    );
    expect(res.status).toBe(404);
  });
});
