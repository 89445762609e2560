import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import {
  HTML,
  jpegWithGps,
  MARKER,
  pixelBombPng,
  png,
  SVG,
} from "@/lib/server/references/testing/images";
import { GET as getThumbnail } from "../thumbnails/[id]/route";
import { POST as refresh } from "../references/refresh/route";
import { POST as submit } from "../workflows/route";
import { POST } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

const URL_BASE = "http://127.0.0.1:3000/api/uploads";

function multipart(bytes: Buffer, name: string, type = "image/jpeg"): Request {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  return new Request(URL_BASE, { method: "POST", body: form });
}

function raw(bytes: Buffer, type: string, headers: Record<string, string> = {}): Request {
  return new Request(URL_BASE, {
    method: "POST",
    headers: { "content-type": type, ...headers },
    body: new Uint8Array(bytes),
  });
}

/** A streamed body: the request carries no Content-Length, so only the read cap can stop it. */
function streamWithoutLength(): Request {
  // Node's RequestInit type lacks `duplex`, which a stream body requires.
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { "content-type": "image/png" },
    body: new Blob([new Uint8Array(11 * 1024 * 1024)]).stream(),
    duplex: "half",
  };
  return new Request(URL_BASE, init);
}

interface Uploaded {
  id: string;
  url: string;
  displayUrl: string;
  urlExpiresAt: string;
  width: number;
  height: number;
  mime: string;
  size: number;
  name: string | null;
  thumbnailId: string;
}

describe("POST /api/uploads", () => {
  it("stores a cleaned copy: the bytes fetched back from url carry no EXIF or GPS", async () => {
    const res = await POST(multipart(await jpegWithGps(200, 100), "..\\trips\\gps photo.jpg"), {});
    expect(res.status).toBe(201);
    const body: Uploaded = await res.json();
    expect(body).toMatchObject({
      mime: "image/jpeg",
      // EXIF orientation 6 baked in: stored landscape, shown and kept portrait
      width: 100,
      height: 200,
      name: "gps photo.jpg",
      thumbnailId: expect.stringMatching(/^[a-f0-9]{64}$/),
    });
    // The absolute URL the orchestrator fetches: the engine's own signed URL.
    expect(body.url.startsWith(env.engine.url)).toBe(true);
    expect(Date.parse(body.urlExpiresAt)).toBeGreaterThan(Date.now());

    const stored = Buffer.from(await (await fetch(body.url)).arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 100, height: 200 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(stored.includes(MARKER)).toBe(false);
    expect(stored.length).toBe(body.size);
  });

  it("accepts a PNG renamed .jpg sent as raw image/jpeg bytes, and keeps it PNG", async () => {
    const res = await POST(raw(await png(30, 20), "image/jpeg", { "x-file-name": "cat.jpg" }), {});
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      mime: "image/png",
      width: 30,
      height: 20,
      name: "cat.jpg",
    });
  });

  it.each([
    [
      "HTML claiming image/png",
      () => raw(HTML, "image/png"),
      415,
      /This file is HTML, not an image/,
    ],
    ["SVG claiming image/png", () => multipart(SVG, "logo.png", "image/png"), 415, /SVG drawing/],
    ["a pixel bomb", () => raw(pixelBombPng(), "image/png"), 422, /400 megapixels/],
    [
      "an 11 MB file (Content-Length)",
      () => raw(Buffer.alloc(11 * 1024 * 1024), "image/png"),
      413,
      /larger than 10 MB/,
    ],
    [
      "an 11 MB multipart file",
      () => multipart(Buffer.alloc(11 * 1024 * 1024), "big.png"),
      413,
      /larger than 10 MB/,
    ],
    ["an 11 MB stream without Content-Length", streamWithoutLength, 413, /larger than 10 MB/],
    [
      "a text/plain body",
      () => raw(Buffer.from("hello"), "text/plain"),
      415,
      /multipart\/form-data/,
    ],
    [
      "a form without a file",
      () => {
        const form = new FormData();
        form.append("image", "not a file");
        return new Request(URL_BASE, { method: "POST", body: form });
      },
      400,
      /field named "file"/,
    ],
  ])(
    "refuses %s with problem+json and never calls the orchestrator",
    async (_, request, status, message) => {
      const before = await env.upstreamCount();
      const res = await POST(request(), {});
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const problem = await res.json();
      expect(problem.detail).toMatch(message);
      expect(await env.upstreamCount()).toBe(before);
    },
  );
});

describe("GET /api/thumbnails/:id", () => {
  it("serves the upload's thumbnail as an immutable WebP", async () => {
    const uploaded: Uploaded = await (await POST(raw(await png(400, 100), "image/png"), {})).json();
    const res = await getThumbnail(
      new Request("http://127.0.0.1/"),
      params({ id: uploaded.thumbnailId }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toContain("immutable");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 160, height: 40 });
  });

  it.each([["0".repeat(64)], ["../../studio.db"], ["ABC"]])("answers 404 for %s", async (id) => {
    const res = await getThumbnail(new Request("http://127.0.0.1/"), params({ id }));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("POST /api/references/refresh", () => {
  it("returns fresh absolute and display URLs per blob, and an error for a row that fails", async () => {
    const uploaded: Uploaded = await (await POST(raw(await png(), "image/png"), {})).json();
    const res = await refresh(
      new Request("http://127.0.0.1/api/references/refresh", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ blobIds: [uploaded.id, "blob_missing"] }),
      }),
      {},
    );
    expect(res.status).toBe(200);
    const { references } = await res.json();
    expect(references[0]).toMatchObject({
      blobId: uploaded.id,
      ok: true,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
      displayUrl: expect.any(String),
      urlExpiresAt: expect.any(String),
    });
    expect(references[1]).toMatchObject({ blobId: "blob_missing", ok: false, status: 404 });
  });
});

describe("submitting references", () => {
  const submitWith = (imageUrl: string) =>
    submit(
      jsonRequest(
        "/api/workflows",
        { prompt: "a quiet harbour", imageStyleReferences: [{ imageUrl, strength: -1 }] },
        {
          headers: {
            "idempotency-key": `refs-${Date.now()}-${Math.random().toString(36).slice(2)}`,
          },
        },
      ),
      {},
    );

  it("accepts an uploaded reference's absolute URL (the engine's own loopback blob URL)", async () => {
    const uploaded: Uploaded = await (await POST(raw(await png(), "image/png"), {})).json();
    const res = await submitWith(uploaded.url);
    expect(res.status).toBe(201);
    expect((await res.json()).input.imageStyleReferences[0].imageUrl).toBe(uploaded.url);
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://2130706433/a.png",
    "http://[::1]/a.png",
  ])("refuses %s before any Buzz is spent", async (imageUrl) => {
    const before = await env.upstreamCount();
    const res = await submitWith(imageUrl);
    expect(res.status).toBe(400);
    expect((await res.json()).errors["imageStyleReferences.0.imageUrl"][0]).toMatch(/private/);
    expect(await env.upstreamCount()).toBe(before);
  });
});
