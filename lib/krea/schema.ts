// The Krea v2 input contract, shared by the builder form, the studio's route
// handlers and the embedded engine. Written with zod/mini so the browser bundle
// stays small. Messages carry the orchestrator's own phrases ("size must be one
// of", "strength out of range", …) so a designer sees the same words whether the
// studio or the orchestrator refused the input.
import * as z from "zod/mini";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_DEFAULTS,
  KREA_SIZES,
  PROMPT_MAX,
  QUANTITY_MAX,
  QUANTITY_MIN,
  SEED_MAX,
  STRENGTH_MAX,
  STRENGTH_MIN,
  STYLE_REFERENCES_MAX,
} from "./options";

const oneOf = (field: string, values: readonly string[]) =>
  `${field} must be one of: ${values.join(", ")}`;

export const STRENGTH_MESSAGE = `strength out of range: use a number from ${STRENGTH_MIN} to ${STRENGTH_MAX}`;
export const MAX_REFERENCES_MESSAGE = `imageStyleReferences maxItems is ${STYLE_REFERENCES_MAX}: remove references until at most ${STYLE_REFERENCES_MAX} remain`;

/** Fields people send from other recipes, with what to do instead. */
const UNSUPPORTED_FIELDS: Record<string, string> = {
  negativePrompt:
    "Krea v2 does not accept negative prompts (negativePrompt); use a style reference with negative strength to steer away from a look",
  width: "Krea v2 does not accept width/height; pick an aspectRatio instead",
  height: "Krea v2 does not accept width/height; pick an aspectRatio instead",
  loras: "Krea v2 does not accept LoRAs",
  additionalNetworks: "Krea v2 does not accept LoRAs (additionalNetworks)",
  resources: "Krea v2 does not accept LoRAs or other resources",
};

export function unsupportedFieldMessage(field: string): string {
  return (
    UNSUPPORTED_FIELDS[field] ??
    `Krea v2 does not accept "${field}"; its fields are prompt, size, aspectRatio, creativity, quantity, seed and imageStyleReferences`
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const strength = z
  .number({ error: STRENGTH_MESSAGE })
  .check(z.minimum(STRENGTH_MIN, STRENGTH_MESSAGE), z.maximum(STRENGTH_MAX, STRENGTH_MESSAGE));

export const styleReferenceSchema = z.strictObject(
  {
    imageUrl: z
      .string({ error: "imageUrl is required" })
      .check(
        z.minLength(1, "imageUrl is required"),
        z.maxLength(4096, "imageUrl is too long (at most 4096 characters)"),
        z.refine(isHttpUrl, "imageUrl must be an http:// or https:// URL"),
      ),
    strength: z._default(strength, KREA_DEFAULTS.strength),
  },
  { error: unknownKeysError("a style reference") },
);

function unknownKeysError(where: string) {
  return (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys"
      ? `Krea v2 does not accept ${issue.keys?.map((k) => `"${k}"`).join(", ")} in ${where}`
      : undefined;
}

export const kreaInputSchema = z.strictObject(
  {
    engine: z.optional(z.literal("fal", 'engine must be "fal"')),
    model: z.optional(z.literal("krea2", 'model must be "krea2"')),
    operation: z.optional(z.literal("createImage", 'operation must be "createImage"')),
    prompt: z.string({ error: "prompt is required" }).check(
      z.minLength(1, "prompt is required"),
      z.maxLength(PROMPT_MAX, `prompt must be at most ${PROMPT_MAX} characters`),
      z.refine((s) => s.length === 0 || s.trim().length > 0, "prompt must not be only spaces"),
    ),
    size: z._default(z.enum(KREA_SIZES, oneOf("size", KREA_SIZES)), KREA_DEFAULTS.size),
    aspectRatio: z._default(
      z.enum(ASPECT_RATIOS, oneOf("aspectRatio", ASPECT_RATIOS)),
      KREA_DEFAULTS.aspectRatio,
    ),
    creativity: z._default(
      z.enum(CREATIVITY_LEVELS, oneOf("creativity", CREATIVITY_LEVELS)),
      KREA_DEFAULTS.creativity,
    ),
    quantity: z._default(
      z
        .int(`quantity must be a whole number from ${QUANTITY_MIN} to ${QUANTITY_MAX}`)
        .check(
          z.minimum(QUANTITY_MIN, `quantity must be at least ${QUANTITY_MIN}`),
          z.maximum(QUANTITY_MAX, `quantity must be at most ${QUANTITY_MAX}`),
        ),
      KREA_DEFAULTS.quantity,
    ),
    seed: z.optional(
      z.nullable(
        z
          .int(`seed must be a whole number from 0 to ${SEED_MAX}`)
          .check(
            z.minimum(0, `seed must be a whole number from 0 to ${SEED_MAX}`),
            z.maximum(SEED_MAX, `seed must be a whole number from 0 to ${SEED_MAX}`),
          ),
      ),
    ),
    imageStyleReferences: z._default(
      z
        .array(styleReferenceSchema, "imageStyleReferences must be a list")
        .check(z.maxLength(STYLE_REFERENCES_MAX, MAX_REFERENCES_MESSAGE)),
      () => [],
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map(unsupportedFieldMessage).join("; ")
        : issue.code === "invalid_type"
          ? "The input must be a JSON object with Krea v2 fields"
          : undefined,
  },
);

/** A validated Krea v2 input with every default applied. */
export type KreaInput = z.infer<typeof kreaInputSchema>;
/** What a caller may send: defaults optional. */
export type KreaInputDraft = z.input<typeof kreaInputSchema>;
export type StyleReference = z.infer<typeof styleReferenceSchema>;

/** A Krea input whose seed is fixed, as every submitted workflow's is. */
export type ResolvedKreaInput = KreaInput & { seed: number };
