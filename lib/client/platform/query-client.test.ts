import { describe, expect, it } from "vitest";
import { makeQueryClient, shouldRetry } from "./query-client";

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

describe("shouldRetry", () => {
  it.each([400, 401, 403, 404, 409, 413, 429])("never retries a %i", (status) => {
    expect(shouldRetry(0, new HttpError(status))).toBe(false);
  });

  it("retries 5xx and network failures twice, then gives up", () => {
    for (const error of [new HttpError(502), new TypeError("fetch failed")]) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(2, error)).toBe(false);
    }
  });

  it("ignores a status that is not a number", () => {
    expect(shouldRetry(0, { status: "404" })).toBe(true);
  });
});

describe("makeQueryClient", () => {
  it("does not refetch on focus and never retries mutations", () => {
    const defaults = makeQueryClient().getDefaultOptions();
    expect(defaults.queries?.refetchOnWindowFocus).toBe(false);
    expect(defaults.mutations?.retry).toBe(false);
  });
});
