import { describe, expect, it } from "vitest";
import { UrlSigner } from "@/lib/engine/signing";
import { readBlobUrl } from "./blob-url";

const ENGINE = "http://127.0.0.1:3000/api/local-engine/v2/consumer/blobs/";
const CIVITAI = "https://orchestration.civitai.com/v2/consumer/blobs/";
const prefixes = [ENGINE, CIVITAI];

describe("readBlobUrl", () => {
  it("reads the blob and expiry from the embedded engine's content URL, whatever its key", () => {
    const signer = new UrlSigner(Buffer.alloc(32, 7), 3600);
    const token = signer.sign({
      blobId: "0123456789ABCDEF.png",
      rendition: "preview",
      expiresAt: 1_900_000_000,
      download: false,
      filename: null,
    });
    expect(readBlobUrl(`${ENGINE}content/${token}`, prefixes)).toEqual({
      blobId: "0123456789ABCDEF.png",
      expiresAt: 1_900_000_000_000,
    });
  });

  it("reads Civitai's presigned form: the id from the path, the expiry from exp", () => {
    expect(readBlobUrl(`${CIVITAI}ABC123.jpeg?sig=x&exp=2030-01-01T00:00:00Z`, prefixes)).toEqual({
      blobId: "ABC123.jpeg",
      expiresAt: Date.parse("2030-01-01T00:00:00Z"),
    });
    // No expiry on the URL: unknown, so the caller renews it.
    expect(readBlobUrl(`${CIVITAI}ABC123.jpeg`, prefixes)).toEqual({
      blobId: "ABC123.jpeg",
      expiresAt: null,
    });
  });

  it("leaves other hosts and other paths alone", () => {
    expect(readBlobUrl("https://images.example/a.png", prefixes)).toBeNull();
    expect(readBlobUrl("https://evil.example/v2/consumer/blobs/ABC.jpeg", prefixes)).toBeNull();
    expect(readBlobUrl(`${ENGINE}../../workflows`, prefixes)).toBeNull();
    expect(readBlobUrl("not a url", prefixes)).toBeNull();
  });

  it("says when a content link's token cannot be read (Civitai's are encrypted)", () => {
    expect(readBlobUrl(`${CIVITAI}content/opaque-encrypted-token`, prefixes)).toBe("opaque");
    expect(readBlobUrl(`${ENGINE}content/bm90IGpzb24.mac`, prefixes)).toBe("opaque");
  });

  it("says when an orchestrator blob URL names no blob it could renew", () => {
    expect(readBlobUrl(`${CIVITAI}blocked/abc`, prefixes)).toBe("unreadable");
    expect(readBlobUrl(`${CIVITAI}ABC.jpeg/refresh`, prefixes)).toBe("unreadable");
  });
});
