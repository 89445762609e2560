import { describe, expect, it } from "vitest";
import { makeGeneration } from "@/lib/contract/generations/fixtures";
import type { GenerationsData } from "./cache";
import { keepLeadingPages } from "./trim-history";

const page = (from: number, n: number, prev: string | null = null) => ({
  items: Array.from({ length: n }, (_, i) => makeGeneration({ id: `g${from + i}` })),
  next: `c${from + n}`,
  prev,
});

function history(...pages: ReturnType<typeof page>[]): GenerationsData {
  return { pages, pageParams: pages.map((p, i) => (i === 0 ? null : `c${i}`)) };
}

describe("keepLeadingPages", () => {
  it("keeps the fewest leading pages that hold what is asked, cursors with them", () => {
    const data = history(page(0, 30), page(30, 30), page(60, 30));
    const kept = keepLeadingPages(data, 12);
    expect(kept.pages).toEqual([data.pages[0]]);
    expect(kept.pageParams).toEqual([null]);
    expect(keepLeadingPages(data, 31).pages).toEqual(data.pages.slice(0, 2));
  });

  it("counts pages with no items (a filtered scan) without stopping on them", () => {
    const data = history(page(0, 0), page(0, 5), page(5, 30));
    expect(keepLeadingPages(data, 4).pages).toHaveLength(2);
  });

  it("hands back the same view when every page is needed", () => {
    const data = history(page(0, 30), page(30, 30));
    expect(keepLeadingPages(data, 45)).toBe(data);
    expect(keepLeadingPages(data, 60)).toBe(data);
  });

  it("leaves a view whose newer pages were dropped as it is", () => {
    const data = history(page(30, 30, "c0"), page(60, 30), page(90, 30));
    expect(keepLeadingPages(data, 1)).toBe(data);
  });
});
