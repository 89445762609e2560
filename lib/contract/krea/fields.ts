// The one table of the Krea v2 input: every field the studio reads or sends,
// with its values, default, messages, and where it shows up (Reuse, the card's
// chips, the zip sidecar, the filter tags). KreaInput is derived from it, and the
// schema, lean check, workflow body, draft, Reuse, chips, sidecar and tags are
// derived from it or switch over `kind` exhaustively, so a new row flows
// everywhere or fails `tsc` where it does not (fields.test-d.ts).
import { MESSAGES, oneOf, UNSUPPORTED_FIELDS } from "./messages";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_DEFAULTS,
  KREA_SIZES,
  PROMPT_MAX,
  QUANTITY_MAX,
  QUANTITY_MIN,
  SEED_MAX,
  STYLE_REFERENCES_MAX,
} from "./options";

export interface StyleReference {
  imageUrl: string;
  strength: number;
}

/** A chip on the gallery card: short label, longer title for screen readers and tooltips. */
export interface Chip {
  key: string;
  label: string;
  title: string;
}

/** What a chip may need beyond the value: the delivered pixel size, the strength wording. */
export interface ChipContext {
  pixels: string | null;
  strength: (value: number) => string;
}

interface Common<V> {
  /** what a person calls the field */
  label: string;
  /** "Reuse settings" and "Remix" load it into the builder */
  reuse: boolean;
  /** how the gallery card shows it; null: not on the card (a method, so rows of narrower values fit) */
  chip(value: V, ctx: ChipContext): Chip | null;
  /** listed under `settings` in a zip's JSON sidecar */
  sidecar: boolean;
  /** the prefix of its filter tag (`size:medium`); null: not a tag */
  tag: string | null;
}

/** A value the orchestrator requires and the studio always sends the same (engine, model…). */
export interface ConstantRow<V extends string> extends Common<V> {
  kind: "constant";
  value: V;
  /** the contract's refusal */
  error: string;
}

/** A closed set of values, picked from a list in the builder. */
export interface EnumRow<V extends string> extends Common<V> {
  kind: "enum";
  values: readonly V[];
  default: V;
  /** the contract's refusal, in the orchestrator's words */
  error: string;
  /** the builder's words for the same refusal */
  message: string;
}

export interface TextRow extends Common<string> {
  kind: "text";
  max: number;
  default: string;
  message: string;
}

export interface CountRow extends Common<number> {
  kind: "count";
  min: number;
  max: number;
  default: number;
  message: string;
}

export interface SeedRow extends Common<number> {
  kind: "seed";
  max: number;
  /** null: a fresh random seed at each Generate */
  default: null;
  message: string;
}

export interface ReferencesRow extends Common<StyleReference[]> {
  kind: "references";
  max: number;
  default: readonly [];
  message: string;
}

export type FieldRow =
  ConstantRow<string> | EnumRow<string> | TextRow | CountRow | SeedRow | ReferencesRow;
export type FieldKind = FieldRow["kind"];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const constant = <V extends string>(value: V, error: string): ConstantRow<V> => ({
  kind: "constant",
  value,
  error,
  label: value,
  reuse: false,
  chip: () => null,
  sidecar: false,
  tag: null,
});
const pickOne = <const V extends string>(
  name: string,
  row: Omit<EnumRow<V>, "kind" | "error">,
): EnumRow<V> => ({ kind: "enum", error: oneOf(name, row.values), ...row });

/** In the recipe's order, which is also the order of the workflow body's keys. */
export const KREA_FIELDS = {
  engine: constant("fal", MESSAGES.engine),
  model: constant("krea2", MESSAGES.model),
  operation: constant("createImage", MESSAGES.operation),
  prompt: {
    kind: "text",
    label: "Prompt",
    max: PROMPT_MAX,
    default: "",
    message: "Describe the image first.",
    reuse: true,
    chip: () => null,
    sidecar: false,
    tag: null,
  },
  size: pickOne("size", {
    label: "Tier",
    values: KREA_SIZES,
    default: KREA_DEFAULTS.size,
    message: "Pick a tier: Medium or Large.",
    reuse: true,
    chip: (v) => ({ key: "size", label: capital(v), title: `Tier: ${v}` }),
    sidecar: true,
    tag: "size:",
  }),
  aspectRatio: pickOne("aspectRatio", {
    label: "Aspect ratio",
    values: ASPECT_RATIOS,
    default: KREA_DEFAULTS.aspectRatio,
    message: "Pick one of the aspect ratios shown.",
    reuse: true,
    chip: (v, { pixels }) => ({
      key: "ratio",
      label: pixels ? `${v} · ${pixels}` : v,
      title: pixels ? `Aspect ratio ${v}, ${pixels} pixels` : `Aspect ratio ${v}`,
    }),
    sidecar: true,
    tag: "ratio:",
  }),
  creativity: pickOne("creativity", {
    label: "Creativity",
    values: CREATIVITY_LEVELS,
    default: KREA_DEFAULTS.creativity,
    message: "Pick a creativity level: raw, low, medium or high.",
    reuse: true,
    chip: (v) => ({ key: "creativity", label: `Creativity ${v}`, title: `Creativity: ${v}` }),
    sidecar: true,
    tag: "creativity:",
  }),
  quantity: {
    kind: "count",
    label: "Images",
    min: QUANTITY_MIN,
    max: QUANTITY_MAX,
    default: KREA_DEFAULTS.quantity,
    message: `Choose a whole number of images, ${QUANTITY_MIN} to ${QUANTITY_MAX}.`,
    reuse: true,
    chip: (v) => (v > 1 ? { key: "quantity", label: `×${v}`, title: `${v} images` } : null),
    sidecar: true,
    tag: null,
  },
  seed: {
    kind: "seed",
    label: "Seed",
    max: SEED_MAX,
    default: null,
    message: `A seed is a whole number from 0 to ${SEED_MAX.toLocaleString("en-US")}. Leave it empty for a random one.`,
    // Reuse decides the seed itself (kept or fresh, LoadPlan.seed).
    reuse: false,
    chip: () => null,
    sidecar: true,
    tag: "seed:",
  },
  imageStyleReferences: {
    kind: "references",
    label: "Style references",
    max: STYLE_REFERENCES_MAX,
    default: [],
    message: `At most ${STYLE_REFERENCES_MAX} style references: remove one to add another.`,
    reuse: true,
    chip: (refs, { strength }) => {
      if (refs.length === 0) return null;
      const strengths = refs.map((r) => strength(r.strength)).join(", ");
      const s = refs.length === 1 ? "" : "s";
      return {
        key: "refs",
        label: `${refs.length} style ref${s} (${strengths})`,
        title: `${refs.length} style reference${s}, strengths ${strengths}`,
      };
    },
    sidecar: true,
    tag: null,
  },
} as const satisfies Record<string, FieldRow>;

