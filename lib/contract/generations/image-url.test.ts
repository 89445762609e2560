import { describe, expect, it } from "vitest";
import { makeImage } from "./fixtures";
import {
  imageSource,
  isExpiring,
  PROACTIVE_COOLDOWN_MS,
  REFRESH_MARGIN_MS,
  shouldRefreshBeforeRender,
} from "./image-url";

const now = Date.parse("2026-01-01T10:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("imageSource", () => {
  it("uses the preview in the grid and the original in the lightbox", () => {
    const image = makeImage({ url: "/full", previewUrl: "/preview" });
    expect(imageSource(image, "preview")?.src).toBe("/preview");
    expect(imageSource(image, "full")?.src).toBe("/full");
  });

  it("falls back on whichever URL exists, and has none for unavailable images", () => {
    expect(imageSource(makeImage({ previewUrl: null, url: "/full" }), "preview")?.src).toBe(
      "/full",
    );
    expect(imageSource(makeImage({ available: false }), "preview")).toBeNull();
  });
});

describe("isExpiring", () => {
  it("is true past expiry and within the margin, false otherwise or when unknown", () => {
    expect(isExpiring(iso(now - 1), now)).toBe(true);
    expect(isExpiring(iso(now + REFRESH_MARGIN_MS - 1), now)).toBe(true);
    expect(isExpiring(iso(now + REFRESH_MARGIN_MS + 1000), now)).toBe(false);
    expect(isExpiring(null, now)).toBe(false);
    expect(isExpiring("not a date", now)).toBe(false);
  });
});

describe("shouldRefreshBeforeRender", () => {
  const expired = { src: "/a", expiresAt: iso(now - 1000) };
  it("renews an expiring URL once, not again right after renewing it", () => {
    expect(shouldRefreshBeforeRender(expired, now, undefined)).toBe(true);
    expect(shouldRefreshBeforeRender(expired, now, now - 1000)).toBe(false);
    expect(shouldRefreshBeforeRender(expired, now, now - PROACTIVE_COOLDOWN_MS - 1)).toBe(true);
    expect(shouldRefreshBeforeRender({ src: "/a", expiresAt: null }, now, undefined)).toBe(false);
  });
});
