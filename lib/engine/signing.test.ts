import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSigningKey, safeFilename, UrlSigner, type TokenClaims } from "./signing";

const claims: TokenClaims = {
  blobId: "ABCDEFGHJKMNPQRS.jpeg",
  rendition: "original",
  expiresAt: 2_000_000_000,
  download: false,
  filename: null,
};

describe("UrlSigner", () => {
  const signer = new UrlSigner(Buffer.alloc(32, 7), 3600);

  it("round-trips claims and refuses tampering", () => {
    const token = signer.sign({
      ...claims,
      rendition: "preview",
      download: true,
      filename: "x.jpeg",
    });
    expect(signer.verify(token, 0)).toEqual({
      ok: true,
      claims: { ...claims, rendition: "preview", download: true, filename: "x.jpeg" },
    });
    const [body, mac] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ b: "OTHER0000000000.jpeg", e: 2_000_000_000 }),
    ).toString("base64url");
    expect(signer.verify(`${forged}.${mac}`, 0)).toEqual({ ok: false, reason: "invalid" });
    expect(signer.verify(`${body}.${mac}x`, 0)).toEqual({ ok: false, reason: "invalid" });
    expect(signer.verify("garbage", 0)).toEqual({ ok: false, reason: "invalid" });
    expect(new UrlSigner(Buffer.alloc(32, 8), 3600).verify(token, 0)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("reports expiry separately from tampering", () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, claims.expiresAt * 1000 - 1).ok).toBe(true);
    expect(signer.verify(token, claims.expiresAt * 1000)).toMatchObject({
      ok: false,
      reason: "expired",
    });
  });

  it("rounds expiry up to a bucket so repeated reads share a URL, never shortening the TTL", () => {
    const now = 1_700_000_000_123;
    const a = signer.expiryFor(now);
    expect(a * 1000 - now).toBeGreaterThanOrEqual(3600 * 1000);
    expect(a * 1000 - now).toBeLessThanOrEqual((3600 + 300) * 1000);
    expect(signer.expiryFor(now + 1000)).toBe(a);
    const short = new UrlSigner(Buffer.alloc(32), 1);
    expect(short.expiryFor(now) * 1000 - now).toBeGreaterThanOrEqual(1000);
  });
});

describe("loadSigningKey", () => {
  it("creates the key once and reads the same key afterwards", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "krea-key-"));
    try {
      const first = loadSigningKey(dir);
      expect(first).toHaveLength(32);
      expect(loadSigningKey(dir).equals(first)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("safeFilename", () => {
  it("strips path parts, quotes and control characters", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename('a"b\u0000c.jpeg')).toBe("abc.jpeg");
    expect(safeFilename("..")).toBeNull();
    expect(safeFilename(null)).toBeNull();
  });
});