export type KreaFields = typeof KREA_FIELDS;
export type KreaField = keyof KreaFields;

/** The value a row stands for. */
export type ValueOf<R> =
  R extends ConstantRow<infer V>
    ? V
    : R extends EnumRow<infer V>
      ? V
      : R extends TextRow
        ? string
        : R extends CountRow
          ? number
          : R extends SeedRow
            ? number | null
            : R extends ReferencesRow
              ? StyleReference[]
              : never;

/** Fields a request may leave out and that stay out of the parsed input (no default fills them). */
type OptionalKind = "constant" | "seed";
type OptionalField = {
  [K in KreaField]: KreaFields[K]["kind"] extends OptionalKind ? K : never;
}[KreaField];
type Flatten<T> = { [K in keyof T]: T[K] };

/** A valid Krea v2 input with every default applied: what the studio's API accepts and sends. */
export type KreaInput = Flatten<
  { [K in Exclude<KreaField, OptionalField>]: ValueOf<KreaFields[K]> } & {
    [K in OptionalField]?: ValueOf<KreaFields[K]> | undefined;
  }
>;

/** The field names in table order. */
export const KREA_FIELD_NAMES = Object.keys(KREA_FIELDS) as KreaField[];

/** A field the designer sets: every row but the constants the body adds. */
export type KreaSetting = {
  [K in KreaField]: KreaFields[K]["kind"] extends "constant" ? never : K;
}[KreaField];

const isSetting = (name: KreaField): name is KreaSetting => KREA_FIELDS[name].kind !== "constant";
/** The settings in table order: what a stored workflow's input is read back by. */
export const KREA_SETTINGS: readonly KreaSetting[] = KREA_FIELD_NAMES.filter(isSetting);

/** Why a field is refused: what to do instead for ones people bring from other recipes, else the list of settings. */
export function unsupportedFieldMessage(field: string): string {
  const list = `${KREA_SETTINGS.slice(0, -1).join(", ")} and ${KREA_SETTINGS.at(-1) ?? ""}`;
  return UNSUPPORTED_FIELDS[field] ?? `Krea v2 does not accept "${field}"; its fields are ${list}`;
}

/** The card's chips for an input, in table order (fields whose row shows none are left out). */
export function chipsOf(input: KreaInput, ctx: ChipContext): Chip[] {
  const out: Chip[] = [];
  for (const name of KREA_FIELD_NAMES) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    // Each row's chip reads its own field's value; KreaInput is derived from the same rows.
    const chip = KREA_FIELDS[name].chip as (v: unknown, ctx: ChipContext) => Chip | null;
    const made = chip(value, ctx);
    if (made) out.push(made);
  }
  return out;
}

/** The zip sidecar's `settings`: the rows marked `sidecar`, a missing value as null. */
export function sidecarSettings(input: KreaInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of KREA_FIELD_NAMES)
    if (KREA_FIELDS[name].sidecar) out[name] = input[name] ?? null;
  return out;
}

/** The filter tags of a seeded input (`size:medium`, `seed:42`…), one per row with a tag prefix. */
export function fieldTags(input: KreaInput & { seed: number }): string[] {
  const out: string[] = [];
  for (const name of KREA_FIELD_NAMES) {
    const row: FieldRow = KREA_FIELDS[name];
    if (row.tag !== null) out.push(`${row.tag}${String(input[name])}`);
  }
  return out;
}

/** Rows of one kind, with their names, in table order. */
export function rowsOf<T extends FieldKind>(
  kind: T,
): [KreaField, Extract<FieldRow, { kind: T }>][] {
  const out: [KreaField, Extract<FieldRow, { kind: T }>][] = [];
  for (const name of KREA_FIELD_NAMES) {
    const row: FieldRow = KREA_FIELDS[name];
    if (row.kind === kind) out.push([name, row as Extract<FieldRow, { kind: T }>]);
  }
  return out;
}

/** For a switch over every kind: a new kind fails tsc at each switch that does not handle it. */
export function unhandledKind(kind: never): never {
  throw new Error(`unhandled Krea field kind: ${String(kind)}`);
}
