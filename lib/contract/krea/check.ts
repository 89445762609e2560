// The browser's check of a Krea v2 input: the same rules, defaults and messages
// as kreaInputSchema (lib/contract/krea/schema.ts) in a few hundred bytes, so the builder
// validates as you type without shipping zod in the first load. The server still
// parses every request with the zod schema; lib/contract/krea/check.test.ts holds the two
// to the same answers over thousands of generated inputs.
import type { FieldErrors } from "@/lib/contract/krea/field-errors";
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
import type { KreaInput, StyleReference } from "./schema";

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const INPUT_KEYS = [
  "engine",
  "model",
  "operation",
  "prompt",
  "size",
  "aspectRatio",
  "creativity",
  "quantity",
  "seed",
  "imageStyleReferences",
] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

class Collector {
  readonly errors: FieldErrors = {};
  add(path: string, message: string): void {
    const list = (this.errors[path || "body"] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

function checkReference(raw: unknown, path: string, c: Collector): StyleReference | null {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!isObject(raw)) {
    c.add(path, MESSAGES.referenceNotObject);
    return null;
  }
  const before = Object.keys(c.errors).length;
  const { imageUrl, strength = KREA_DEFAULTS.strength } = raw;
  if (typeof imageUrl !== "string") c.add(at("imageUrl"), MESSAGES.imageUrlRequired);
  else {
    if (imageUrl.length < 1) c.add(at("imageUrl"), MESSAGES.imageUrlRequired);
    if (imageUrl.length > IMAGE_URL_MAX) c.add(at("imageUrl"), MESSAGES.imageUrlTooLong);
    if (!isHttpUrl(imageUrl)) c.add(at("imageUrl"), MESSAGES.imageUrlScheme);
  }
  if (typeof strength !== "number" || Number.isNaN(strength) || !Number.isFinite(strength)) {
    c.add(at("strength"), STRENGTH_MESSAGE);
  } else if (strength < STRENGTH_MIN || strength > STRENGTH_MAX) {
    c.add(at("strength"), STRENGTH_MESSAGE);
  }
  const extra = Object.keys(raw).filter((k) => k !== "imageUrl" && k !== "strength");
  for (const key of extra) c.add(at(key), unknownReferenceKeysMessage(extra));
  if (Object.keys(c.errors).length > before) return null;
  return { imageUrl: imageUrl as string, strength: strength as number };
}

/** The style reference check (used on references read back from storage). */
export function checkStyleReference(raw: unknown): Checked<StyleReference> {
  const c = new Collector();
  const value = checkReference(raw, "", c);
  return value && c.ok ? { ok: true, value } : { ok: false, errors: c.errors };
}

function enumField<T extends string>(
  raw: unknown,
  values: readonly T[],
  fallback: T,
  field: string,
  c: Collector,
): T {
  if (raw === undefined) return fallback;
  if (typeof raw === "string" && (values as readonly string[]).includes(raw)) return raw as T;
  c.add(field, oneOf(field, values));
  return fallback;
}

/** kreaInputSchema's answer for `raw`, without zod. */
export function checkKreaInput(raw: unknown): Checked<KreaInput> {
  const c = new Collector();
  if (!isObject(raw)) {
    c.add("", MESSAGES.notObject);
    return { ok: false, errors: c.errors };
  }
  const out: Record<string, unknown> = {};
  for (const [field, literal, message] of [
    ["engine", "fal", MESSAGES.engine],
    ["model", "krea2", MESSAGES.model],
    ["operation", "createImage", MESSAGES.operation],
  ] as const) {
    if (!(field in raw)) continue;
    if (raw[field] !== undefined && raw[field] !== literal) c.add(field, message);
    out[field] = raw[field];
  }

  const prompt = raw.prompt;
  if (typeof prompt !== "string") c.add("prompt", MESSAGES.promptRequired);
  else {
    if (prompt.length < 1) c.add("prompt", MESSAGES.promptRequired);
    if (prompt.length > PROMPT_MAX) c.add("prompt", MESSAGES.promptTooLong);
    if (prompt.length > 0 && prompt.trim().length === 0) c.add("prompt", MESSAGES.promptBlank);
    out.prompt = prompt;
  }
  out.size = enumField(raw.size, KREA_SIZES, KREA_DEFAULTS.size, "size", c);
  out.aspectRatio = enumField(
    raw.aspectRatio,
    ASPECT_RATIOS,
    KREA_DEFAULTS.aspectRatio,
    "aspectRatio",
    c,
  );
  out.creativity = enumField(
    raw.creativity,
    CREATIVITY_LEVELS,
    KREA_DEFAULTS.creativity,
    "creativity",
    c,
  );

  const quantity = raw.quantity === undefined ? KREA_DEFAULTS.quantity : raw.quantity;
  if (!Number.isInteger(quantity)) c.add("quantity", MESSAGES.quantityType);
  else if (typeof quantity === "number") {
    // zod: a whole number past the safe range fails its type and still gets the range checks.
    if (!isInt(quantity)) c.add("quantity", MESSAGES.quantityType);
    if (quantity < QUANTITY_MIN) c.add("quantity", MESSAGES.quantityMin);
    if (quantity > QUANTITY_MAX) c.add("quantity", MESSAGES.quantityMax);
  }
  out.quantity = quantity;

  if ("seed" in raw) {
    const seed = raw.seed;
    if (seed !== undefined && seed !== null) {
      if (!isInt(seed) || seed < 0 || seed > SEED_MAX) c.add("seed", MESSAGES.seed);
    }
    out.seed = seed;
  }

  const refs = raw.imageStyleReferences === undefined ? [] : raw.imageStyleReferences;
  if (!Array.isArray(refs)) c.add("imageStyleReferences", MESSAGES.referencesList);
  // Too many: that is the one thing to fix first (the references are not checked yet).
  else if (refs.length > STYLE_REFERENCES_MAX) {
    c.add("imageStyleReferences", MAX_REFERENCES_MESSAGE);
  } else {
    out.imageStyleReferences = refs.map((ref, i) =>
      checkReference(ref, `imageStyleReferences.${i}`, c),
    );
  }

  const extra = Object.keys(raw).filter((k) => !(INPUT_KEYS as readonly string[]).includes(k));
  for (const key of extra) c.add(key, unsupportedFieldMessage(key));

  return c.ok ? { ok: true, value: out as KreaInput } : { ok: false, errors: c.errors };
}
