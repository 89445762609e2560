import { zodResolver } from "@hookform/resolvers/zod";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KREA_SIZES } from "@/lib/contract/krea/options";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import { kreaResolve } from "./krea-resolver";

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const viaZod = zodResolver(kreaInputSchema);

// What the builder's fields can hold, valid or not.
const formValues = fc.record({
  prompt: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "   ", "a".repeat(5001))),
  size: fc.constantFrom(...KREA_SIZES),
  quantity: fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constant(Number.NaN), fc.double()),
  seed: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 2 ** 33 })),
  imageStyleReferences: fc.array(
    fc.record({
      imageUrl: fc.oneof(fc.webUrl(), fc.constantFrom("", "not a url")),
      strength: fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constant(Number.NaN)),
    }),
    { maxLength: 11 },
  ),
});

describe("kreaResolve", () => {
  it("gives the builder what zodResolver would, field by field", async () => {
    await fc.assert(
      fc.asyncProperty(formValues, async (values) => {
        const ours = kreaResolve(values, options);
        const theirs = await viaZod(values, undefined, options);
        expect(Object.keys(ours.errors).sort()).toEqual(Object.keys(theirs.errors).sort());
        // Same values and the same message at the same place; `type` names zod's issue code there.
        const plain = (r: unknown) =>
          JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === "type" ? undefined : v)));
        expect(plain(ours)).toEqual(plain(theirs));
      }),
      { numRuns: 1_000 },
    );
  });

  it("puts a reference's strength error on its row", () => {
    const result = kreaResolve(
      {
        prompt: "a fox",
        imageStyleReferences: [
          { imageUrl: "https://a.example/1.png", strength: 1 },
          { imageUrl: "https://a.example/2.png", strength: 2.5 },
        ],
      },
      options,
    );
    expect(result.errors).toMatchObject({
      imageStyleReferences: [undefined, { strength: { type: "validation" } }],
    });
  });
});
