import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import { allowTestServer, fakeResolver } from "@/lib/server/net/testing/fake-dns";
import { startTestServer, type TestServer } from "@/lib/server/net/testing/test-server";
import { pixelBombPng, png } from "@/lib/server/references/testing/images";
import { readThumbnail } from "@/lib/server/references/thumbnails";
import sharp from "sharp";
import { checkReferenceUrl, type CheckReferenceOptions } from "./check-url";

let server: TestServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-check-url-"));
  process.env.STUDIO_DATA_DIR = dir;
  server = await startTestServer(await png(640, 320));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const options: CheckReferenceOptions = {
  guard: {
    resolve: fakeResolver({ "images.example": ["127.0.0.1"], "lan.example": ["192.168.1.20"] }),
    isAllowedAddress: allowTestServer,
  },
};

describe("checkReferenceUrl", () => {
  it("reports an image with its size and a studio-served thumbnail", async () => {
    const url = `${server.origin()}/chain/1`;
    const result = await checkReferenceUrl(url, options);
    expect(result).toMatchObject({
      ok: true,
      url,
      finalUrl: `${server.origin()}/image.png`,
      contentType: "image/png",
      width: 640,
      height: 320,
    });
    if (!result.ok || !result.thumbnailId) throw new Error("expected a thumbnail");
    const thumbnail = await readThumbnail(result.thumbnailId);
    expect(thumbnail).not.toBeNull();
    const meta = await sharp(thumbnail ?? Buffer.alloc(0)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 160, height: 80 });
  });

  it("judges by bytes: a PNG served as text/plain is an image", async () => {
    const result = await checkReferenceUrl(`${server.origin()}/disguised`, options);
    expect(result).toMatchObject({
      ok: true,
      contentType: "image/png",
      declaredContentType: "text/plain",
    });
  });

  it.each([
    ["HTML claiming image/png", "/page.html", /^This address answers with HTML, not an image\./],
    [
      "a 404",
      "/missing",
      /^The address answered 404 Not Found \(there is nothing at this address\)/,
    ],
    ["a timeout", "/slow", /did not answer within/],
  ])("warns (200, ok: false) on %s", async (_, pathname, warning) => {
    const result = await checkReferenceUrl(`${server.origin()}${pathname}`, {
      ...options,
      guard: { ...options.guard, timeoutMs: 300 },
    });
    expect(result).toMatchObject({ ok: false, warning: expect.stringMatching(warning) });
  });

  it("refuses a private address with a field error on url", async () => {
    const error = await checkReferenceUrl("http://lan.example/a.png", options).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400 });
    if (!(error instanceof AppError)) return;
    expect(error.fieldErrors?.url?.[0]).toMatch(/^This address is private \(private network/);
  });

  it("warns about a pixel bomb without decoding it", async () => {
    const bombServer = await startTestServer(pixelBombPng());
    try {
      const result = await checkReferenceUrl(`${bombServer.origin()}/image.png`, options);
      expect(result).toMatchObject({ ok: false, warning: expect.stringMatching(/400 megapixels/) });
    } finally {
      await bombServer.close();
    }
  });
});
