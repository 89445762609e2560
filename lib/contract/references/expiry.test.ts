import { describe, expect, it } from "vitest";
import { needsRefresh, REFRESH_MARGIN_MS } from "./expiry";

const now = Date.parse("2030-01-01T12:00:00Z");
const at = (ms: number) => new Date(now + ms).toISOString();

describe("needsRefresh", () => {
  it("refreshes blob URLs that expire within 10 minutes, or already did", () => {
    expect(needsRefresh({ blobId: "b", urlExpiresAt: at(REFRESH_MARGIN_MS - 1) }, now)).toBe(true);
    expect(needsRefresh({ blobId: "b", urlExpiresAt: at(-1) }, now)).toBe(true);
    expect(needsRefresh({ blobId: "b", urlExpiresAt: at(REFRESH_MARGIN_MS + 60_000) }, now)).toBe(
      false,
    );
  });

  it("refreshes a blob URL of unknown expiry, never a pasted public URL", () => {
    expect(needsRefresh({ blobId: "b", urlExpiresAt: null }, now)).toBe(true);
    expect(needsRefresh({ blobId: "b", urlExpiresAt: "garbage" }, now)).toBe(true);
    expect(needsRefresh({ blobId: null, urlExpiresAt: at(-1) }, now)).toBe(false);
  });
});
