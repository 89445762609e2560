// Contract test: a consumer blob lives 30 days after its upload or its last
// refresh (spec: refresh "resets the 30-day TTL"). Once past that, GET, HEAD
// and refresh answer 404 and its signed URLs stop working. Only Date is faked
// (timers stay real), so the engine's clock jumps a month without waiting.
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { optionsFromEnv, resolveOptions } from "./config";
import { startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec } from "./testing/spec-validator";
import type { ImageBlob, Workflow } from "./types";

const DAY = 24 * 3600 * 1000;

let t: TestEngine;
let png: Buffer;
beforeAll(async () => {
  t = await startTestEngine();
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#aa3355" } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.destroy();
});
afterEach(() => {
  vi.useRealTimers();
});

async function upload(engine: TestEngine): Promise<ImageBlob> {
  const res = await engine.raw("/v2/consumer/blobs", {
    method: "POST",
    headers: { "content-type": "image/png" },
    body: new Uint8Array(png),
  });
  expect(res.status).toBe(201);
  return parseSpec<ImageBlob>("ImageBlob", await res.json());
}

const statusOf = async (engine: TestEngine, path: string, init: RequestInit = {}) =>
  (await engine.raw(path, { redirect: "manual", ...init })).status;

describe("blob lifetime", () => {
  it("reads LOCAL_ENGINE_BLOB_TTL_SECONDS, 30 days by default", () => {
    expect(resolveOptions(optionsFromEnv({})).blobTtlSeconds).toBe(30 * 24 * 3600);
    expect(
      resolveOptions(optionsFromEnv({ LOCAL_ENGINE_BLOB_TTL_SECONDS: "5" })).blobTtlSeconds,
    ).toBe(5);
    expect(() => optionsFromEnv({ LOCAL_ENGINE_BLOB_TTL_SECONDS: "soon" })).toThrow(
      /LOCAL_ENGINE_BLOB_TTL_SECONDS/,
    );
  });

  it("keeps an upload 30 days, a refresh starts them again, then it is gone (404)", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const blob = await upload(t);
    const path = `/v2/consumer/blobs/${blob.id}`;

    vi.setSystemTime(start + 30 * DAY - 60_000);
    expect(await statusOf(t, path, { method: "HEAD" })).toBe(204);
    const refreshed = await t.raw(`${path}/refresh`, { method: "POST" });
    expect(refreshed.status).toBe(200);
    const fresh = parseSpec<ImageBlob>("Blob", await refreshed.json());

    // Past the first 30 days, alive thanks to the refresh.
    vi.setSystemTime(start + 30 * DAY + 60_000);
    expect(await statusOf(t, path)).toBe(308);

    // 30 days after the refresh: gone everywhere.
    vi.setSystemTime(start + 60 * DAY);
    expect(await statusOf(t, path)).toBe(404);
    expect(await statusOf(t, path, { method: "HEAD" })).toBe(404);
    expect(await statusOf(t, `${path}/refresh`, { method: "POST" })).toBe(404);
    // A URL still inside its own signature lifetime dies with the blob.
    vi.setSystemTime(start + 30 * DAY);
    expect((await fetch(fresh.url!)).status).toBe(200);
    vi.setSystemTime(start + 60 * DAY);
    const dead = await fetch(fresh.url!);
    expect(dead.status).toBe(404);
    expect(dead.headers.get("content-type")).toBe("application/problem+json");
  });

  it("follows LOCAL_ENGINE_BLOB_TTL_SECONDS, for job outputs as for uploads", async () => {
    const short = await startTestEngine({ blobTtlSeconds: 60, urlTtlSeconds: 3600 });
    try {
      const start = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: start });
      const blob = await upload(short);
      const res = await short.raw("/v2/consumer/workflows?wait=20", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(kreaBody({})),
      });
      const workflow = parseSpec<Workflow>("Workflow", await res.json());
      const image = workflow.steps[0]!.output!.images[0]!;
      expect(image.available).toBe(true);

      vi.setSystemTime(Date.now() + 61_000);
      expect(await statusOf(short, `/v2/consumer/blobs/${blob.id}`)).toBe(404);
      expect(await statusOf(short, `/v2/consumer/blobs/${image.id}`)).toBe(404);
      expect((await fetch(image.url!)).status).toBe(404);
      // The workflow still lists the image, but it is no longer available.
      const again = await short.raw(`/v2/consumer/workflows/${workflow.id}`);
      const gone = parseSpec<Workflow>("Workflow", await again.json()).steps[0]!.output!.images[0]!;
      expect(gone).toMatchObject({ id: image.id, available: false, url: null });
    } finally {
      vi.useRealTimers();
      await short.destroy();
    }
  });
});
