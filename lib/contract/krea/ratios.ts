import type { AspectRatio } from "./options";

export interface RatioSpec {
  ratio: AspectRatio;
  width: number;
  height: number;
  /** measured from real generations, or our assumption where Krea publishes nothing */
  source: "measured" | "assumed";
}

// Same pixel size for both tiers. The gallery trusts each image's own width/height;
// this table is for previews, skeletons and the embedded engine's renders.
export const RATIO_TABLE: Record<AspectRatio, RatioSpec> = {
  "1:1": { ratio: "1:1", width: 1024, height: 1024, source: "measured" },
  "4:3": { ratio: "4:3", width: 1184, height: 896, source: "measured" },
  "3:2": { ratio: "3:2", width: 1248, height: 832, source: "measured" },
  "16:9": { ratio: "16:9", width: 1376, height: 768, source: "measured" },
  "2.35:1": { ratio: "2.35:1", width: 1568, height: 672, source: "assumed" },
  "4:5": { ratio: "4:5", width: 928, height: 1152, source: "measured" },
  "2:3": { ratio: "2:3", width: 832, height: 1248, source: "assumed" },
  "9:16": { ratio: "9:16", width: 768, height: 1376, source: "assumed" },
};

export function outputSize(ratio: AspectRatio): { width: number; height: number } {
  const { width, height } = RATIO_TABLE[ratio];
  return { width, height };
}

export function formatSize(ratio: AspectRatio): string {
  const { width, height } = RATIO_TABLE[ratio];
  return `${width}×${height}`;
}
