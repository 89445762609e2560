import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyDiff, diffVersions, describeDiff, EMPTY_CONTENT, type VersionContent } from "./diff";
import type { StyleSetReference } from "./schema";

const ref = (name: string, strength: number, extra: Partial<StyleSetReference> = {}) => ({
  imageUrl: `https://images.example/${name}.png`,
  strength,
  ...extra,
});
const content = (references: StyleSetReference[], name = "Noir", note = ""): VersionContent => ({
  name,
  note,
  references,
});

describe("diffVersions", () => {
  it("names adds, removes, reorders, strength and text changes", () => {
    const before = content([ref("a", 1), ref("b", 0.5), ref("c", -1)], "Noir", "wet");
    const after = content([ref("c", -1), ref("a", 2), ref("d", 1)], "Noir 2", "dry");
    const diff = diffVersions(before, after);
    expect(diff.name).toEqual({ from: "Noir", to: "Noir 2" });
    expect(diff.note).toEqual({ from: "wet", to: "dry" });
    expect(diff.removed.map((r) => [r.key, r.index])).toEqual([
      ["url:https://images.example/b.png", 1],
    ]);
    expect(diff.added.map((r) => [r.key, r.index])).toEqual([
      ["url:https://images.example/d.png", 2],
    ]);
    expect(diff.moved.map((m) => [m.from, m.to])).toEqual([
      [2, 0],
      [0, 1],
    ]);
    expect(diff.strength).toEqual([
      { key: "url:https://images.example/a.png", index: 1, from: 1, to: 2 },
    ]);
    const lines = describeDiff(diff, (k) => k.slice(-5));
    expect(lines).toContain("Strength of a.png: 1.0 → 2.0");
    expect(lines).toContain("Removed b.png (was 2)");
  });

  it("keeps an uploaded image the same across a re-upload (same thumbnail, new blob)", () => {
    const thumb = "a".repeat(64);
    const before = content([ref("x", 1, { thumbnailId: thumb, blobId: "b1" })]);
    const after = content([ref("y", 1, { thumbnailId: thumb, blobId: "b2" })]);
    const diff = diffVersions(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.relinked).toHaveLength(1);
    expect(applyDiff(before, diff)).toEqual(after);
  });

  it("creating is a diff from nothing", () => {
    const first = content([ref("a", 1)]);
    expect(applyDiff(EMPTY_CONTENT, diffVersions(EMPTY_CONTENT, first))).toEqual(first);
  });

  it("reads version 1 as created, not renamed from an empty name", () => {
    const first = content([ref("a", -1)], "Acme Q1 – warm/no-blue");
    const lines = describeDiff(diffVersions(EMPTY_CONTENT, first), (k) => k.slice(-5));
    expect(lines[0]).toBe("Created as “Acme Q1 – warm/no-blue”");
    expect(lines.join("\n")).not.toMatch(/Renamed/);
  });

  it("writes strengths as everywhere else: a true minus sign and one decimal at least", () => {
    const diff = diffVersions(content([ref("a", -1)]), content([ref("a", 0.5), ref("b", -1.25)]));
    const lines = describeDiff(diff, (k) => k.slice(-5));
    expect(lines).toContain("Strength of a.png: −1.0 → 0.5");
    expect(lines).toContain("Added b.png at 2 (strength −1.25)");
  });
});

// Few images, so lists overlap, repeat an image and reorder often.
const images = ["a", "b", "c", "d", "e"];
const thumbs = ["1".repeat(64), "2".repeat(64)];
const referenceArb: fc.Arbitrary<StyleSetReference> = fc.record(
  {
    imageUrl: fc.constantFrom(...images).map((n) => `https://images.example/${n}.png`),
    strength: fc.integer({ min: -40, max: 40 }).map((n) => n / 20),
    thumbnailId: fc.option(fc.constantFrom(...thumbs)),
    blobId: fc.option(fc.constantFrom("blob_1", "blob_2")),
    label: fc.option(fc.constantFrom("one.png", "two.png")),
    urlExpiresAt: fc.option(fc.constant("2030-01-01T00:00:00.000Z")),
  },
  { requiredKeys: ["imageUrl", "strength"] },
);
const contentArb: fc.Arbitrary<VersionContent> = fc.record({
  name: fc.constantFrom("Noir", "Noir v2", "Pastel"),
  note: fc.constantFrom("", "wet streets", "dry"),
  references: fc.array(referenceArb, { maxLength: 10 }),
});

describe("applyDiff", () => {
  it("applying the diff to the old version gives the new one", () => {
    fc.assert(
      fc.property(contentArb, contentArb, (before, after) => {
        expect(applyDiff(before, diffVersions(before, after))).toEqual(after);
      }),
      { numRuns: 2000 },
    );
  });

  it("a diff survives JSON (it is stored as JSON)", () => {
    fc.assert(
      fc.property(contentArb, contentArb, (before, after) => {
        const stored = JSON.parse(JSON.stringify(diffVersions(before, after)));
        expect(applyDiff(before, stored)).toEqual(after);
      }),
      { numRuns: 500 },
    );
  });

  it("an unchanged version has an empty diff", () => {
    fc.assert(
      fc.property(contentArb, (c) => {
        const d = diffVersions(c, c);
        expect(d.added.length + d.removed.length + d.moved.length + d.strength.length).toBe(0);
        expect(d.name ?? d.note ?? null).toBeNull();
      }),
    );
  });
});
