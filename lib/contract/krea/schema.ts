// The Krea v2 input as zod, one field per row of the field table (fields.ts),
// parsed by the studio's route handlers. The browser checks the form with the lean
// check.ts instead (a property test holds the two to the same answers), so zod
// stays out of the page's first load. Messages (messages.ts) carry the
// orchestrator's own phrases so a designer reads the same words whichever side refused.
import * as z from "zod/mini";
import {
  IMAGE_URL_MAX,
  isHttpUrl,
  MAX_REFERENCES_MESSAGE,
  MESSAGES,
  STRENGTH_MESSAGE,
  unknownReferenceKeysMessage,
} from "./messages";
import {
  KREA_FIELD_NAMES,
  KREA_FIELDS,
  unhandledKind,
  unsupportedFieldMessage,
  type FieldRow,
  type KreaInput,
  type StyleReference,
} from "./fields";
import { KREA_DEFAULTS, STRENGTH_MAX, STRENGTH_MIN } from "./options";

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

/** One field's zod schema, from its table row (lib/contract/krea/fields.ts). */
function fieldSchema(row: FieldRow): z.ZodMiniType {
  switch (row.kind) {
    case "constant":
      return z.optional(z.literal(row.value, row.error));
    case "enum":
      return z._default(z.enum(row.values, row.error), row.default);
    case "text":
      return z.string({ error: MESSAGES.promptRequired }).check(
        z.minLength(1, MESSAGES.promptRequired),
        z.maxLength(row.max, MESSAGES.promptTooLong),
        z.refine((s) => s.length === 0 || s.trim().length > 0, MESSAGES.promptBlank),
      );
    case "count":
      return z._default(
        z
          .int(MESSAGES.quantityType)
          .check(
            z.minimum(row.min, MESSAGES.quantityMin),
            z.maximum(row.max, MESSAGES.quantityMax),
          ),
        row.default,
      );
    case "seed":
      return z.optional(
        z.nullable(
          z
            .int(MESSAGES.seed)
            .check(z.minimum(0, MESSAGES.seed), z.maximum(row.max, MESSAGES.seed)),
        ),
      );
    case "references":
      return z._default(
        z
          .array(styleReferenceSchema, MESSAGES.referencesList)
          .check(z.maxLength(row.max, MAX_REFERENCES_MESSAGE)),
        () => [],
      );
    default:
      return unhandledKind(row);
  }
}

const shape = Object.fromEntries(
  KREA_FIELD_NAMES.map((name) => [name, fieldSchema(KREA_FIELDS[name])]),
);

/**
 * The Krea v2 input, one zod field per table row. The shape is built from the
 * table, so its type is stated: check.test.ts and fields.test.ts hold the parsed
 * values to KreaInput for every field.
 */
export const kreaInputSchema = z.strictObject(shape, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map(unsupportedFieldMessage).join("; ")
      : issue.code === "invalid_type"
        ? MESSAGES.notObject
        : undefined,
}) as unknown as z.ZodMiniType<KreaInput, Record<string, unknown>>;

export type { KreaInput, StyleReference };
