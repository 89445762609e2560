import { describe, expect, it } from "vitest";
import { parseRetryAfter, toStudioField, transportError, upstreamError } from "./upstream-error";

const raw = (status: number, body: unknown = "", headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  text: typeof body === "string" ? body : JSON.stringify(body),
});

describe("upstreamError", () => {
  it("keeps the orchestrator's validation messages per studio field", () => {
    const e = upstreamError(
      raw(400, {
        title: "One or more validation errors occurred.",
        detail: "size must be one of: medium, large",
        errors: {
          "steps[0].input.size": ["size must be one of: medium, large"],
          "$.Steps[0].Input.ImageStyleReferences[2].Strength": ["strength out of range"],
        },
      }),
      "civitai",
    );
    expect(e.kind).toBe("validation");
    expect(e.status).toBe(400);
    expect(e.detail).toBe("size must be one of: medium, large");
    expect(e.fieldErrors).toEqual({
      size: ["size must be one of: medium, large"],
      "imageStyleReferences.2.strength": ["strength out of range"],
    });
    expect(e.retryable).toBe(false);
  });

  it("reads the spec's ValidationProblemDetails: field messages, never the generic title", () => {
    const e = upstreamError(
      raw(400, {
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
        errors: {
          "$.steps[0].input.seed": ["The field Seed must be between 0 and 2147483647."],
          "Steps[0].Input.AspectRatio": ["aspectRatio must be one of: 1:1, 4:3"],
        },
      }),
      "civitai",
    );
    expect(e.kind).toBe("validation");
    expect(e.fieldErrors).toEqual({
      seed: ["The field Seed must be between 0 and 2147483647."],
      aspectRatio: ["aspectRatio must be one of: 1:1, 4:3"],
    });
    expect(e.detail).toBe(
      "seed: The field Seed must be between 0 and 2147483647. aspectRatio: aspectRatio must be one of: 1:1, 4:3",
    );
    expect(e.detail).not.toMatch(/One or more validation errors/);
  });

  it("keeps a plain ProblemDetails 400's own words", () => {
    const e = upstreamError(
      raw(400, { title: "Bad Request", detail: "ephemeral is not supported" }),
      "local",
    );
    expect(e.detail).toBe("ephemeral is not supported");
    expect(e.fieldErrors).toBeUndefined();
  });

  it("says plainly that Civitai rejected the token", () => {
    const e = upstreamError(raw(401, { status: 401, detail: "Unauthorized" }), "civitai");
    expect(e.kind).toBe("unauthorized");
    expect(e.detail).toMatch(/rejected the API token/);
  });

  it("tells insufficient Buzz apart from other 403s", () => {
    expect(upstreamError(raw(403, "Insufficient buzz: needs 91"), "civitai").kind).toBe(
      "insufficient_buzz",
    );
    expect(upstreamError(raw(403, "nope"), "civitai").kind).toBe("forbidden");
  });

  it("reads Retry-After from the raw headers on 429", () => {
    const e = upstreamError(raw(429, "", { "retry-after": "7" }), "civitai");
    expect(e.kind).toBe("rate_limited");
    expect(e.retryAfter).toBe(7);
    expect(e.retryable).toBe(true);
    expect(e.detail).toMatch(/wait 7 s/);
  });

  it.each([
    [500, "upstream", 502],
    [502, "upstream", 502],
    [503, "unavailable", 503],
    [504, "timeout", 504],
  ] as const)("maps %i to a retryable %s (%i)", (status, kind, ours) => {
    const e = upstreamError(raw(status), "local");
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(ours);
    expect(e.retryable).toBe(true);
  });

  it("maps 404 to not found and does not retry it", () => {
    const e = upstreamError(raw(404, { detail: "Workflow not found" }), "local");
    expect([e.kind, e.status, e.retryable, e.detail]).toEqual([
      "not_found",
      404,
      false,
      "Workflow not found",
    ]);
  });

  it("separates timeouts from unreachable hosts", () => {
    expect(transportError(new Error("x"), true, "civitai").kind).toBe("timeout");
    expect(transportError(new TypeError("fetch failed"), false, "civitai").kind).toBe("network");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3);
    expect(
      parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")),
    ).toBe(10);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("toStudioField", () => {
  it("strips the step prefix and normalises case", () => {
    expect(toStudioField("steps[0].input.prompt")).toBe("prompt");
    expect(toStudioField("Steps[0].Input.AspectRatio")).toBe("aspectRatio");
    expect(toStudioField("$.steps[0].input")).toBe("body");
    expect(toStudioField("externalId")).toBe("externalId");
  });
});
