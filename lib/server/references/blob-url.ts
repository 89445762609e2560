// Which orchestrator blob a reference URL points at, and until when it works,
// read from the URL alone: rows rebuilt from a past generation (Reuse, Remix,
// Rerun, sweeps) carry only { imageUrl, strength }, so the URL is all there is.
// Decision (README "Expiring URLs"):
// - `<orchestrator>/v2/consumer/blobs/<blobId>?…&exp=…` is the presigned form
//   Civitai hands out; its own generator reads the blob id from the path and the
//   expiry from `exp` (none, or unreadable → treat as due). We do the same.
// - `<orchestrator>/v2/consumer/blobs/content/<token>` is the cacheable content
//   URL `GET /v2/consumer/blobs/{id}` redirects to (spec: 308). The spec calls the
//   token encrypted, i.e. opaque; the embedded engine's is readable
//   (`base64url({"b": blobId, "e": unix seconds}).mac`, lib/engine/signing.ts),
//   so it is read, without checking the MAC (only the engine can). A token that
//   does not read that way is "opaque": its expiry is unknowable, so it is sent
//   as it is (refusing it would block a link that may well work for hours).
// Pure (Node's Buffer aside): the submit path's, and its tests'.
import "server-only";

export interface BlobUrl {
  blobId: string;
  /** ms since epoch; null when the URL does not say */
  expiresAt: number | null;
}

/** A single path segment the orchestrator could call a blob id (Civitai's carry an extension). */
const BLOB_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

/**
 * The blob behind `url` when it lies under one of `prefixes` (the target's own
 * `…/v2/consumer/blobs/` bases): a BlobUrl, "unreadable" when it is the
 * orchestrator's but names no blob, or null when it is not the orchestrator's.
 */
export function readBlobUrl(
  url: string,
  prefixes: readonly string[],
): BlobUrl | "opaque" | "unreadable" | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  // Compared after the URL parser resolved any "../" (as the submit guard does).
  const withoutQuery = `${parsed.origin}${parsed.pathname}`;
  const prefix = prefixes.find((p) => withoutQuery.startsWith(p));
  if (!prefix) return null;
  const rest = withoutQuery.slice(prefix.length).split("/");
  if (rest.length === 1) {
    const blobId = safeDecode(rest[0] ?? "");
    if (!blobId || !BLOB_ID.test(blobId) || /^\.+$/.test(blobId)) return "unreadable";
    return { blobId, expiresAt: readExp(parsed.searchParams.get("exp")) };
  }
  if (rest.length === 2 && rest[0] === "content") return readContentToken(rest[1] ?? "");
  return "unreadable";
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `exp` as Civitai writes it (an ISO instant), or unix seconds. */
function readExp(value: string | null): number | null {
  if (!value) return null;
  if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

function readContentToken(token: string): BlobUrl | "opaque" {
  const match = TOKEN.exec(token);
  if (!match?.[1]) return "opaque";
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(match[1], "base64url").toString("utf8"));
  } catch {
    return "opaque";
  }
  if (!claims || typeof claims !== "object") return "opaque";
  const b = "b" in claims ? claims.b : undefined;
  const e = "e" in claims ? claims.e : undefined;
  if (typeof b !== "string" || !BLOB_ID.test(b) || /^\.+$/.test(b)) return "opaque";
  return { blobId: b, expiresAt: typeof e === "number" && Number.isFinite(e) ? e * 1000 : null };
}
