// The Krea v2 input contract, shared by the builder form, the studio's route
// handlers and the embedded engine. The browser checks the form with the lean
// lib/contract/krea/check.ts instead (a property test holds the two to the same answers),
// so zod stays out of the page's first load. Messages (lib/contract/krea/messages.ts) carry the orchestrator's own phrases ("size must be one
// of", "strength out of range", …) so a designer sees the same words whether the
// studio or the orchestrator refused the input.
import * as z from "zod/mini";
import {
  IMAGE_URL_MAX,
  isHttpUrl,
  MAX_REFERENCES_MESSAGE,
  MESSAGES,
  oneOf,
  STRENGTH_MESSAGE,
  unknownReferenceKeysMessage,
  unsupportedFieldMessage,
} from "./messages";
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

export { MAX_REFERENCES_MESSAGE, STRENGTH_MESSAGE, unsupportedFieldMessage };

const strength = z
  .number({ error: STRENGTH_MESSAGE })
  .check(z.minimum(STRENGTH_MIN, STRENGTH_MESSAGE), z.maximum(STRENGTH_MAX, STRENGTH_MESSAGE));

export const styleReferenceSchema = z.strictObject(
  {
    imageUrl: z
      .string({ error: MESSAGES.imageUrlRequired })
      .check(
        z.minLength(1, MESSAGES.imageUrlRequired),
        z.maxLength(IMAGE_URL_MAX, MESSAGES.imageUrlTooLong),
        z.refine(isHttpUrl, MESSAGES.imageUrlScheme),
      ),
    strength: z._default(strength, KREA_DEFAULTS.strength),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? unknownReferenceKeysMessage(issue.keys)
        : issue.code === "invalid_type"
          ? MESSAGES.referenceNotObject
          : undefined,
  },
);

export const kreaInputSchema = z.strictObject(
  {
    engine: z.optional(z.literal("fal", MESSAGES.engine)),
    model: z.optional(z.literal("krea2", MESSAGES.model)),
    operation: z.optional(z.literal("createImage", MESSAGES.operation)),
    prompt: z.string({ error: MESSAGES.promptRequired }).check(
      z.minLength(1, MESSAGES.promptRequired),
      z.maxLength(PROMPT_MAX, MESSAGES.promptTooLong),
      z.refine((s) => s.length === 0 || s.trim().length > 0, MESSAGES.promptBlank),
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
        .int(MESSAGES.quantityType)
        .check(
          z.minimum(QUANTITY_MIN, MESSAGES.quantityMin),
          z.maximum(QUANTITY_MAX, MESSAGES.quantityMax),
        ),
      KREA_DEFAULTS.quantity,
    ),
    seed: z.optional(
      z.nullable(
        z.int(MESSAGES.seed).check(z.minimum(0, MESSAGES.seed), z.maximum(SEED_MAX, MESSAGES.seed)),
      ),
    ),
    imageStyleReferences: z._default(
      z
        .array(styleReferenceSchema, MESSAGES.referencesList)
        .check(z.maxLength(STYLE_REFERENCES_MAX, MAX_REFERENCES_MESSAGE)),
      () => [],
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map(unsupportedFieldMessage).join("; ")
        : issue.code === "invalid_type"
          ? MESSAGES.notObject
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
