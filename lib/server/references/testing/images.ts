// Test images made on the spot with sharp (and one by hand): nothing binary is
// checked in, and each test says exactly what its file contains.
import { crc32 } from "node:zlib";
import { deflateSync } from "node:zlib";
import sharp from "sharp";

export const MARKER = "STUDIO-EXIF-MARKER";

export function png(width = 64, height = 48, colour = "#3366cc"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: colour } })
    .png()
    .toBuffer();
}

/** A JPEG stored landscape with EXIF orientation 6 (shown portrait), an Artist marker, GPS and a P3 ICC profile. */
export function jpegWithGps(width = 200, height = 100): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#cc3333" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withIccProfile("p3")
    .withExifMerge({
      IFD0: { Artist: MARKER },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W" },
    })
    .toBuffer();
}

/** A WebP carrying EXIF. */
export function webpWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 3, background: "#33cc66" } })
    .webp()
    .withExif({ IFD0: { Artist: MARKER } })
    .toBuffer();
}

/** Random noise compresses badly: a big JPEG for its pixel count. */
export async function noisyJpeg(side: number): Promise<Buffer> {
  return sharp({
    create: {
      width: side,
      height: side,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .jpeg({ quality: 100 })
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * A "pixel bomb": a valid PNG header claiming width × height (20000 × 20000 is
 * 400 megapixels, 1.6 GB decoded) around a few bytes of data.
 */
export function pixelBombPng(width = 20_000, height = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1024))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const HTML = Buffer.from(
  "<!DOCTYPE html>\n<html><head><title>Not an image</title></head><body><script>alert(1)</script></body></html>",
);
export const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

/** Does an EXIF block contain the GPS IFD pointer (tag 0x8825, either byte order)? */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}
