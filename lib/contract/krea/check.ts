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

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

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

/** One field's check: errors to `c`, the value (or its default) to `out`. */
function checkField(
  name: string,
  row: FieldRow,
  raw: Record<string, unknown>,
  out: Record<string, unknown>,
  c: Collector,
): void {
  const value = raw[name];
  switch (row.kind) {
    case "constant":
      if (!(name in raw)) return;
      if (value !== undefined && value !== row.value) c.add(name, row.error);
      out[name] = value;
      return;
    case "text":
      if (typeof value !== "string") c.add(name, MESSAGES.promptRequired);
      else {
        if (value.length < 1) c.add(name, MESSAGES.promptRequired);
        if (value.length > row.max) c.add(name, MESSAGES.promptTooLong);
        if (value.length > 0 && value.trim().length === 0) c.add(name, MESSAGES.promptBlank);
        out[name] = value;
      }
      return;
    case "enum":
      if (value === undefined) out[name] = row.default;
      else if (typeof value === "string" && row.values.includes(value)) out[name] = value;
      else {
        c.add(name, row.error);
        out[name] = row.default;
      }
      return;
    case "count": {
      const n = value === undefined ? row.default : value;
      if (!Number.isInteger(n)) c.add(name, MESSAGES.quantityType);
      else if (typeof n === "number") {
        // zod: a whole number past the safe range fails its type and still gets the range checks.
        if (!isInt(n)) c.add(name, MESSAGES.quantityType);
        if (n < row.min) c.add(name, MESSAGES.quantityMin);
        if (n > row.max) c.add(name, MESSAGES.quantityMax);
      }
      out[name] = n;
      return;
    }
    case "seed":
      if (!(name in raw)) return;
      if (value !== undefined && value !== null) {
        if (!isInt(value) || value < 0 || value > row.max) c.add(name, MESSAGES.seed);
      }
      out[name] = value;
      return;
    case "references": {
      const refs = value === undefined ? [] : value;
      if (!Array.isArray(refs)) c.add(name, MESSAGES.referencesList);
      // Too many: that is the one thing to fix first (the references are not checked yet).
      else if (refs.length > row.max) c.add(name, MAX_REFERENCES_MESSAGE);
      else out[name] = refs.map((ref, i) => checkReference(ref, `${name}.${i}`, c));
      return;
    }
    default:
      unhandledKind(row);
  }
}

/** kreaInputSchema's answer for `raw`, without zod: each table row checked in table order. */
export function checkKreaInput(raw: unknown): Checked<KreaInput> {
  const c = new Collector();
  if (!isObject(raw)) {
    c.add("", MESSAGES.notObject);
    return { ok: false, errors: c.errors };
  }
  const out: Record<string, unknown> = {};
  for (const name of KREA_FIELD_NAMES) checkField(name, KREA_FIELDS[name], raw, out, c);

  const known: readonly string[] = KREA_FIELD_NAMES;
  const extra = Object.keys(raw).filter((k) => !known.includes(k));
  for (const key of extra) c.add(key, unsupportedFieldMessage(key));

  return c.ok ? { ok: true, value: out as KreaInput } : { ok: false, errors: c.errors };
}
