import { describe, expect, it } from "vitest";
import { toGeneration } from "./to-generation";

const input = {
  engine: "fal",
  model: "krea2",
  operation: "createImage",
  prompt: "a red kite",
  size: "medium",
  aspectRatio: "16:9",
  creativity: "low",
  quantity: 2,
  seed: 77,
  imageStyleReferences: [{ imageUrl: "https://a.example/r.png", strength: -1.5 }],
};

function workflow(overrides: Record<string, unknown> = {}, step: Record<string, unknown> = {}) {
  return {
    id: "wf_1",
    status: "succeeded",
    createdAt: "2026-11-24T10:00:00Z",
    startedAt: "2026-11-24T10:00:01Z",
    completedAt: "2026-11-24T10:00:09Z",
    tags: ["krea-studio"],
    metadata: {
      app: "krea-prompt-studio",
      parentId: "wf_0",
      styleSet: { id: "s1", name: "Noir", version: 3 },
    },
    cost: { base: 91, total: 91, tips: { civitai: 0, creators: 0 } },
    transactions: { list: [{ type: "debit", amount: 91, accountType: "yellow" }] },
    steps: [
      {
        $type: "imageGen",
        name: "0",
        status: "succeeded",
        input,
        output: {
          images: [
            {
              type: "image",
              id: "b1",
              available: true,
              url: "http://127.0.0.1:3000/api/local-engine/v2/consumer/blobs/content/t1",
              urlExpiresAt: "2026-11-24T11:00:00Z",
              width: 1376,
              height: 768,
              jobId: "j1",
            },
            {
              type: "image",
              id: "b2",
              available: true,
              url: "https://img.example/t2",
              width: 1376,
              height: 768,
              jobId: "j2",
            },
          ],
        },
        jobs: [
          { id: "j1", status: "succeeded", cost: 45.5 },
          { id: "j2", status: "succeeded", cost: 45.5 },
        ],
        ...step,
      },
    ],
    ...overrides,
  };
}

describe("toGeneration", () => {
  it("reads settings, images, cost and charge", () => {
    const g = toGeneration(workflow(), {
      rewriteUrl: (u) => u.replace("http://127.0.0.1:3000", ""),
    });
    expect(g.id).toBe("wf_1");
    expect(g.final).toBe(true);
    expect(g.input).toEqual({
      prompt: "a red kite",
      size: "medium",
      aspectRatio: "16:9",
      creativity: "low",
      quantity: 2,
      seed: 77,
      imageStyleReferences: [{ imageUrl: "https://a.example/r.png", strength: -1.5 }],
    });
    expect(g.images.map((i) => i.url)).toEqual([
      "/api/local-engine/v2/consumer/blobs/content/t1",
      "https://img.example/t2",
    ]);
    expect(g.images[0]).toMatchObject({
      width: 1376,
      height: 768,
      available: true,
      blockedReason: null,
    });
    expect(g.quotedBuzz).toBe(91);
    expect(g.chargedBuzz).toBe(91);
    expect(g.metadata.styleSet).toEqual({ id: "s1", name: "Noir", version: 3 });
    expect(g.metadata.parentId).toBe("wf_0");
    expect(g.failureReason).toBeNull();
  });

  it("nets credits against debits", () => {
    const g = toGeneration(
      workflow(
        {
          status: "failed",
          transactions: {
            list: [
              { type: "debit", amount: 91, accountType: "yellow" },
              { type: "credit", amount: 45, accountType: "yellow" },
            ],
          },
        },
        {
          status: "failed",
          output: {
            images: [
              { id: "b1", available: true, url: "https://x/1" },
              { id: "b2", available: false },
            ],
            errors: ["FAL returned an error"],
          },
        },
      ),
    );
    expect(g.chargedBuzz).toBe(46);
    expect(g.failureReason).toBe(
      "1 of 2 images failed. The orchestrator said: FAL returned an error",
    );
  });

  it("marks images the orchestrator rates r, x or xxx as mature, and no others", () => {
    const image = (nsfwLevel: string | null) =>
      toGeneration(
        workflow(
          {},
          {
            output: {
              images: [{ type: "image", id: "b", available: true, url: "https://i/x", nsfwLevel }],
            },
          },
        ),
      ).images[0]?.mature;
    expect(["r", "x", "XXX"].map(image)).toEqual([true, true, true]);
    expect(["pg", "pg13", "na", null].map(image)).toEqual([false, false, false, false]);
  });

  it("recognises moderation from the images or the step errors", () => {
    const fromImage = toGeneration(
      workflow(
        { status: "failed" },
        {
          status: "failed",
          output: { images: [{ id: "b1", available: false, blockedReason: "blocked" }] },
        },
      ),
    );
    expect(fromImage.blocked).toBe(true);
    expect(fromImage.failureReason).toMatch(/Don't retry the same input/);
    const fromErrors = toGeneration(
      workflow(
        { status: "failed" },
        { status: "failed", output: { images: [], errors: ["blocked: prompt hit moderation"] } },
      ),
    );
    expect(fromErrors.blocked).toBe(true);
  });

  it("reports progress and queue position only while running", () => {
    const g = toGeneration(
      workflow(
        { status: "processing", completedAt: null },
        {
          status: "processing",
          estimatedProgressRate: 0.4,
          jobs: [
            { id: "j1", status: "processing", cost: 45.5, estimatedProgressRate: 0.6 },
            {
              id: "j2",
              status: "unassigned",
              cost: 45.5,
              queuePosition: { support: "available", precedingJobs: 3 },
            },
          ],
        },
      ),
    );
    expect(g.final).toBe(false);
    expect(g.progress).toBe(0.4);
    expect(g.queuePosition).toBe(3);
    expect(toGeneration(workflow()).progress).toBeNull();
  });

  it("survives a workflow that is not a Krea step and odd fields", () => {
    const g = toGeneration(
      workflow({ status: "mystery", tags: "nope" }, { input: { engine: "comfy" } }),
    );
    expect(g.input).toBeNull();
    expect(g.tags).toEqual([]);
    expect(g.status).toBe("processing");
  });

  it("does not count an image without a URL as available", () => {
    const g = toGeneration(
      workflow({}, { output: { images: [{ id: "b1", available: true, url: null }] } }),
    );
    expect(g.images[0]?.available).toBe(false);
  });
});
