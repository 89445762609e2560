import { describe, expect, it } from "vitest";
import { validateTemplate } from "./validate-template";

const input = { engine: "fal", model: "krea2", operation: "createImage", prompt: "a lighthouse" };

describe("validateTemplate", () => {
  it("applies defaults, names steps by index and draws a seed when none is given", () => {
    const result = validateTemplate({ steps: [{ $type: "imageGen", input }] }, { drawSeed: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const step = result.template.steps[0]!;
    expect(step).toMatchObject({ name: "0", priority: "normal", metadata: {}, perImage: 39 });
    expect(step.input).toMatchObject({
      size: "medium",
      aspectRatio: "1:1",
      creativity: "medium",
      quantity: 1,
      imageStyleReferences: [],
    });
    expect(step.input.seed).toEqual(expect.any(Number));
    expect(step.input.seed!).toBeLessThanOrEqual(2_147_483_647);
    expect(result.template.extras).toMatchObject({
      upgradeMode: "manual",
      currencies: [],
      callbacks: [],
      arguments: {},
    });
  });

  it("keeps a given seed (int32 range) and leaves it null on previews", () => {
    const seeded = validateTemplate(
      { steps: [{ $type: "imageGen", input: { ...input, seed: 2_147_483_647 } }] },
      { drawSeed: true },
    );
    expect(seeded.ok && seeded.template.steps[0]!.input.seed).toBe(2_147_483_647);
    const preview = validateTemplate(
      { steps: [{ $type: "imageGen", input: { ...input, seed: null } }] },
      { drawSeed: false },
    );
    expect(preview.ok && preview.template.steps[0]!.input.seed).toBeNull();
  });

  it("prices style references per image", () => {
    const result = validateTemplate(
      {
        steps: [
          {
            $type: "imageGen",
            input: {
              ...input,
              size: "large",
              imageStyleReferences: [{ imageUrl: "https://a.test/x.png", strength: -0.5 }],
            },
          },
        ],
      },
      { drawSeed: true },
    );
    expect(result.ok && result.template.steps[0]!.perImage).toBe(84.5);
  });

  it("keys errors ASP.NET style and collects all of them", () => {
    const result = validateTemplate(
      {
        steps: [
          {
            $type: "imageGen",
            input: {
              ...input,
              size: "small",
              imageStyleReferences: [{ imageUrl: "ftp://x", strength: 9 }],
            },
          },
          { $type: "imageGen", name: "0", input },
        ],
        tags: [""],
        metadata: [],
      },
      { drawSeed: true },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      "metadata",
      // ftp://x passes the schema (imageUrl: minLength 1): it fails when the job fetches it.
      "steps[0].input.imageStyleReferences[0].strength",
      "steps[0].input.size",
      "steps[1].name",
      "tags[0]",
    ]);
  });

  it("refuses what is not a Krea v2 step", () => {
    const result = validateTemplate(
      {
        steps: [
          { $type: "imageGen", input: { engine: "openai", model: "gpt-image-1", prompt: "x" } },
        ],
      },
      { drawSeed: true },
    );
    expect(!result.ok && result.errors["steps[0].input.engine"]?.[0]).toContain(
      "only runs Krea v2",
    );
  });
});
