import { describe, expect, it } from "vitest";
import { makeGeneration, makeImage } from "./fixtures";
import { imageFileName, imageSidecar, zipBaseName, zipManifest } from "./zip-contents";

const g = makeGeneration({
  id: "wf_abc:1",
  tags: ["krea-studio", "seed:42", "fav", "fav:1"],
  metadata: {
    app: "krea-prompt-studio",
    parentId: "wf_parent",
    lineageKind: "remix",
    pairId: "p_1",
  },
  images: [makeImage({ id: "b0" }), makeImage({ id: "b1", width: 1376, height: 768 })],
});

describe("zip contents", () => {
  it("names files by seed, generation and place, safe for any file system", () => {
    const item = { generation: g, image: g.images[1]!, n: 2 };
    expect(zipBaseName(item)).toBe("krea-42-wf_abc_1-2");
    expect(imageFileName(item)).toBe("krea-42-wf_abc_1-2.jpg");
    expect(imageFileName(item, "image/png; q=1")).toBe("krea-42-wf_abc_1-2.png");
  });

  it("writes each image's settings, size, cost, lineage and exact API body", () => {
    const sidecar = imageSidecar({ generation: g, image: g.images[1]!, n: 2 });
    expect(sidecar).toMatchObject({
      prompt: "a lighthouse at dusk",
      settings: { size: "medium", aspectRatio: "1:1", creativity: "medium", quantity: 1, seed: 42 },
      seed: 42,
      tier: "medium",
      image: { id: "b1", index: 1, width: 1376, height: 768, favourite: true },
      cost: { quotedBuzz: 39, chargedBuzz: 39 },
      workflowId: "wf_abc:1",
      parentId: "wf_parent",
      lineage: "remix",
      pairId: "p_1",
      createdAt: g.createdAt,
      completedAt: g.completedAt,
    });
    expect(sidecar.apiRequest.body?.steps[0].input).toMatchObject({
      prompt: "a lighthouse at dusk",
      seed: 42,
    });
    expect(sidecar.apiRequest.body).not.toHaveProperty("externalId");
    expect(imageSidecar({ generation: g, image: g.images[0]!, n: 1 }).image.favourite).toBe(false);
  });

  it("lists what is in the zip and what could not be fetched", () => {
    const m = zipManifest(
      [
        { workflowId: "a", imageId: "b0", image: "x.jpg", sidecar: "x.json" },
        { workflowId: "a", imageId: "b1", image: null, sidecar: "y.json", error: "HTTP 404" },
      ],
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(m).toMatchObject({
      format: "krea-studio.images",
      count: 1,
      failed: 1,
      createdAt: "2026-01-01T00:00:00.000Z",
    });
  });
});
