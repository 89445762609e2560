import { describe, expect, it } from "vitest";
import { makeGeneration, makeImage, makeRunning } from "@/lib/contract/generations/fixtures";
import {
  cardSpan,
  chunk,
  columnsForWidth,
  estimateCardHeight,
  imageColumns,
  imageRatio,
  tileCount,
} from "./layout";

describe("columnsForWidth", () => {
  it("fits one card on a phone and three beside the builder at 1440 px", () => {
    expect(columnsForWidth(358)).toBe(1); // 390 minus padding
    expect(columnsForWidth(1028)).toBe(3); // 1440 − 380 builder − padding
    expect(columnsForWidth(0)).toBe(1);
  });
});

describe("imageRatio", () => {
  it("trusts the image's own size over the ratio asked for", () => {
    const g = makeGeneration({ images: [makeImage({ width: 1376, height: 768 })] });
    expect(imageRatio(g)).toBeCloseTo(1376 / 768);
    const unsized = makeRunning({ images: [], input: { ...g.input!, aspectRatio: "9:16" } });
    expect(imageRatio(unsized)).toBeCloseTo(768 / 1376);
  });
});

describe("imageColumns", () => {
  it("lays batches out in tidy grids, fewer columns for wide images", () => {
    expect([1, 2, 3, 4, 6, 9, 10].map((n) => imageColumns(n, 1))).toEqual([1, 2, 3, 2, 3, 3, 4]);
    expect(imageColumns(4, 16 / 9)).toBe(2);
    expect(imageColumns(3, 2.35)).toBe(2);
    expect(imageColumns(2, 9 / 16)).toBe(2);
  });
});

describe("multi-image cards keep tiles at least MIN_TILE_WIDTH wide", () => {
  // 1440 px: 1028 px of gallery, three 334.7 px columns.
  const desktop = (1028 - 2 * 12) / 3;
  const batch = (n: number, width = 1024, height = 1024) =>
    makeGeneration({
      images: Array.from({ length: n }, (_, i) => makeImage({ id: `i${i}`, width, height })),
    });
  const tile = (n: number, span: number, ratio = 1) => {
    const inner = span * desktop + (span - 1) * 12 - 24;
    const cols = imageColumns(n, ratio, inner);
    return (inner - (cols - 1) * 4) / cols;
  };

  it("spans two columns at 1440 px for three or more images", () => {
    expect(cardSpan(batch(1), 3, desktop)).toBe(1);
    expect(cardSpan(batch(2), 3, desktop)).toBe(1);
    expect(cardSpan(batch(3), 3, desktop)).toBe(2);
    expect(tile(3, 2)).toBeGreaterThanOrEqual(160);
    expect(cardSpan(batch(10), 3, desktop)).toBe(2);
    expect(tile(10, 2)).toBeGreaterThanOrEqual(160);
    expect(tile(2, 1)).toBeGreaterThanOrEqual(150);
  });

  it("puts fewer images side by side where it cannot span (phones)", () => {
    expect(cardSpan(batch(3), 1, 358)).toBe(1);
    expect(imageColumns(3, 1, 358 - 24)).toBe(2);
    expect(imageColumns(10, 9 / 16, 358 - 24)).toBe(2);
  });
});

describe("tileCount and estimateCardHeight", () => {
  it("reserves tiles for the images still coming", () => {
    const g = makeRunning({ images: [], input: { ...makeGeneration().input!, quantity: 4 } });
    expect(tileCount(g)).toBe(4);
    expect(tileCount(makeGeneration({ images: [], status: "failed" }))).toBe(0);
    const blocked = makeGeneration({
      status: "failed",
      images: [makeImage({ available: false, blockedReason: "blocked" })],
    });
    expect(tileCount(blocked)).toBe(0);
    const partial = makeGeneration({
      status: "failed",
      images: [makeImage(), makeImage({ id: "b2", available: false })],
    });
    expect(tileCount(partial)).toBe(2);
  });

  it("grows with taller images", () => {
    const square = makeGeneration();
    const tall = makeGeneration({ images: [makeImage({ width: 768, height: 1376 })] });
    expect(estimateCardHeight(tall, 320)).toBeGreaterThan(estimateCardHeight(square, 320));
  });
});

describe("chunk", () => {
  it("splits into rows", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
