import { describe, expect, it } from "vitest";
import { kreaInputSchema } from "./schema";
import { buildWorkflowBody } from "./workflow-body";

const input = {
  ...kreaInputSchema.parse({ prompt: "a lighthouse", size: "large", aspectRatio: "16:9" }),
  seed: 42,
};

describe("buildWorkflowBody", () => {
  it("builds the recipe's imageGen step with every field explicit", () => {
    expect(buildWorkflowBody(input, { externalId: "click_1" })).toEqual({
      steps: [
        {
          $type: "imageGen",
          input: {
            engine: "fal",
            model: "krea2",
            operation: "createImage",
            prompt: "a lighthouse",
            size: "large",
            aspectRatio: "16:9",
            creativity: "medium",
            quantity: 1,
            seed: 42,
            imageStyleReferences: [],
          },
        },
      ],
      tags: ["krea-studio"],
      metadata: { app: "krea-prompt-studio" },
      currencies: [],
      externalId: "click_1",
    });
  });

  it("keeps references in order with their strengths", () => {
    const refs = [
      { imageUrl: "https://a.example/1.png", strength: -1.5 },
      { imageUrl: "https://a.example/2.png", strength: 2 },
    ];
    const body = buildWorkflowBody({ ...input, imageStyleReferences: refs });
    expect(body.steps[0].input.imageStyleReferences).toEqual(refs);
    expect(body.externalId).toBeUndefined();
  });

  it("adds studio tags and metadata without duplicates", () => {
    const body = buildWorkflowBody(input, {
      tags: ["krea-studio", "pair:abc"],
      metadata: { parentId: "wf_1" },
    });
    expect(body.tags).toEqual(["krea-studio", "pair:abc"]);
    expect(body.metadata).toEqual({ app: "krea-prompt-studio", parentId: "wf_1" });
  });

  it("refuses an externalId or tags the orchestrator would refuse", () => {
    expect(() => buildWorkflowBody(input, { externalId: "has space" })).toThrow(RangeError);
    expect(() => buildWorkflowBody(input, { externalId: "x".repeat(129) })).toThrow(RangeError);
    expect(() =>
      buildWorkflowBody(input, { tags: Array.from({ length: 10 }, (_, i) => `t${i}`) }),
    ).toThrow(RangeError);
    expect(() => buildWorkflowBody(input, { tags: ["x".repeat(201)] })).toThrow(RangeError);
  });
});
