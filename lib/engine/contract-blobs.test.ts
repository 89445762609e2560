// Contract test: blobs — uploads judged by their bytes, GetBlob's 308 to a
// signed URL, signed URLs that expire and are refused afterwards, refresh,
// previews, caching headers and per-user scoping.
import { getBlob, refreshBlob, submitWorkflow } from "@civitai/client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleep, startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec, specErrors } from "./testing/spec-validator";
import type { ImageBlob, Workflow } from "./types";

let t: TestEngine;
let png: Buffer;
beforeAll(async () => {
  t = await startTestEngine();
  png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.destroy();
});

// Blob responses carry `type: "image"`, so the spec's Blob discriminator resolves them to ImageBlob.
const asBlob = (data: unknown) => parseSpec<ImageBlob>("ImageBlob", data);

async function uploadRaw(body: BodyInit, type: string, token?: string | null) {
  return t.raw("/v2/consumer/blobs", {
    method: "POST",
    headers: { "content-type": type },
    body,
    token,
  });
}

describe("uploads", () => {
  it("accepts a PNG through the SDK and serves the same bytes back", async () => {
    // The SDK types the upload body as `never`; its client still sends raw bytes as given.
    const { data, response } = await t.client.post({
      url: "/v2/consumer/blobs",
      body: new Blob([new Uint8Array(png)], { type: "image/png" }),
      bodySerializer: null,
      headers: { "Content-Type": "image/png" },
    });
    expect(response.status).toBe(201);
    const blob = asBlob(data);
    expect(blob).toMatchObject({
      type: "image",
      available: true,
      width: 300,
      height: 200,
      jobId: null,
    });
    expect(blob.id).toMatch(/\.png$/);
    const served = await fetch(blob.url!);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("accepts multipart/form-data with a file field", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "ref.png");
    const res = await t.raw("/v2/consumer/blobs", { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(asBlob(await res.json())).toMatchObject({ width: 300, height: 200 });
    const wrongField = new FormData();
    wrongField.append("image", new Blob([new Uint8Array(png)]), "ref.png");
    expect((await t.raw("/v2/consumer/blobs", { method: "POST", body: wrongField })).status).toBe(
      400,
    );
  });

  it("accepts raw bytes and judges the type by magic bytes, not the header", async () => {
    const jpeg = await sharp(png).jpeg().toBuffer();
    const res = await uploadRaw(new Uint8Array(jpeg), "image/png");
    expect(res.status).toBe(201);
    expect(asBlob(await res.json()).id).toMatch(/\.jpeg$/);
  });

  it("refuses a text file (415), an oversized file (413), a huge image (422) and no token (401)", async () => {
    const text = await uploadRaw("just some words", "image/png");
    expect(text.status).toBe(415);
    expect(text.headers.get("content-type")).toBe("application/problem+json");
    expect(specErrors("ProblemDetails", await text.json())).toEqual([]);

    const oversized = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const big = await uploadRaw(new Uint8Array(oversized), "image/png");
    expect(big.status).toBe(413);
    expect((await big.json()).detail).toContain("10 MB");
    // Streamed without a Content-Length: refused while reading.
    const stream = new Blob([new Uint8Array(oversized)]).stream();
    const streamed = await t.raw("/v2/consumer/blobs", {
      method: "POST",
      headers: { "content-type": "image/png" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const huge = await sharp({
      create: { width: 8000, height: 5001, channels: 3, background: "#000" },
    })
      .png()
      .toBuffer();
    const tooMany = await uploadRaw(new Uint8Array(huge), "image/png");
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).detail).toContain("megapixels");

    const truncated = await uploadRaw(
      new Uint8Array(png.subarray(0, Math.floor(png.length * 0.6))),
      "image/png",
    );
    expect(truncated.status).toBe(422);
    expect((await truncated.json()).detail).toContain("could not be decoded");

    expect((await uploadRaw(new Uint8Array(png), "image/png", null)).status).toBe(401);
  });
});

describe("signed URLs", () => {
  let image: ImageBlob;
  beforeAll(async () => {
    const { data } = await submitWorkflow({
      client: t.client,
      body: kreaBody({ aspectRatio: "9:16" }),
      query: { wait: 20 },
    });
    image = parseSpec<Workflow>("Workflow", data).steps[0]!.output!.images[0]!;
  });

  it("GetBlob answers 308 to a signed content URL, as an attachment when asked", async () => {
    const redirect = await t.raw(
      `/v2/consumer/blobs/${image.id}?download=true&filename=../poster.jpeg`,
      { redirect: "manual" },
    );
    expect(redirect.status).toBe(308);
    const location = redirect.headers.get("location")!;
    expect(location).toContain("/v2/consumer/blobs/content/");
    const served = await fetch(location);
    expect(served.headers.get("content-disposition")).toMatch(
      /^attachment; filename="poster.jpeg"/,
    );

    const viaSdk = await getBlob({ client: t.client, path: { blobId: image.id } });
    expect(viaSdk.response.status).toBe(200);
    expect(viaSdk.response.redirected).toBe(true);
    expect(viaSdk.response.headers.get("content-type")).toBe("image/jpeg");
  });

  it("serves content with caching headers and a preview rendition", async () => {
    const first = await fetch(image.url!);
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    const cached = await fetch(image.url!, { headers: { "if-none-match": etag } });
    expect(cached.status).toBe(304);
    const preview = await fetch(image.previewUrl!);
    expect(preview.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await preview.arrayBuffer())).metadata();
    // 9:16 is 768×1376: the longest side becomes 640.
    expect([meta.width, meta.height]).toEqual([Math.round((768 * 640) / 1376), 640]);
  });

  it("refuses a tampered token with 404", async () => {
    const url = new URL(image.url!);
    const token = url.pathname.split("/").pop()!;
    const flipped = token.slice(0, 5) + (token[5] === "A" ? "B" : "A") + token.slice(6);
    const res = await fetch(image.url!.replace(token, flipped));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("scopes blobs to their user", async () => {
    const other = t.clientFor("somebody-else");
    expect((await refreshBlob({ client: other, path: { blobId: image.id } })).response.status).toBe(
      404,
    );
    expect(
      (
        await t.raw(`/v2/consumer/blobs/${image.id}`, {
          token: "somebody-else",
          redirect: "manual",
        })
      ).status,
    ).toBe(404);
    expect(
      (await refreshBlob({ client: t.client, path: { blobId: "NOPE0000NOPE0000.jpeg" } })).response
        .status,
    ).toBe(404);
  });
});

describe("expiry", () => {
  it("refuses an expired URL with 401 and refreshBlob hands out a working one", async () => {
    const short = await startTestEngine({ urlTtlSeconds: 1 });
    try {
      const { data } = await submitWorkflow({
        client: short.client,
        body: kreaBody({}),
        query: { wait: 20 },
      });
      const image = parseSpec<Workflow>("Workflow", data).steps[0]!.output!.images[0]!;
      expect((await fetch(image.url!)).status).toBe(200);
      await sleep(Math.max(0, Date.parse(image.urlExpiresAt!) - Date.now()) + 50);
      const expired = await fetch(image.url!);
      expect(expired.status).toBe(401);
      expect(expired.headers.get("content-type")).toBe("application/problem+json");
      expect((await expired.json()).detail).toContain("expired");

      const refreshed = await refreshBlob({ client: short.client, path: { blobId: image.id } });
      expect(refreshed.response.status).toBe(200);
      // The spec's Blob as written: no previewUrl, so clients fall back to the fresh url.
      const blob = parseSpec<ImageBlob>("Blob", refreshed.data);
      expect(blob).not.toHaveProperty("previewUrl");
      expect(blob).not.toHaveProperty("previewUrlExpiresAt");
      expect(blob.url).not.toBe(image.url);
      expect(Date.parse(blob.urlExpiresAt!)).toBeGreaterThan(Date.now());
      expect((await fetch(blob.url!)).status).toBe(200);
    } finally {
      await short.destroy();
    }
  });
});
