import { afterEach, describe, expect, it } from "vitest";
import { formatBytes, imageLimits } from "./limits";

afterEach(() => {
  delete process.env.STUDIO_UPLOAD_MAX_BYTES;
  delete process.env.STUDIO_UPLOAD_MAX_PIXELS;
});

describe("imageLimits", () => {
  it("defaults to 10 MB and 40 megapixels, and reads the settings", () => {
    expect(imageLimits()).toEqual({ maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 });
    process.env.STUDIO_UPLOAD_MAX_BYTES = "5242880";
    process.env.STUDIO_UPLOAD_MAX_PIXELS = "1000000";
    expect(imageLimits()).toEqual({ maxBytes: 5_242_880, maxPixels: 1_000_000 });
  });

  it.each(["10MB", "-1", "0", "1e6", ""])(
    "refuses %j naming the setting (empty = default)",
    (v) => {
      process.env.STUDIO_UPLOAD_MAX_BYTES = v;
      if (v === "") expect(imageLimits().maxBytes).toBe(10 * 1024 * 1024);
      else expect(() => imageLimits()).toThrow(/STUDIO_UPLOAD_MAX_BYTES setting must be/);
    },
  );

  it("formats limits for messages", () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatBytes(12_900_000)).toBe("12.3 MB");
    expect(formatBytes(2048)).toBe("2 KB");
  });
});
