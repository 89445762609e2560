import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generation } from "@/lib/contract/generations/types";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import { GET as getOne } from "./[id]/route";
import { POST } from "./route";

// What a submit records about where a generation came from and what it belongs
// to (metadata + tags), and "Try on other tier" pairing the original.

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

let n = 0;
const submit = (body: unknown, query = "") =>
  POST(
    jsonRequest(`/api/workflows${query}`, body, {
      headers: { "idempotency-key": `links-${Date.now()}-${n++}` },
    }),
    {},
  );
const created = async (body: unknown, query = ""): Promise<Generation> => {
  const res = await submit(body, query);
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
};
const read = async (id: string): Promise<Generation> =>
  (await getOne(new Request(`http://127.0.0.1/api/workflows/${id}`), params({ id }))).json();

describe("POST /api/workflows with studio context", () => {
  it("writes the searchable facts as tags and the prompt into metadata", async () => {
    const g = await created({
      prompt: "A Fox in SNOW",
      size: "large",
      aspectRatio: "2.35:1",
      seed: 7,
    });
    expect(g.tags).toEqual([
      "krea-studio",
      "size:large",
      "ratio:2.35:1",
      "creativity:medium",
      "seed:7",
    ]);
    expect(g.metadata).toMatchObject({ app: "krea-prompt-studio", prompt: "A Fox in SNOW" });
    expect(g.metadata.parentId).toBeUndefined();
  });

  it("records parent, lineage, pair and sweep", async () => {
    const parent = await created({ prompt: "parent", seed: 1 });
    const g = await created(
      { prompt: "child", seed: 1, creativity: "raw" },
      `?parent=${parent.id}&lineage=sweep&sweep=s_abc&sweepKind=creativity`,
    );
    expect(g.metadata).toMatchObject({
      parentId: parent.id,
      lineageKind: "sweep",
      sweepId: "s_abc",
      sweepKind: "creativity",
    });
    expect(g.tags).toContain("sweep:s_abc");
    const pair = await created({ prompt: "pair", seed: 2 }, "?pair=p_xyz");
    expect(pair.metadata.pairId).toBe("p_xyz");
    expect(pair.tags).toContain("pair:p_xyz");
    expect(pair.tags.length).toBeLessThanOrEqual(10);
  });

  it("records which reference a strength sweep varies", async () => {
    const refs = [{ imageUrl: "https://images.example/a.png", strength: -1 }];
    const g = await created(
      { prompt: "strength", imageStyleReferences: refs },
      "?sweep=s_str&sweepKind=strength&sweepRef=0",
    );
    expect(g.metadata).toMatchObject({ sweepKind: "strength", sweepRef: 0 });
    const bad = await submit(
      { prompt: "strength", imageStyleReferences: refs },
      "?sweep=s_str&sweepKind=strength&sweepRef=3",
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.sweepRef).toBeDefined();
  });

  it.each([
    ["a malformed parent", "?parent=../x", "parent"],
    ["an unknown lineage", "?parent=wf_1&lineage=clone", "lineage"],
    ["a lineage without parent", "?lineage=remix", "lineage"],
    ["a sweep without kind", "?sweep=s_1", "sweepKind"],
    ["a kind without sweep", "?sweepKind=creativity", "sweep"],
    ["a tier try without pair", "?parent=wf_1&lineage=tier", "pair"],
  ])("refuses %s before any upstream call", async (_, query, field) => {
    const before = await env.upstreamCount();
    const res = await submit({ prompt: "p" }, query);
    expect(res.status).toBe(400);
    expect((await res.json()).errors[field]).toBeDefined();
    expect(await env.upstreamCount()).toBe(before);
  });

  it("Try on other tier pairs the original before the new one is submitted", async () => {
    const original = await created({ prompt: "tier", seed: 99, quantity: 2 });
    const q = `?parent=${original.id}&lineage=tier&pair=p_tier1`;
    const large = await created({ prompt: "tier", seed: 99, quantity: 2, size: "large" }, q);
    expect(large.metadata).toMatchObject({
      parentId: original.id,
      lineageKind: "tier",
      pairId: "p_tier1",
    });
    const again = await read(original.id);
    expect(again.metadata).toMatchObject({
      pairId: "p_tier1",
      prompt: "tier",
      app: "krea-prompt-studio",
    });
    expect(again.tags).toContain("pair:p_tier1");

    // Same tier, or a second pair for the same original: refused, nothing spent.
    const sameTier = await submit(
      { prompt: "tier", seed: 99, size: "medium" },
      `?parent=${original.id}&lineage=tier&pair=p_tier2`,
    );
    expect(sameTier.status).toBe(400);
    const otherPair = await submit(
      { prompt: "tier", seed: 99, size: "large" },
      `?parent=${original.id}&lineage=tier&pair=p_tier2`,
    );
    expect(otherPair.status).toBe(409);
  });
});
