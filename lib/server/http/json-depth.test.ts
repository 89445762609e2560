import { describe, expect, it } from "vitest";
import { exceedsDepth } from "./json-depth";

const nested = (depth: number) => JSON.parse("[".repeat(depth) + "]".repeat(depth));

describe("exceedsDepth", () => {
  it("accepts real request shapes", () => {
    expect(
      exceedsDepth({ steps: [{ input: { imageStyleReferences: [{ imageUrl: "x" }] } }] }),
    ).toBe(false);
    expect(exceedsDepth("text")).toBe(false);
    expect(exceedsDepth(nested(32))).toBe(false);
  });

  it("refuses deeper nesting without overflowing, even 200,000 levels", () => {
    expect(exceedsDepth(nested(33))).toBe(true);
    expect(exceedsDepth({ a: { b: nested(200_000) } })).toBe(true);
  });
});
