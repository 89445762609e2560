import { describe, expect, it } from "vitest";
import { planLoad } from "./load-request";

describe("planLoad", () => {
  it("changes only the fields the request carries and pins the seed on Rerun", () => {
    const plan = planLoad({
      settings: { size: "large", aspectRatio: "4:5", seed: 77 },
      seed: "keep",
      source: "image 2 of “dunes”",
    });
    expect(plan.values).toEqual({ size: "large", aspectRatio: "4:5" });
    expect("prompt" in plan.values).toBe(false);
    expect(plan.seed).toBe(77);
    expect(plan.toast.title).toBe("Loaded settings from image 2 of “dunes”");
    expect(plan.toast.description).toBe("Seed 77 pinned.");
  });

  it("goes back to a random seed on Remix, whatever seed came along", () => {
    const plan = planLoad({ settings: { prompt: "new words", seed: 5 }, seed: "random" });
    expect(plan.values).toEqual({ prompt: "new words" });
    expect(plan.seed).toBeNull();
    expect(plan.toast.title).toBe("Loaded settings from an image");
  });

  it("turns loaded references into rows of the list, strengths kept", () => {
    const plan = planLoad({
      settings: { imageStyleReferences: [{ imageUrl: "https://a.example/r.png", strength: -1.5 }] },
      seed: "random",
    });
    expect(plan.values.imageStyleReferences).toEqual([
      expect.objectContaining({
        imageUrl: "https://a.example/r.png",
        strength: -1.5,
        label: "a.example",
        status: "ready",
      }),
    ]);
  });

  it("keeps a random seed when asked to keep one that is not there", () => {
    expect(planLoad({ settings: { creativity: "raw" }, seed: "keep" }).seed).toBeNull();
  });
});
