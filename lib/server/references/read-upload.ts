import "server-only";
import { AppError } from "@/lib/server/http/problem";
import { formatBytes } from "./limits";

// Reads an uploaded image from a request without ever holding more than the
// limit: 413 at once when Content-Length says too much, else while streaming.
// Two shapes are accepted: multipart/form-data with one `file` field (what a
// browser <form> or FormData sends), or the raw bytes with an image/* content
// type (what a drag-and-drop fetch sends most simply; the file name may come in
// an X-File-Name header, URL-encoded). The declared type only picks the shape;
// the bytes decide what the file is.

/** Room for the multipart boundary and part headers around a maximal file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const FILE_NAME_MAX = 120;

export interface UploadedFile {
  bytes: Buffer;
  /** sanitized file name the client gave, or null */
  name: string | null;
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", {
    detail: `This file is larger than ${formatBytes(limit)}, the most an upload may be.`,
    fieldErrors: { file: [`larger than ${formatBytes(limit)}`] },
    retryable: false,
  });
}

/**
 * Reads at most `limit` bytes of the body; throws 413 beyond, naming
 * `fileLimit` (a multipart body may exceed the file limit by its framing).
 */
export async function readBodyCapped(
  request: Request,
  limit: number,
  fileLimit = limit,
): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(fileLimit);
  }
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(fileLimit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readUpload(request: Request, maxBytes: number): Promise<UploadedFile> {
  // The media type is case-insensitive, the multipart boundary is not: only the
  // former is lower-cased, the header itself goes to the parser as it came.
  const declared = (request.headers.get("content-type") ?? "").trim();
  const type = declared.toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const raw = await readBodyCapped(request, maxBytes + MULTIPART_OVERHEAD, maxBytes);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), {
        headers: { "content-type": declared },
      }).formData();
    } catch {
      throw new AppError("bad_request", {
        detail: "The upload could not be read as multipart/form-data.",
        fieldErrors: { file: ["the multipart body could not be read"] },
      });
    }
    const files = form.getAll("file");
    const file = files[0];
    if (files.length !== 1 || file === undefined || typeof file === "string") {
      throw new AppError("validation", {
        detail: 'Send exactly one image in a form field named "file".',
        fieldErrors: { file: ['send exactly one image in the field "file"'] },
      });
    }
    if (file.size > maxBytes) throw tooLarge(maxBytes);
    return { bytes: Buffer.from(await file.arrayBuffer()), name: sanitizeFileName(file.name) };
  }
  if (type.startsWith("image/") || type.startsWith("application/octet-stream")) {
    const bytes = await readBodyCapped(request, maxBytes);
    return { bytes, name: sanitizeFileName(decodeHeader(request.headers.get("x-file-name"))) };
  }
  await request.body?.cancel().catch(() => {});
  throw new AppError("unsupported_media_type", {
    detail:
      'Send the image as multipart/form-data (one field named "file") or as the raw bytes with an image content type.',
  });
}

function decodeHeader(value: string | null): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A file name safe to show and store: the last path segment, no control or
 * path characters, whitespace collapsed, at most 120 characters with the
 * extension kept. Null when nothing usable is left.
 */
export function sanitizeFileName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = base

    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (!cleaned) return null;
  // Counted in code points so an emoji is never cut in half.
  const chars = Array.from(cleaned);
  if (chars.length <= FILE_NAME_MAX) return cleaned;
  const dot = chars.lastIndexOf(".");
  const ext = dot > 0 && chars.length - dot <= 10 ? chars.slice(dot) : [];
  return (
    chars
      .slice(0, FILE_NAME_MAX - ext.length)
      .join("")
      .trimEnd() + ext.join("")
  );
}
