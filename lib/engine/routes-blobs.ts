// /v2/consumer/blobs: upload, get (308 to a signed URL), refresh, and the
// signed content URLs themselves. Content URLs need no bearer token (the
// signature is the credential, as browsers load them from <img src>), answer
// 401 once expired so clients know to refresh, and 404 when tampered with.
import sharp from "sharp";
import { isAlive } from "./blob-store";
import type { Call, Handler } from "./engine";
import { json, readBody } from "./http";
import { BLOB_ID_PATTERN, newBlobId } from "./ids";
import { testWords } from "./lifecycle";
import { contentUrl, MATURE_LEVEL, presentBlob, presentRefreshedBlob } from "./present";
import { renderPreview } from "./render";
import { EngineError, fieldError } from "./problems";
import { route } from "./router";
import { safeFilename } from "./signing";
import type { BlobRecord } from "./types";

export const UPLOAD_LIMIT = 10 * 1024 * 1024;
export const MAX_UPLOAD_PIXELS = 40_000_000;
/** Room for multipart boundaries and part headers around a maximal file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const IMAGE_TYPES = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
} as const;
type ImageKind = keyof typeof IMAGE_TYPES;

/** Judges the type by magic bytes, never by what the client claims. */
export function sniffImage(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "jpeg";
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return "png";
  }
  if (
    bytes.length >= 12 &&
    bytes.toString("latin1", 0, 4) === "RIFF" &&
    bytes.toString("latin1", 8, 12) === "WEBP"
  ) {
    return "webp";
  }
  return null;
}

function tooLarge(): EngineError {
  return new EngineError(
    413,
    `The image is larger than ${UPLOAD_LIMIT / (1024 * 1024)} MB, the most an upload may be`,
  );
}

async function uploadedBytes(request: Request): Promise<Buffer> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const raw = await readBody(request, UPLOAD_LIMIT + MULTIPART_OVERHEAD, "The upload");
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), {
        headers: { "content-type": type },
      }).formData();
    } catch {
      throw fieldError("file", "The multipart body could not be read");
    }
    const file = form.get("file");
    if (file === null || typeof file === "string") {
      throw fieldError("file", 'Send the image in a multipart field named "file"');
    }
    if (file.size > UPLOAD_LIMIT) throw tooLarge();
    return Buffer.from(await file.arrayBuffer());
  }
  const bytes = await readBody(request, UPLOAD_LIMIT, "The upload").catch((error: unknown) => {
    throw error instanceof EngineError && error.status === 413 ? tooLarge() : error;
  });
  return bytes;
}

const upload: Handler = async (call) => {
  const bytes = await uploadedBytes(call.request);
  if (bytes.length === 0)
    throw fieldError("file", "The upload is empty: send JPEG, PNG or WebP bytes");
  const kind = sniffImage(bytes);
  if (!kind) {
    throw new EngineError(
      415,
      "Upload a JPEG, PNG or WebP image; these bytes are not one of those formats",
    );
  }
  let width = 0;
  let height = 0;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    // Sizes as displayed: a portrait photo stored sideways with an EXIF rotation reports upright.
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch {
    throw new EngineError(422, `The ${kind.toUpperCase()} image could not be decoded`);
  }
  if (width === 0 || height === 0) {
    throw new EngineError(422, `The ${kind.toUpperCase()} image has no size`);
  }
  if (width * height > MAX_UPLOAD_PIXELS) {
    throw new EngineError(
      422,
      `The image is ${width}×${height} (${((width * height) / 1e6).toFixed(1)} megapixels); at most ${MAX_UPLOAD_PIXELS / 1e6} megapixels are accepted`,
    );
  }
  // Rendering the preview decodes every pixel: a truncated or corrupt file is refused now,
  // not when someone first looks at it.
  let preview: Buffer;
  try {
    preview = await renderPreview(bytes);
  } catch {
    throw new EngineError(
      422,
      `The ${kind.toUpperCase()} image could not be decoded (is the file complete?)`,
    );
  }
  const now = Date.now();
  const blob = await call.core.blobs.put(
    {
      id: newBlobId(kind),
      userId: call.userId,
      kind: "upload",
      mime: IMAGE_TYPES[kind],
      width,
      height,
      jobId: null,
      createdAt: now,
    },
    bytes,
  );
  await call.core.blobs.storePreview(blob.id, preview);
  return json(presentBlob(blob, presentContext(call)), 201);
};

