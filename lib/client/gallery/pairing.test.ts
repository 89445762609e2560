import { describe, expect, it } from "vitest";
import { makeGeneration, makeImage, makeRunning } from "@/lib/contract/generations/fixtures";
import { alignByIndex, difference, signedBuzz, signedSeconds } from "./pairing";
import type { Generation } from "@/lib/contract/generations/types";

const images = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => makeImage({ id: `${prefix}${i}` }));
const batch = (size: "medium" | "large", n: number, over: Partial<Generation> = {}) =>
  makeGeneration({
    id: size,
    input: { ...makeGeneration().input!, size, quantity: n },
    images: images(n, size[0]!),
    ...over,
  });
const states = (rows: ReturnType<typeof alignByIndex>) =>
  rows.map((row) => row.map((s) => `${s.state}${s.image ? `:${s.image.id}` : ""}`));

describe("alignByIndex", () => {
  it("pairs image n of one side with image n of the other", () => {
    expect(states(alignByIndex([batch("medium", 3), batch("large", 3)]))).toEqual([
      ["image:m0", "image:l0"],
      ["image:m1", "image:l1"],
      ["image:m2", "image:l2"],
    ]);
  });

  it("keeps a slot for an image one side did not deliver", () => {
    const medium = batch("medium", 2);
    const large = batch("large", 2, {
      status: "failed",
      images: [makeImage({ id: "l0" }), makeImage({ id: "l1", available: false, url: null })],
    });
    expect(states(alignByIndex([medium, large]))).toEqual([
      ["image:m0", "image:l0"],
      ["image:m1", "failed:l1"],
    ]);
  });

  it("shows the running side as pending, image by image", () => {
    const large = makeRunning({
      input: { ...makeGeneration().input!, size: "large", quantity: 2 },
      images: [makeImage({ id: "l0" })],
    });
    expect(states(alignByIndex([batch("medium", 2), large]))).toEqual([
      ["image:m0", "image:l0"],
      ["image:m1", "pending"],
    ]);
    const notStarted = makeRunning({ input: { ...large.input!, quantity: 2 }, images: [] });
    expect(states(alignByIndex([batch("medium", 2), notStarted]))).toEqual([
      ["image:m0", "pending"],
      ["image:m1", "pending"],
    ]);
  });

  it("handles unequal counts, blocked images and a side that is not loaded", () => {
    const medium = batch("medium", 1, {
      images: [makeImage({ id: "m0", available: false, url: null, blockedReason: "blocked" })],
    });
    expect(states(alignByIndex([medium, batch("large", 2)]))).toEqual([
      ["blocked:m0", "image:l0"],
      ["missing", "image:l1"],
    ]);
    expect(states(alignByIndex([null, batch("large", 1)]))).toEqual([["missing", "image:l0"]]);
    expect(alignByIndex([])).toEqual([]);
  });

  it("lines up four sweep members the same way", () => {
    const rows = alignByIndex(
      ["raw", "low", "medium", "high"].map((c) => batch("medium", 1, { id: c })),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.map((s) => s.generation?.id)).toEqual(["raw", "low", "medium", "high"]);
  });
});

describe("difference", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s)).toISOString();
  it("says what large costs and takes beyond medium", () => {
    const medium = batch("medium", 1, { createdAt: at(0), completedAt: at(8), chargedBuzz: 39 });
    const large = batch("large", 1, { createdAt: at(0), completedAt: at(19), chargedBuzz: 78 });
    expect(difference(medium, large)).toEqual({ buzz: 39, seconds: 11, text: "+39 Buzz, +11 s" });
    expect(difference(large, medium).text).toBe("−39 Buzz, −11 s");
  });

  it("uses the quote and leaves time out while a side runs", () => {
    const medium = batch("medium", 1, { chargedBuzz: 39 });
    const large = makeRunning({ input: { ...medium.input!, size: "large" }, quotedBuzz: 78 });
    expect(difference(medium, large)).toMatchObject({
      buzz: 39,
      seconds: null,
      text: "+39 Buzz (quoted)",
    });
  });

  it("formats signs and short times", () => {
    expect(signedBuzz(0)).toBe("±0 Buzz");
    expect(signedBuzz(6.5)).toBe("+6.5 Buzz");
    expect(signedSeconds(4.24)).toBe("+4.2 s");
    expect(signedSeconds(-75)).toBe("−1 min 15 s");
  });
});
