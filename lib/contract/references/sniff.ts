// Judges what a file is by its first bytes, never by its name or declared type.
// Pure and dependency-free so the browser could pre-check a drop with it too.
// Only JPEG, PNG and WebP count as images the studio accepts; for anything else
// we say what it looks like, because "unsupported file" helps nobody.

export type ImageFormat = "jpeg" | "png" | "webp";

export const IMAGE_MIME: Record<ImageFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** What a non-image looks like; null when nothing recognisable. */
export type LooksLike =
  | "html"
  | "svg"
  | "xml"
  | "gif"
  | "heic"
  | "avif"
  | "bmp"
  | "tiff"
  | "ico"
  | "pdf"
  | "zip"
  | "json"
  | "text";

export type SniffResult =
  { format: ImageFormat; mime: string } | { format: null; looksLike: LooksLike | null };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let out = "";
  for (let i = from; i < Math.min(to, bytes.length); i++) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: "jpeg", mime: IMAGE_MIME.jpeg };
  if (startsWith(bytes, PNG_SIGNATURE)) return { format: "png", mime: IMAGE_MIME.png };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return { format: "webp", mime: IMAGE_MIME.webp };
  }
  return { format: null, looksLike: looksLike(bytes) };
}

function looksLike(bytes: Uint8Array): LooksLike | null {
  const head = ascii(bytes, 0, 12);
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return "gif";
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("BM")) return "bmp";
  if (head.startsWith("II*\0") || head.startsWith("MM\0*")) return "tiff";
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return "ico";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    if (brand.startsWith("avi")) return "avif";
    if (["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].includes(brand)) return "heic";
  }
  return looksLikeText(bytes);
}

/** Markup and other text formats, judged on the first 1 KB with the BOM and leading blanks skipped. */
function looksLikeText(bytes: Uint8Array): LooksLike | null {
  const sample = bytes.subarray(0, 1024);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(sample);
  } catch {
    // A cut through a multi-byte character at the 1 KB boundary is still text.
    text = new TextDecoder("utf-8").decode(sample);
    if ((text.match(/\uFFFD/g)?.length ?? 0) > 1) return null;
  }
  text = text.replace(/^\uFEFF/, "").trimStart();
  if (!text) return null;
  const lower = text.toLowerCase();
  // A page that merely contains an inline <svg> is still HTML.
  if (/^<!doctype html|^<html[\s>]/.test(lower)) return "html";
  if (/<svg[\s>]/.test(lower) || lower.startsWith("<!doctype svg")) return "svg";
  if (/<(head|body|script|iframe|meta|title|div|p|a)[\s>]/.test(lower)) return "html";
  if (lower.startsWith("<?xml") || lower.startsWith("<")) return "xml";
  if (lower.startsWith("{") || lower.startsWith("[")) return "json";

  if (!/[\x00-\x08\x0e-\x1f]/.test(text)) return "text";
  return null;
}

const DESCRIPTIONS: Record<LooksLike, string> = {
  html: "HTML",
  svg: "an SVG drawing",
  xml: "XML",
  gif: "a GIF",
  heic: "a HEIC photo",
  avif: "an AVIF image",
  bmp: "a BMP image",
  tiff: "a TIFF image",
  ico: "an icon file",
  pdf: "a PDF",
  zip: "a ZIP archive",
  json: "JSON",
  text: "plain text",
};

const ADVICE: Partial<Record<LooksLike, string>> = {
  svg: "SVG can carry scripts, so export it as PNG instead.",
  gif: "Convert it to PNG or WebP (the first frame is enough).",
  heic: "Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible).",
  avif: "Convert it to PNG, JPEG or WebP.",
  bmp: "Convert it to PNG.",
  tiff: "Convert it to PNG or JPEG.",
};

/**
 * "This file is HTML, not an image." / "This address answers with an SVG drawing, …".
 * `subject` picks the wording for an uploaded file or a fetched URL.
 */
export function notAnImageMessage(looks: LooksLike | null, subject: "file" | "address"): string {
  const what = subject === "file" ? "This file is" : "This address answers with";
  const accepted = "Style references must be JPEG, PNG or WebP.";
  if (looks === null) {
    return subject === "file"
      ? `This file is not an image: its contents are not JPEG, PNG or WebP, whatever its name says. ${accepted}`
      : `This address does not answer with an image: its contents are not JPEG, PNG or WebP. ${accepted}`;
  }
  const description = DESCRIPTIONS[looks];
  const isImage = ["gif", "heic", "avif", "bmp", "tiff", "ico"].includes(looks);
  const lead = isImage ? `${what} ${description}.` : `${what} ${description}, not an image.`;
  return [lead, accepted, ADVICE[looks]].filter(Boolean).join(" ");
}
