// The closed value sets of Krea v2 (recipe page and Krea2FalImageGenInput in the
// orchestrator's OpenAPI spec). Everything else in the studio derives from these.

export const KREA_SIZES = ["medium", "large"] as const;
export type KreaSize = (typeof KREA_SIZES)[number];

export const ASPECT_RATIOS = ["1:1", "4:3", "3:2", "16:9", "2.35:1", "4:5", "2:3", "9:16"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const CREATIVITY_LEVELS = ["raw", "low", "medium", "high"] as const;
export type Creativity = (typeof CREATIVITY_LEVELS)[number];

export const KREA_DEFAULTS = {
  size: "medium",
  aspectRatio: "1:1",
  creativity: "medium",
  quantity: 1,
  strength: 1,
} as const satisfies {
  size: KreaSize;
  aspectRatio: AspectRatio;
  creativity: Creativity;
  quantity: number;
  strength: number;
};

export const PROMPT_MAX = 5000;
export const QUANTITY_MIN = 1;
export const QUANTITY_MAX = 10;
export const STYLE_REFERENCES_MAX = 10;
export const STRENGTH_MIN = -2;
export const STRENGTH_MAX = 2;
/**
 * The recipe says uint32, but the OpenAPI spec types `seed` as int32, and the
 * orchestrator validates against the spec: anything above 2^31 − 1 is refused.
 */
export const SEED_MAX = 2_147_483_647;

/** Typical wall time per image, from the recipe's runtime table. */
export const TYPICAL_SECONDS: Record<KreaSize, { min: number; max: number }> = {
  medium: { min: 5, max: 15 },
  large: { min: 15, max: 40 },
};

export const TIER_PURPOSE: Record<KreaSize, string> = {
  medium: "Fast, cheaper iteration",
  large: "Higher fidelity for hero shots",
};

export const CREATIVITY_HINTS: Record<Creativity, string> = {
  raw: "Follows the prompt most literally",
  low: "Stays close to the prompt",
  medium: "Balanced interpretation",
  high: "Most interpretive license",
};

/** Draws a seed in 0..2147483647 (int32-safe) with a CSPRNG where one exists. */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return (buf[0] ?? 0) & SEED_MAX;
}
