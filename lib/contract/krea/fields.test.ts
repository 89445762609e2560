// The field table against everything derived from it. Type checks (run by
// `npm run typecheck`): the table covers exactly KreaInput's keys, a row missing a
// property is refused, a new kind fails the exhaustive switches. Runtime checks:
// for every row, the schema, lean check, workflow body, chips, sidecar and tags
// carry the field as the row says, over generated inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chipsOf,
  fieldTags,
  KREA_FIELD_NAMES,
  KREA_FIELDS,
  sidecarSettings,
  unhandledKind,
  type FieldRow,
  type KreaInput,
  type StyleReference,
} from "./fields";
import { checkKreaInput } from "./check";
import { kreaInputSchema } from "./schema";
import { toStepInput } from "./workflow-body";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// The table covers exactly keyof KreaInput, and KreaInput is the input the API took before the table.
export const coversInput: Equal<keyof typeof KREA_FIELDS, keyof KreaInput> = true;
export const sameShape: Equal<
  KreaInput,
  {
    prompt: string;
    size: "medium" | "large";
    aspectRatio: "1:1" | "4:3" | "3:2" | "16:9" | "2.35:1" | "4:5" | "2:3" | "9:16";
    creativity: "raw" | "low" | "medium" | "high";
    quantity: number;
    imageStyleReferences: StyleReference[];
    engine?: "fal" | undefined;
    model?: "krea2" | undefined;
    operation?: "createImage" | undefined;
    seed?: number | null | undefined;
  }
> = true;
// The table satisfies the mapped type over KreaInput's keys…
export const table = KREA_FIELDS satisfies { [K in keyof KreaInput]-?: FieldRow };
// …so one without a row for a field of the input does not.
// @ts-expect-error: no row for `seed`
export const withoutSeed: { [K in keyof KreaInput]-?: FieldRow } = (({ seed: _, ...rest }) => rest)(
  KREA_FIELDS,
);
// A row missing a property (here its filter tag) is not a field row.
export const missingTag = {
  // @ts-expect-error: `tag` is missing
  style: {
    kind: "enum",
    label: "Style",
    values: ["photo", "illustration"],
    default: "photo",
    error: "style must be one of: photo, illustration",
    message: "Pick a style.",
    reuse: true,
    chip: () => null,
    sidecar: true,
  },
} satisfies Record<string, FieldRow>;
// A new kind of row fails every switch that does not handle it.
// @ts-expect-error: "colour" is not a handled kind
export const newKind = () => unhandledKind("colour");

/** A valid value for a row, so any input built from the table parses. */
function valueOf(row: FieldRow): fc.Arbitrary<unknown> {
  switch (row.kind) {
    case "constant":
      return fc.constant(row.value);
    case "enum":
      return fc.constantFrom(...row.values);
    case "text":
      return fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
    case "count":
      return fc.integer({ min: row.min, max: row.max });
    case "seed":
      return fc.integer({ min: 0, max: row.max });
    case "references":
      return fc.array(
        fc.record({
          imageUrl: fc.webUrl({ validSchemes: ["https"] }),
          strength: fc.constantFrom(-2, -0.5, 0, 1, 2),
        }),
        { maxLength: row.max },
      );
    default:
      return unhandledKind(row);
  }
}

const input = fc.record(
  Object.fromEntries(KREA_FIELD_NAMES.map((n) => [n, valueOf(KREA_FIELDS[n])])),
) as fc.Arbitrary<KreaInput & { seed: number }>;

const rows = KREA_FIELD_NAMES.map((name) => [name, KREA_FIELDS[name] as FieldRow] as const);
const ctx = { pixels: null, strength: (n: number) => String(n) };

describe("the Krea field table", () => {
  it("is what the schema and the lean check accept and default, field by field", () => {
    const parsed = kreaInputSchema.parse({ prompt: "p" });
    for (const [name, row] of rows) {
      if (row.kind === "constant" || row.kind === "seed") expect(name in parsed).toBe(false);
      else if (row.kind !== "text") expect(parsed[name]).toEqual(row.default);
    }
    expect(checkKreaInput({ prompt: "p" })).toEqual({ ok: true, value: parsed });
  });

  it("flows into the schema, check, workflow body, tags, sidecar and chips for every field", () => {
    fc.assert(
      fc.property(input, (raw) => {
        const parsed = kreaInputSchema.parse(raw);
        expect(checkKreaInput(raw)).toEqual({ ok: true, value: parsed });
        const body = toStepInput({ ...parsed, seed: raw.seed });
        // Every row, in table order (the body's key order).
        expect(Object.keys(body)).toEqual(KREA_FIELD_NAMES);
        for (const [name] of rows) expect(body[name]).toEqual(raw[name]);

        const tagged = rows.filter(([, row]) => row.tag !== null);
        expect(fieldTags(raw)).toEqual(tagged.map(([n, row]) => `${row.tag}${String(raw[n])}`));

        const inSidecar = rows.filter(([, row]) => row.sidecar).map(([n]) => n);
        expect(sidecarSettings(raw)).toEqual(Object.fromEntries(inSidecar.map((n) => [n, raw[n]])));

        const chips = rows.flatMap(([n, row]) => {
          const chip = (row.chip as (v: unknown, c: typeof ctx) => unknown)(raw[n], ctx);
          return chip ? [chip] : [];
        });
        expect(chipsOf(raw, ctx)).toEqual(chips);
      }),
      { numRuns: 300 },
    );
  });

  it("shows each enum value on its chip and its tag", () => {
    for (const [name, row] of rows) {
      if (row.kind !== "enum") continue;
      for (const value of row.values) {
        const chip = row.chip(value, ctx);
        if (chip) expect(chip.label.toLowerCase()).toContain(value.toLowerCase());
        if (row.tag) {
          const seeded = { ...kreaInputSchema.parse({ prompt: "p", [name]: value }), seed: 1 };
          expect(fieldTags(seeded)).toContain(`${row.tag}${value}`);
        }
      }
    }
  });

  it("refuses a value outside an enum row with the row's error", () => {
    for (const [name, row] of rows) {
      if (row.kind !== "enum") continue;
      const checked = checkKreaInput({ prompt: "p", [name]: "nope" });
      expect(checked).toEqual({ ok: false, errors: { [name]: [row.error] } });
      expect(kreaInputSchema.safeParse({ prompt: "p", [name]: "nope" }).success).toBe(false);
    }
  });
});
