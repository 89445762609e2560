import "server-only";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { AppError, type ErrorKind } from "@/lib/server/http/problem";
import { formatBytes } from "./limits";
import {
  IMAGE_MIME,
  notAnImageMessage,
  sniffImage,
  type ImageFormat,
} from "@/lib/contract/references/sniff";

// The gate every outside image passes before the studio keeps or forwards it:
// type by magic bytes, a byte limit, a pixel limit read from the header before
// anything is decoded (a 20000×20000 PNG can be a few hundred bytes on disk and
// 1.6 GB in memory), then a full decode and re-encode that drops EXIF (GPS!),
// XMP, ICC and comments and bakes the EXIF rotation into the pixels.

export interface ImageCheckOptions {
  maxBytes: number;
  maxPixels: number;
  /** wording of messages: an uploaded file or a fetched address */
  subject?: "file" | "address";
}

export interface ImageHeader {
  format: ImageFormat;
  mime: string;
  /** as displayed, i.e. after EXIF rotation */
  width: number;
  height: number;
}

export interface CleanImage extends ImageHeader {
  bytes: Buffer;
}

export type ImageRejection = "empty" | "too_large" | "not_image" | "too_many_pixels" | "unreadable";

const KIND: Record<ImageRejection, ErrorKind> = {
  empty: "validation",
  too_large: "payload_too_large",
  not_image: "unsupported_media_type",
  too_many_pixels: "validation",
  unreadable: "validation",
};
/** 422 for well-typed images we will not decode (pixel bomb, damaged file). */
const STATUS: Partial<Record<ImageRejection, number>> = { too_many_pixels: 422, unreadable: 422 };

/** Why an image was refused; an AppError so routes can throw it as is (field `file`). */
export class ImageRejectedError extends AppError {
  readonly reason: ImageRejection;
  constructor(reason: ImageRejection, detail: string, cause?: unknown) {
    super(KIND[reason], {
      detail,
      status: STATUS[reason],
      fieldErrors: { file: [detail] },
      cause,
      retryable: false,
    });
    this.name = "ImageRejectedError";
    this.reason = reason;
  }
}

const LABEL: Record<ImageFormat, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP" };

function subjectWord(options: ImageCheckOptions): string {
  return options.subject === "address" ? "The image at this address" : "This image";
}

/** Type, size and pixel count from the bytes and the header alone: nothing is decoded. */
export async function readImageHeader(
  bytes: Uint8Array,
  options: ImageCheckOptions,
): Promise<ImageHeader> {
  const fileOrImage = options.subject === "address" ? "The image at this address" : "This file";
  if (bytes.length === 0) throw new ImageRejectedError("empty", `${fileOrImage} is empty.`);
  if (bytes.length > options.maxBytes) {
    throw new ImageRejectedError(
      "too_large",
      `${fileOrImage} is ${formatBytes(bytes.length)}; images may be at most ${formatBytes(options.maxBytes)}.`,
    );
  }
  const sniffed = sniffImage(bytes);
  if (sniffed.format === null) {
    throw new ImageRejectedError(
      "not_image",
      notAnImageMessage(sniffed.looksLike, options.subject ?? "file"),
    );
  }
  const format = sniffed.format;
  let meta: Metadata;
  try {
    // Header only; the pixel limit is applied by us below, with the size in the message.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(format, options, error);
  }
  const rawWidth = meta.width ?? 0;
  const rawHeight = meta.height ?? 0;
  if (meta.format !== format || rawWidth < 1 || rawHeight < 1) throw unreadable(format, options);
  const pixels = rawWidth * rawHeight;
  if (pixels > options.maxPixels) {
    throw new ImageRejectedError(
      "too_many_pixels",
      `${subjectWord(options)} is ${rawWidth}×${rawHeight} pixels (${megapixels(pixels)} megapixels); at most ${megapixels(options.maxPixels)} megapixels are accepted. Scale it down and try again.`,
    );
  }
  return {
    format,
    mime: IMAGE_MIME[format],
    width: meta.autoOrient?.width ?? rawWidth,
    height: meta.autoOrient?.height ?? rawHeight,
  };
}

function megapixels(pixels: number): string {
  return String(+(pixels / 1e6).toFixed(1));
}

function unreadable(format: ImageFormat, options: ImageCheckOptions, cause?: unknown) {
  return new ImageRejectedError(
    "unreadable",
    `${subjectWord(options)} looks like a ${LABEL[format]} but could not be read: the file is damaged or incomplete.`,
    cause,
  );
}

/**
 * Checks an image and returns a clean copy: same format (JPEG q92, PNG, WebP
 * q92), EXIF rotation applied, no metadata at all. Throws ImageRejectedError
 * (415 not an image, 413 too many bytes, 422 too many pixels or damaged).
 */
export async function inspectImage(
  bytes: Uint8Array,
  options: ImageCheckOptions,
): Promise<CleanImage> {
  const header = await readImageHeader(bytes, options);
  let output: { data: Buffer; info: OutputInfo };
  try {
    // limitInputPixels again: the decoder itself refuses what the header check let through
    // by mistake. failOn "warning" (the default) makes a truncated file an error.
    let pipeline = sharp(bytes, { limitInputPixels: options.maxPixels }).autoOrient();
    // sharp writes no metadata unless asked (withMetadata / keepExif / keepIccProfile):
    // EXIF, GPS, XMP, ICC and comments are all dropped here.
    if (header.format === "jpeg") pipeline = pipeline.jpeg({ quality: 92 });
    else if (header.format === "png") pipeline = pipeline.png({ compressionLevel: 6 });
    else pipeline = pipeline.webp({ quality: 92 });
    output = await pipeline.toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw unreadable(header.format, options, error);
  }
  if (output.data.length > options.maxBytes) {
    throw new ImageRejectedError(
      "too_large",
      `Once cleaned of metadata this image is ${formatBytes(output.data.length)}, over the ${formatBytes(options.maxBytes)} limit. Scale it down or save it at a lower quality.`,
    );
  }
  return {
    bytes: output.data,
    format: header.format,
    mime: header.mime,
    width: output.info.width,
    height: output.info.height,
  };
}
