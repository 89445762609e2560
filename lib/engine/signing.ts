// Signed blob URLs. The URL itself is the credential (browsers load <img src>
// without our bearer token), so the token carries the blob, the rendition and
// the expiry, sealed with HMAC-SHA256 under a key generated once per data dir.
// Expiry is rounded up to a bucket so repeated reads of a workflow hand out the
// same URL for a while and the browser's cache keeps working.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Rendition = "original" | "preview";

export interface TokenClaims {
  blobId: string;
  rendition: Rendition;
  /** unix seconds */
  expiresAt: number;
  /** serve as an attachment (GetBlob ?download=true) */
  download: boolean;
  filename: string | null;
}

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; claims: TokenClaims };

const KEY_FILE = "signing.key";

/** Reads the key, creating it on first use; safe when two processes race to create it. */
export function loadSigningKey(engineDir: string): Buffer {
  mkdirSync(engineDir, { recursive: true });
  const file = path.join(engineDir, KEY_FILE);
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, randomBytes(32).toString("hex"), { mode: 0o600 });
  try {
    // link() fails if the file exists, so the first writer wins and everyone reads its key.
    linkSync(temp, file);
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  } finally {
    unlinkSync(temp);
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

export class UrlSigner {
  constructor(
    private readonly key: Buffer,
    private readonly ttlSeconds: number,
  ) {}

  /** When a URL signed now expires: now + TTL, rounded up to the bucket. */
  expiryFor(nowMs: number): number {
    const bucket = Math.min(300, Math.max(1, Math.floor(this.ttlSeconds / 12)));
    const raw = Math.ceil(nowMs / 1000) + this.ttlSeconds;
    return Math.ceil(raw / bucket) * bucket;
  }

  sign(claims: TokenClaims): string {
    const payload: Record<string, unknown> = { b: claims.blobId, e: claims.expiresAt };
    if (claims.rendition === "preview") payload.p = 1;
    if (claims.download) payload.d = 1;
    if (claims.filename) payload.f = claims.filename;
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string, nowMs: number): VerifyResult {
    const [body, mac, extra] = token.split(".");
    if (!body || !mac || extra !== undefined) return { ok: false, reason: "invalid" };
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: "invalid" };
    }
    const claims = parseClaims(body);
    if (!claims) return { ok: false, reason: "invalid" };
    if (claims.expiresAt * 1000 <= nowMs) return { ok: false, reason: "expired", claims };
    return { ok: true, claims };
  }

  private mac(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}

function parseClaims(body: string): TokenClaims | null {
  try {
    const raw: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (typeof raw !== "object" || raw === null) return null;
    const b = "b" in raw ? raw.b : undefined;
    const e = "e" in raw ? raw.e : undefined;
    const f = "f" in raw ? raw.f : undefined;
    if (typeof b !== "string" || typeof e !== "number") return null;
    return {
      blobId: b,
      expiresAt: e,
      rendition: "p" in raw && raw.p === 1 ? "preview" : "original",
      download: "d" in raw && raw.d === 1,
      filename: typeof f === "string" ? f : null,
    };
  } catch {
    return null;
  }
}

/** A filename safe for Content-Disposition: no path parts, no control characters, no quotes. */
export function safeFilename(raw: string | null): string | null {
  if (!raw) return null;
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 200);
  return clean.length > 0 && clean !== "." && clean !== ".." ? clean : null;
}