function presentContext(call: Call) {
  const now = Date.now();
  return { signer: call.core.signer, baseUrl: call.baseUrl, now, queue: new Map() };
}

/** The caller's live blob; an unknown, foreign or expired one is 404 alike. */
function ownedBlob(call: Call, now: number): BlobRecord {
  const id = call.params.id ?? "";
  const blob = BLOB_ID_PATTERN.test(id) ? call.core.blobs.forUser(call.userId, id, now) : null;
  if (!blob) throw new EngineError(404, `Blob ${id} was not found.`);
  return blob;
}

const getBlob: Handler = async (call) => {
  const blob = ownedBlob(call, Date.now());
  const download = (call.url.searchParams.get("download") ?? "").toLowerCase() === "true";
  const filename = safeFilename(call.url.searchParams.get("filename"));
  const { signer } = call.core;
  const token = signer.sign({
    blobId: blob.id,
    rendition: "original",
    expiresAt: signer.expiryFor(Date.now()),
    download,
    filename,
  });
  return new Response(null, {
    status: 308,
    headers: { location: contentUrl(call, token), "cache-control": "no-store" },
  });
};

const headBlob: Handler = async (call) => {
  ownedBlob(call, Date.now());
  return new Response(null, { status: 204 });
};

const refresh: Handler = async (call) => {
  const now = Date.now();
  const blob = call.core.blobs.refreshLifetime(ownedBlob(call, now), now);
  const answer = presentRefreshedBlob(blob, presentContext(call));
  return json(isMatureOutput(call, blob) ? { ...answer, nsfwLevel: MATURE_LEVEL } : answer);
};

/** An output of a `test:mature` step keeps its rating wherever the blob is shown. */
function isMatureOutput(call: Call, blob: BlobRecord): boolean {
  const job = blob.jobId ? call.core.store.job(blob.jobId) : null;
  const step = job ? call.core.store.workflow(job.workflowId)?.steps[job.stepIndex] : undefined;
  return step ? testWords(step.input.prompt).mature : false;
}

const content: Handler = async (call) => {
  const now = Date.now();
  const verdict = call.core.signer.verify(call.params.token ?? "", now);
  if (!verdict.ok && verdict.reason === "invalid")
    throw new EngineError(404, "There is no blob at this URL.");
  const { claims } = verdict;
  const blob = call.core.blobs.get(claims.blobId);
  // A blob past its lifetime is deleted upstream: its URLs die with it (404, not
  // 401: refreshing cannot bring it back).
  if (!blob || !isAlive(blob, now)) throw new EngineError(404, "There is no blob at this URL.");
  if (!verdict.ok) {
    const at = new Date(claims.expiresAt * 1000).toISOString();
    throw new EngineError(
      401,
      `This signed URL expired at ${at}. Refresh the blob (POST /v2/consumer/blobs/${claims.blobId}/refresh) or read the workflow again for a fresh URL.`,
    );
  }
  const preview = claims.rendition === "preview";
  const etag = preview ? `${blob.etag.slice(0, -1)}-p"` : blob.etag;
  const headers: Record<string, string> = {
    "content-type": preview ? "image/webp" : blob.mime,
    "cache-control": `private, max-age=${Math.max(0, claims.expiresAt - Math.ceil(now / 1000))}`,
    etag,
    "x-content-type-options": "nosniff",
    // No CORS headers: nothing promises them on Civitai's hosts either, so the
    // studio fetches image bytes on its server (downloads, zips), never in the browser.
    "content-disposition": disposition(
      claims.download,
      claims.filename ?? (preview ? blob.id.replace(/\.\w+$/, ".preview.webp") : blob.id),
    ),
  };
  const inm = call.request.headers.get("if-none-match");
  if (inm && inm.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  const bytes = preview
    ? await call.core.blobs.preview(blob.id)
    : await call.core.blobs.read(blob.id);
  headers["content-length"] = String(bytes.length);
  return new Response(call.request.method === "HEAD" ? null : new Uint8Array(bytes), {
    status: 200,
    headers,
  });
};

function disposition(attachment: boolean, filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${attachment ? "attachment" : "inline"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const BLOB_ROUTES = [
  route<Handler>("/v2/consumer/blobs", { POST: upload }),
  route<Handler>("/v2/consumer/blobs/content/:token", { GET: content }, false),
  route<Handler>("/v2/consumer/blobs/:id", { GET: getBlob, HEAD: headBlob }),
  route<Handler>("/v2/consumer/blobs/:id/refresh", { POST: refresh }),
];
