import { describe, expect, it } from "vitest";
import { toFieldErrors } from "@/lib/contract/krea/field-errors";
import { kreaInputSchema } from "./schema";

function errorsOf(body: unknown) {
  const result = kreaInputSchema.safeParse(body);
  expect(result.success).toBe(false);
  return result.success ? {} : toFieldErrors(result.error.issues);
}

describe("kreaInputSchema", () => {
  it("applies every default from the recipe", () => {
    expect(kreaInputSchema.parse({ prompt: "a fox" })).toEqual({
      prompt: "a fox",
      size: "medium",
      aspectRatio: "1:1",
      creativity: "medium",
      quantity: 1,
      imageStyleReferences: [],
    });
  });

  it("accepts the recipe's three inputs verbatim", () => {
    const inputs = [
      {
        engine: "fal",
        model: "krea2",
        operation: "createImage",
        size: "medium",
        prompt: "A photorealistic portrait",
        aspectRatio: "1:1",
        creativity: "medium",
      },
      {
        engine: "fal",
        model: "krea2",
        operation: "createImage",
        size: "large",
        prompt: "An epic battle",
        aspectRatio: "16:9",
        creativity: "high",
      },
      {
        engine: "fal",
        model: "krea2",
        operation: "createImage",
        size: "medium",
        prompt: "A serene landscape",
        aspectRatio: "3:2",
        creativity: "medium",
        imageStyleReferences: [
          { imageUrl: "https://image.civitai.com/x/reference.jpeg", strength: 1.0 },
        ],
      },
    ];
    for (const input of inputs) expect(kreaInputSchema.safeParse(input).success).toBe(true);
  });

  it("requires a prompt of 1–5000 characters that is not blank", () => {
    expect(errorsOf({})).toEqual({ prompt: ["prompt is required"] });
    expect(errorsOf({ prompt: "" }).prompt).toEqual(["prompt is required"]);
    expect(errorsOf({ prompt: "   " }).prompt).toEqual(["prompt must not be only spaces"]);
    expect(errorsOf({ prompt: "x".repeat(5001) }).prompt).toEqual([
      "prompt must be at most 5000 characters",
    ]);
    expect(kreaInputSchema.safeParse({ prompt: "x".repeat(5000) }).success).toBe(true);
  });

  it.each([
    ["size", "Medium", "size must be one of: medium, large"],
    [
      "aspectRatio",
      "21:9",
      "aspectRatio must be one of: 1:1, 4:3, 3:2, 16:9, 2.35:1, 4:5, 2:3, 9:16",
    ],
    ["creativity", "HIGH", "creativity must be one of: raw, low, medium, high"],
  ])("refuses %s %s with the orchestrator's phrase", (field, value, message) => {
    expect(errorsOf({ prompt: "p", [field]: value })).toEqual({ [field]: [message] });
  });

  it("keeps every listed enum value", () => {
    for (const aspectRatio of ["1:1", "4:3", "3:2", "16:9", "2.35:1", "4:5", "2:3", "9:16"]) {
      expect(kreaInputSchema.parse({ prompt: "p", aspectRatio }).aspectRatio).toBe(aspectRatio);
    }
    for (const creativity of ["raw", "low", "medium", "high"]) {
      expect(kreaInputSchema.parse({ prompt: "p", creativity }).creativity).toBe(creativity);
    }
  });

  it("bounds quantity to whole numbers 1–10", () => {
    expect(errorsOf({ prompt: "p", quantity: 0 }).quantity).toEqual([
      "quantity must be at least 1",
    ]);
    expect(errorsOf({ prompt: "p", quantity: 11 }).quantity).toEqual([
      "quantity must be at most 10",
    ]);
    expect(errorsOf({ prompt: "p", quantity: 2.5 }).quantity).toEqual([
      "quantity must be a whole number from 1 to 10",
    ]);
    expect(errorsOf({ prompt: "p", quantity: "2" }).quantity).toEqual([
      "quantity must be a whole number from 1 to 10",
    ]);
    expect(kreaInputSchema.parse({ prompt: "p", quantity: 10 }).quantity).toBe(10);
  });

  it("accepts seeds 0..2147483647 (the spec's int32) and null, nothing else", () => {
    expect(kreaInputSchema.parse({ prompt: "p", seed: 0 }).seed).toBe(0);
    expect(kreaInputSchema.parse({ prompt: "p", seed: 2147483647 }).seed).toBe(2147483647);
    expect(kreaInputSchema.parse({ prompt: "p", seed: null }).seed).toBeNull();
    const message = ["seed must be a whole number from 0 to 2147483647"];
    expect(errorsOf({ prompt: "p", seed: -1 }).seed).toEqual(message);
    expect(errorsOf({ prompt: "p", seed: 2147483648 }).seed).toEqual(message);
    expect(errorsOf({ prompt: "p", seed: 4294967295 }).seed).toEqual(message);
    expect(errorsOf({ prompt: "p", seed: 1.5 }).seed).toEqual(message);
  });

  it("defaults a reference's strength to 1 and bounds it to −2..2", () => {
    const ok = kreaInputSchema.parse({
      prompt: "p",
      imageStyleReferences: [
        { imageUrl: "https://a.example/x.png" },
        { imageUrl: "https://a.example/y.png", strength: -2 },
      ],
    });
    expect(ok.imageStyleReferences.map((r) => r.strength)).toEqual([1, -2]);
    const errors = errorsOf({
      prompt: "p",
      imageStyleReferences: [{ imageUrl: "https://a.example/x.png", strength: 2.01 }],
    });
    expect(errors["imageStyleReferences.0.strength"]?.[0]).toMatch(/^strength out of range/);
  });

  it("refuses an 11th reference with the maxItems phrase", () => {
    const refs = Array.from({ length: 11 }, (_, i) => ({ imageUrl: `https://a.example/${i}.png` }));
    expect(errorsOf({ prompt: "p", imageStyleReferences: refs }).imageStyleReferences?.[0]).toMatch(
      /^imageStyleReferences maxItems/,
    );
    expect(
      kreaInputSchema.safeParse({ prompt: "p", imageStyleReferences: refs.slice(0, 10) }).success,
    ).toBe(true);
  });

  it("requires reference URLs to be http(s)", () => {
    for (const imageUrl of ["", "ftp://a.example/x.png", "javascript:alert(1)", "not a url"]) {
      const errors = errorsOf({ prompt: "p", imageStyleReferences: [{ imageUrl }] });
      expect(errors["imageStyleReferences.0.imageUrl"]?.length).toBeGreaterThan(0);
    }
  });

  it("names fields Krea v2 does not accept", () => {
    const errors = errorsOf({
      prompt: "p",
      negativePrompt: "blur",
      width: 512,
      height: 512,
      loras: [],
    });
    expect(errors.negativePrompt?.[0]).toMatch(/Krea v2 does not accept negative prompts/);
    expect(errors.width?.[0]).toMatch(/Krea v2 does not accept width\/height/);
    expect(errors.height?.[0]).toMatch(/Krea v2 does not accept width\/height/);
    expect(errors.loras?.[0]).toMatch(/Krea v2 does not accept LoRAs/);
    expect(errorsOf({ prompt: "p", steps: 30 }).steps?.[0]).toMatch(
      /Krea v2 does not accept "steps"/,
    );
  });

  it("refuses another engine or model", () => {
    expect(errorsOf({ prompt: "p", engine: "flux2" }).engine).toEqual(['engine must be "fal"']);
    expect(errorsOf({ prompt: "p", model: "qwen2" }).model).toEqual(['model must be "krea2"']);
    expect(errorsOf({ prompt: "p", operation: "editImage" }).operation).toEqual([
      'operation must be "createImage"',
    ]);
  });

  it("refuses a body that is not an object", () => {
    for (const body of [null, [], "prompt", 42]) {
      expect(Object.keys(errorsOf(body))).toEqual(["body"]);
    }
  });
});
