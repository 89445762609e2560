import { describe, expect, it } from "vitest";
import { estimateCost, perImageCost, wholeBuzz } from "./pricing";

describe("pricing", () => {
  it.each([
    // the recipe's cost table: tier × style references
    ["medium", 0, 39],
    ["medium", 1, 45.5],
    ["large", 0, 78],
    ["large", 1, 84.5],
  ] as const)("%s with %i references costs %d per image", (size, refs, perImage) => {
    expect(perImageCost(size, refs > 0)).toBe(perImage);
    expect(estimateCost({ size, quantity: 1, styleReferenceCount: refs }).perImage).toBe(perImage);
  });

  it("charges the premium flat, however many references", () => {
    expect(estimateCost({ size: "medium", quantity: 1, styleReferenceCount: 10 }).perImage).toBe(
      45.5,
    );
    expect(estimateCost({ size: "large", quantity: 1, styleReferenceCount: 3 }).perImage).toBe(
      84.5,
    );
  });

  it.each([
    ["medium", 0, 1, 39, 39],
    ["medium", 0, 10, 390, 390],
    ["medium", 2, 1, 45.5, 46],
    ["medium", 2, 2, 91, 91],
    ["medium", 1, 3, 136.5, 137],
    ["large", 0, 2, 156, 156],
    ["large", 5, 1, 84.5, 85],
    ["large", 5, 10, 845, 845],
  ] as const)("%s, %i refs, ×%i: exact %d, whole %d", (size, refs, quantity, exact, total) => {
    const cost = estimateCost({ size, quantity, styleReferenceCount: refs });
    expect(cost.exactTotal).toBe(exact);
    expect(cost.total).toBe(total);
  });

  it("lists the premium as its own line", () => {
    const cost = estimateCost({ size: "large", quantity: 2, styleReferenceCount: 1 });
    expect(cost.lines).toEqual([
      { label: "Large tier", perImage: 78, quantity: 2, amount: 156 },
      { label: "Style reference premium", perImage: 6.5, quantity: 2, amount: 13 },
    ]);
    expect(
      estimateCost({ size: "medium", quantity: 1, styleReferenceCount: 0 }).lines,
    ).toHaveLength(1);
  });

  it("clamps a quantity outside 1–10 instead of pricing nonsense", () => {
    expect(estimateCost({ size: "medium", quantity: 0, styleReferenceCount: 0 }).total).toBe(39);
    expect(estimateCost({ size: "medium", quantity: 99, styleReferenceCount: 0 }).total).toBe(390);
  });

  it("rounds whole Buzz up without float noise", () => {
    expect(wholeBuzz(45.5)).toBe(46);
    expect(wholeBuzz(91)).toBe(91);
    expect(wholeBuzz(0.1 + 0.2 + 90.7)).toBe(91);
  });
});
