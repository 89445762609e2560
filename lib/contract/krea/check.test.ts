import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParse } from "zod/v4/core";
import { toFieldErrors } from "@/lib/contract/krea/field-errors";
import { checkKreaInput, checkStyleReference } from "./check";
import { ASPECT_RATIOS, CREATIVITY_LEVELS, KREA_SIZES, SEED_MAX } from "./options";
import { kreaInputSchema, styleReferenceSchema } from "./schema";

// The lean browser check must give the zod schema's answer: the same
// accept/refuse, the same parsed value, the same message under each field.
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer(),
  fc.constant(Number.NaN),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
const around = (lo: number, hi: number) =>
  fc.oneof(
    fc.integer({ min: lo - 2, max: hi + 2 }),
    fc.constantFrom(lo - 0.5, hi + 0.5, lo, hi, 1.5, -0, Infinity, -Infinity),
  );
const reference = fc.oneof(
  fc.record(
    {
      imageUrl: fc.oneof(
        fc.webUrl(),
        fc.constantFrom("", "ftp://x.example/a.png", "not a url", "https://x", "javascript:1"),
        fc.constant(`https://x.example/${"a".repeat(4100)}`),
        junk,
      ),
      strength: fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), around(-2, 2), junk),
      weight: junk,
    },
    { requiredKeys: ["imageUrl"] },
  ),
  junk,
);
const input = fc.record(
  {
    engine: fc.oneof(fc.constant("fal"), junk),
    model: fc.oneof(fc.constant("krea2"), junk),
    operation: fc.oneof(fc.constant("createImage"), junk),
    prompt: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom("", "   ", " ".repeat(5001), "a".repeat(5000), "a".repeat(5001)),
      junk,
    ),
    size: fc.oneof(fc.constantFrom(...KREA_SIZES), junk),
    aspectRatio: fc.oneof(fc.constantFrom(...ASPECT_RATIOS), junk),
    creativity: fc.oneof(fc.constantFrom(...CREATIVITY_LEVELS), junk),
    quantity: fc.oneof(around(1, 10), junk),
    seed: fc.oneof(around(0, SEED_MAX), fc.constant(2 ** 53), junk),
    imageStyleReferences: fc.oneof(fc.array(reference, { maxLength: 12 }), junk),
    negativePrompt: fc.string(),
    width: fc.integer(),
  },
  { requiredKeys: [] },
);

// Mostly valid inputs, so acceptance (and the parsed value) is compared too.
const validInput = fc.record(
  {
    prompt: fc.string({ minLength: 1, maxLength: 20 }).filter((p) => p.trim().length > 0),
    size: fc.constantFrom(...KREA_SIZES),
    aspectRatio: fc.constantFrom(...ASPECT_RATIOS),
    creativity: fc.constantFrom(...CREATIVITY_LEVELS),
    quantity: fc.integer({ min: 1, max: 10 }),
    seed: fc.oneof(fc.integer({ min: 0, max: SEED_MAX }), fc.constant(null)),
    imageStyleReferences: fc.array(
      fc.record(
        { imageUrl: fc.webUrl(), strength: fc.double({ min: -2, max: 2, noNaN: true }) },
        { requiredKeys: ["imageUrl"] },
      ),
      { maxLength: 10 },
    ),
  },
  { requiredKeys: ["prompt"] },
);

function zodAnswer(schema: Parameters<typeof safeParse>[0], raw: unknown) {
  const parsed = safeParse(schema, raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: toFieldErrors(parsed.error.issues) };
}

describe("checkKreaInput", () => {
  it("answers as kreaInputSchema does for 4,000 generated inputs", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(validInput, input, junk), (raw) => {
        const lean = checkKreaInput(raw);
        expect(lean).toEqual(zodAnswer(kreaInputSchema, raw));
        if (!lean.ok) refused++;
      }),
      { numRuns: 4_000 },
    );
    // Both kinds were exercised, not just one.
    expect(refused).toBeGreaterThan(1_000);
    expect(refused).toBeLessThan(3_500);
  });

  it("accepts a typical builder input with its defaults", () => {
    expect(checkKreaInput({ prompt: "a fox" })).toEqual({
      ok: true,
      value: {
        prompt: "a fox",
        size: "medium",
        aspectRatio: "1:1",
        creativity: "medium",
        quantity: 1,
        imageStyleReferences: [],
      },
    });
  });

  it("puts each message under its field", () => {
    const lean = checkKreaInput({
      prompt: "  ",
      quantity: 11,
      imageStyleReferences: [{ imageUrl: "https://a.example/x.png", strength: -2.5 }],
      negativePrompt: "blur",
    });
    expect(lean.ok).toBe(false);
    if (lean.ok) return;
    expect(Object.keys(lean.errors).sort()).toEqual([
      "imageStyleReferences.0.strength",
      "negativePrompt",
      "prompt",
      "quantity",
    ]);
  });
});

describe("seed range", () => {
  // The spec types seed as int32; the form must stop where the orchestrator does.
  it("accepts 2147483647 and refuses 2147483648 with the range in the message", () => {
    const ok = checkKreaInput({ prompt: "p", seed: 2_147_483_647 });
    expect(ok.ok && ok.value.seed).toBe(2_147_483_647);
    const over = checkKreaInput({ prompt: "p", seed: 2_147_483_648 });
    expect(over.ok ? null : over.errors.seed).toEqual([
      "seed must be a whole number from 0 to 2147483647",
    ]);
  });
});

describe("checkStyleReference", () => {
  it("answers as styleReferenceSchema does", () => {
    fc.assert(
      fc.property(reference, (raw) => {
        expect(checkStyleReference(raw)).toEqual(zodAnswer(styleReferenceSchema, raw));
      }),
      { numRuns: 2_000 },
    );
  });
});
