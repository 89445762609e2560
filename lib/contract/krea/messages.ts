// The words the Krea v2 contract refuses input with, shared by the zod schema
// (server, engine) and the lean browser check (lib/contract/krea/check.ts). They carry
// the orchestrator's own phrases so a designer reads the same words whichever
// side refused the input.
import {
  PROMPT_MAX,
  QUANTITY_MAX,
  QUANTITY_MIN,
  SEED_MAX,
  STRENGTH_MAX,
  STRENGTH_MIN,
  STYLE_REFERENCES_MAX,
} from "./options";

export const oneOf = (field: string, values: readonly string[]) =>
  `${field} must be one of: ${values.join(", ")}`;

export const MESSAGES = {
  notObject: "The input must be a JSON object with Krea v2 fields",
  engine: 'engine must be "fal"',
  model: 'model must be "krea2"',
  operation: 'operation must be "createImage"',
  promptRequired: "prompt is required",
  promptTooLong: `prompt must be at most ${PROMPT_MAX} characters`,
  promptBlank: "prompt must not be only spaces",
  quantityType: `quantity must be a whole number from ${QUANTITY_MIN} to ${QUANTITY_MAX}`,
  quantityMin: `quantity must be at least ${QUANTITY_MIN}`,
  quantityMax: `quantity must be at most ${QUANTITY_MAX}`,
  seed: `seed must be a whole number from 0 to ${SEED_MAX}`,
  referencesList: "imageStyleReferences must be a list",
  referenceNotObject: "A style reference must be an object with imageUrl and strength",
  imageUrlRequired: "imageUrl is required",
  imageUrlTooLong: "imageUrl is too long (at most 4096 characters)",
  imageUrlScheme: "imageUrl must be an http:// or https:// URL",
} as const;

export const IMAGE_URL_MAX = 4096;

export const STRENGTH_MESSAGE = `strength out of range: use a number from ${STRENGTH_MIN} to ${STRENGTH_MAX}`;
export const MAX_REFERENCES_MESSAGE = `imageStyleReferences maxItems is ${STYLE_REFERENCES_MAX}: remove references until at most ${STYLE_REFERENCES_MAX} remain`;

/** Fields people send from other recipes, with what to do instead. */
export const UNSUPPORTED_FIELDS: Record<string, string> = {
  negativePrompt:
    "Krea v2 does not accept negative prompts (negativePrompt); use a style reference with negative strength to steer away from a look",
  width: "Krea v2 does not accept width/height; pick an aspectRatio instead",
  height: "Krea v2 does not accept width/height; pick an aspectRatio instead",
  loras: "Krea v2 does not accept LoRAs",
  additionalNetworks: "Krea v2 does not accept LoRAs (additionalNetworks)",
  resources: "Krea v2 does not accept LoRAs or other resources",
};

export function unknownReferenceKeysMessage(keys: readonly string[]): string {
  return `Krea v2 does not accept ${keys.map((k) => `"${k}"`).join(", ")} in a style reference`;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
