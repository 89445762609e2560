// Contract test: `hideMatureContent`. The spec defaults it to true on
// GET /v2/consumer/workflows and to false on single reads and submits; a blob
// that "has mature" then "won't be available and won't have a URL". Mature is
// the blob's `nsfwLevel` (spec: "MatureContent includes R rated content");
// the test word `test:mature` rates every image of a step "x".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec } from "./testing/spec-validator";
import type { ImageBlob, Workflow } from "./types";

let t: TestEngine;
let mature: Workflow;
let plain: Workflow;

async function submit(prompt: string): Promise<Workflow> {
  const res = await t.raw("/v2/consumer/workflows?wait=20", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(kreaBody({ prompt, quantity: 2 })),
  });
  expect(res.status).toBe(200);
  return parseSpec<Workflow>("Workflow", await res.json());
}

async function list(query = ""): Promise<Map<string, Workflow>> {
  const res = await t.raw(`/v2/consumer/workflows${query}`);
  expect(res.status).toBe(200);
  const body = parseSpec<{ items: Workflow[] }>(
    "CursedArrayOfTelemetryCursorAndWorkflow",
    await res.json(),
  );
  return new Map(body.items.map((w) => [w.id!, w]));
}

const imagesOf = (w: Workflow | undefined): ImageBlob[] => w?.steps[0]?.output?.images ?? [];

beforeAll(async () => {
  t = await startTestEngine();
  mature = await submit("a figure study test:mature");
  plain = await submit("a lighthouse");
});
afterAll(async () => {
  await t.destroy();
});

describe("hideMatureContent", () => {
  it("rates every image of a test:mature step as mature; others carry no rating", () => {
    expect(imagesOf(mature)).toHaveLength(2);
    for (const image of imagesOf(mature)) {
      expect(image).toMatchObject({ available: true, nsfwLevel: "x" });
      expect(image.url).toEqual(expect.any(String));
    }
    for (const image of imagesOf(plain)) expect(image).not.toHaveProperty("nsfwLevel");
  });

  it("the list hides mature URLs by default, and shows them with hideMatureContent=false", async () => {
    const hidden = await list();
    for (const image of imagesOf(hidden.get(mature.id!))) {
      expect(image).toMatchObject({
        available: false,
        url: null,
        urlExpiresAt: null,
        previewUrl: null,
        nsfwLevel: "x",
      });
    }
    for (const image of imagesOf(hidden.get(plain.id!))) expect(image.available).toBe(true);

    const shown = await list("?hideMatureContent=false");
    for (const image of imagesOf(shown.get(mature.id!))) {
      expect(image).toMatchObject({ available: true, nsfwLevel: "x" });
      expect((await fetch(image.url!)).status).toBe(200);
    }
  });

  it("single reads show mature URLs by default and hide them when asked", async () => {
    const read = async (query: string) => {
      const res = await t.raw(`/v2/consumer/workflows/${mature.id}${query}`);
      return imagesOf(parseSpec<Workflow>("Workflow", await res.json()));
    };
    for (const image of await read("")) expect(image.available).toBe(true);
    for (const image of await read("?hideMatureContent=true"))
      expect(image).toMatchObject({ available: false, url: null });
  });

  it("refuses a hideMatureContent that is not a boolean, before doing anything", async () => {
    const res = await t.raw("/v2/consumer/workflows?hideMatureContent=maybe");
    expect(res.status).toBe(400);
    const before = (await list("?hideMatureContent=false")).size;
    const submitted = await t.raw("/v2/consumer/workflows?hideMatureContent=maybe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(kreaBody({})),
    });
    expect(submitted.status).toBe(400);
    expect((await list("?hideMatureContent=false")).size).toBe(before);
  });

  it("keeps the rating on refresh", async () => {
    const id = imagesOf(mature)[0]!.id;
    const res = await t.raw(`/v2/consumer/blobs/${id}/refresh`, { method: "POST" });
    expect(parseSpec<ImageBlob>("Blob", await res.json())).toMatchObject({ nsfwLevel: "x" });
  });
});
