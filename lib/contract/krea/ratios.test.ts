import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS } from "./options";
import { RATIO_TABLE, formatSize } from "./ratios";

describe("ratio table", () => {
  it("covers all eight ratios with the sizes from DESIGN.md", () => {
    expect(Object.keys(RATIO_TABLE).sort()).toEqual([...ASPECT_RATIOS].sort());
    expect(formatSize("16:9")).toBe("1376×768");
    expect(formatSize("4:3")).toBe("1184×896");
    expect(formatSize("3:2")).toBe("1248×832");
    expect(formatSize("1:1")).toBe("1024×1024");
    expect(formatSize("4:5")).toBe("928×1152");
    expect(formatSize("2:3")).toBe("832×1248");
    expect(formatSize("9:16")).toBe("768×1376");
    expect(formatSize("2.35:1")).toBe("1568×672");
  });

  it("marks the unpublished sizes as assumed", () => {
    const assumed = ASPECT_RATIOS.filter((r) => RATIO_TABLE[r].source === "assumed");
    expect(assumed.sort()).toEqual(["2.35:1", "2:3", "9:16"].sort());
  });

  it("keeps each size close to its ratio", () => {
    for (const r of ASPECT_RATIOS) {
      const [a, b] = r.split(":").map(Number) as [number, number];
      const { width, height } = RATIO_TABLE[r];
      expect(Math.abs(width / height - a / b) / (a / b)).toBeLessThan(0.03);
    }
  });
});
