// The Krea v2 facts the engine acts on, written out from their sources and
// never taken from the studio's own tables: the engine must be able to catch
// the studio's mistakes, as Civitai would. Sources: the OpenAPI spec's
// Krea2FalImageGenInput (enums, ranges) and the recipe page
// (shared/reference/krea-v2-on-civitai.txt: prices, runtimes, measured sizes).

export const KREA_SIZES = ["medium", "large"] as const;
export type KreaSize = (typeof KREA_SIZES)[number];

export const ASPECT_RATIOS = ["1:1", "4:3", "3:2", "16:9", "2.35:1", "4:5", "2:3", "9:16"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const CREATIVITY_LEVELS = ["raw", "low", "medium", "high"] as const;
export type Creativity = (typeof CREATIVITY_LEVELS)[number];

/** Spec: seed is int32. The recipe's uint32 adds the lower bound. */
export const SEED_MAX = 2_147_483_647;

/** Spec WorkflowTemplate.tags: "At most 10 tags … Each tag can be at most 200 characters long." */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 200;

/** Recipe "Cost": Buzz per image by tier, and the flat premium when any style reference is attached. */
const PRICE_PER_IMAGE: Record<KreaSize, number> = { medium: 39, large: 78 };
export const STYLE_REFERENCE_PREMIUM = 6.5;

export function perImagePrice(size: KreaSize, hasStyleReferences: boolean): number {
  return PRICE_PER_IMAGE[size] + (hasStyleReferences ? STYLE_REFERENCE_PREMIUM : 0);
}

/** Whole Buzz (the spec types cost.total and transactions as int32): rounded up, float noise removed. */
export function wholeBuzz(exact: number): number {
  return Math.ceil(Math.round(exact * 1000) / 1000);
}

/** Recipe "Runtime": typical wall time per image, in seconds. */
export const TYPICAL_SECONDS: Record<KreaSize, { min: number; max: number }> = {
  medium: { min: 5, max: 15 },
  large: { min: 15, max: 40 },
};

/**
 * Output size per ratio, the same for both tiers: measured from real
 * generations where marked, otherwise assumed (transposes; 2.35:1 unpublished).
 */
export const OUTPUT_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  "1:1": { width: 1024, height: 1024 },
  "4:3": { width: 1184, height: 896 },
  "3:2": { width: 1248, height: 832 },
  "16:9": { width: 1376, height: 768 },
  "2.35:1": { width: 1568, height: 672 },
  "4:5": { width: 928, height: 1152 },
  "2:3": { width: 832, height: 1248 },
  "9:16": { width: 768, height: 1376 },
};

/** A seed drawn when none is given: 0..SEED_MAX from a CSPRNG. */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return (buf[0] ?? 0) & SEED_MAX;
}
