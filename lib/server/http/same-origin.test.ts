import { describe, expect, it } from "vitest";
import { AppError } from "./problem";
import { assertSameOrigin } from "./same-origin";

const req = (headers: Record<string, string>, url = "http://127.0.0.1:3000/api/token") =>
  new Request(url, { method: "POST", headers });

function refused(headers: Record<string, string>, url?: string): boolean {
  try {
    assertSameOrigin(req(headers, url));
    return false;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(403);
    return true;
  }
}

describe("assertSameOrigin", () => {
  it("lets the studio's own page through", () => {
    expect(refused({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" })).toBe(
      false,
    );
    expect(refused({ origin: "http://localhost:3000", host: "localhost:3000" })).toBe(false);
  });

  it("lets clients without browser headers through (curl, tests)", () => {
    expect(refused({})).toBe(false);
  });

  it("refuses a cross-site request by Sec-Fetch-Site", () => {
    expect(refused({ "sec-fetch-site": "cross-site" })).toBe(true);
  });

  it("refuses a foreign or opaque Origin", () => {
    expect(refused({ origin: "https://evil.example" })).toBe(true);
    expect(refused({ origin: "null" })).toBe(true);
    expect(refused({ origin: "http://127.0.0.1:3001" })).toBe(true);
  });

  it("trusts the proxy's forwarded host and protocol", () => {
    expect(
      refused({
        origin: "https://studio.example",
        "x-forwarded-host": "studio.example",
        "x-forwarded-proto": "https",
      }),
    ).toBe(false);
  });

  it("refuses a sibling subdomain (same-site) unless its Origin is ours", () => {
    expect(refused({ "sec-fetch-site": "same-site", origin: "http://evil.127.0.0.1:3000" })).toBe(
      true,
    );
    expect(refused({ "sec-fetch-site": "same-site" })).toBe(true);
  });

  it("never checks safe methods", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const request = new Request("http://127.0.0.1:3000/api/health", {
        method,
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(() => assertSameOrigin(request)).not.toThrow();
    }
  });
});
