import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageRejectedError, inspectImage } from "./inspect-image";
import {
  hasGpsPointer,
  HTML,
  jpegWithGps,
  MARKER,
  noisyJpeg,
  pixelBombPng,
  png,
  SVG,
  webpWithExif,
} from "./testing/images";

const limits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };

async function rejection(promise: Promise<unknown>): Promise<ImageRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  if (!(error instanceof ImageRejectedError)) throw new Error("not rejected");
  return error;
}

describe("inspectImage", () => {
  it("accepts a PNG whatever it is called: only the bytes count", async () => {
    // A PNG "renamed .jpg" is the same bytes: there is no name to go by.
    const image = await inspectImage(await png(64, 48), limits);
    expect(image).toMatchObject({ format: "png", mime: "image/png", width: 64, height: 48 });
    expect((await sharp(image.bytes).metadata()).format).toBe("png");
  });

  it.each([
    ["HTML", HTML, /This file is HTML, not an image/],
    ["SVG", SVG, /This file is an SVG drawing/],
    ["GIF", Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), /This file is a GIF/],
  ])("refuses %s with 415 and says what it is", async (_, bytes, message) => {
    const error = await rejection(inspectImage(bytes, limits));
    expect(error.status).toBe(415);
    expect(error.reason).toBe("not_image");
    expect(error.detail).toMatch(message);
    expect(error.fieldErrors?.file?.[0]).toMatch(message);
  });

  it("refuses a file over the byte limit with 413", async () => {
    const big = await noisyJpeg(400);
    const error = await rejection(inspectImage(big, { ...limits, maxBytes: big.length - 1 }));
    expect(error.status).toBe(413);
    expect(error.detail).toMatch(/at most/);
  });

  it("refuses a pixel bomb from its header, before decoding, with 422", async () => {
    const bomb = pixelBombPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(200);
    // The file holds no pixel data at all: only the header path can name its size.
    const error = await rejection(inspectImage(bomb, limits));
    expect(error.status).toBe(422);
    expect(error.detail).toMatch(/20000×20000 pixels \(400 megapixels\); at most 40 megapixels/);
  });

  it("refuses a truncated image with 422", async () => {
    const whole = await noisyJpeg(300);
    const error = await rejection(inspectImage(whole.subarray(0, whole.length / 2), limits));
    expect(error.status).toBe(422);
    expect(error.detail).toMatch(/JPEG but could not be read/);
  });

  it("refuses an empty file", async () => {
    expect((await rejection(inspectImage(Buffer.alloc(0), limits))).status).toBe(400);
  });

  it("strips EXIF with GPS and the ICC profile, and bakes the rotation into the pixels", async () => {
    const input = await jpegWithGps(200, 100);
    const before = await sharp(input).metadata();
    // The test file really carries what must disappear.
    expect(before.orientation).toBe(6);
    expect(hasGpsPointer(before.exif)).toBe(true);
    expect(before.icc).toBeDefined();
    expect(input.includes(MARKER)).toBe(true);

    const clean = await inspectImage(input, limits);
    const after = await sharp(clean.bytes).metadata();
    expect(clean).toMatchObject({ format: "jpeg", width: 100, height: 200 });
    expect(after).toMatchObject({ format: "jpeg", width: 100, height: 200 });
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(clean.bytes.includes(MARKER)).toBe(false);
  });

  it("keeps WebP as WebP and drops its EXIF", async () => {
    const clean = await inspectImage(await webpWithExif(), limits);
    expect(clean.mime).toBe("image/webp");
    expect((await sharp(clean.bytes).metadata()).exif).toBeUndefined();
    expect(clean.bytes.includes(MARKER)).toBe(false);
  });
});
