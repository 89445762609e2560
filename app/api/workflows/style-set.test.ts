import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import { closeStyleSetStores, getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { GET, POST } from "./route";

// Recording the style set a generation was made with (metadata + tag), and
// filtering the history by it.

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(async () => {
  await closeStyleSetStores();
  await env.close();
});

let n = 0;
const submit = (body: unknown, query: string) =>
  POST(
    jsonRequest(`/api/workflows${query}`, body, {
      headers: { "idempotency-key": `style-set-${Date.now()}-${n++}` },
    }),
    {},
  );

const input = {
  prompt: "a lighthouse at dusk",
  imageStyleReferences: [{ imageUrl: "https://images.example/noir.png", strength: 1.2 }],
};

describe("POST /api/workflows?styleSet=", () => {
  it("records the set's id, name and applied version, and tags the workflow", async () => {
    const store = getStyleSetStore();
    const set = await store.create({
      name: "Noir",
      note: "",
      references: input.imageStyleReferences,
    });
    await store.update(set.id, { name: "Noir v2" }, 1);

    const res = await submit(input, `?styleSet=${set.id}&styleSetVersion=1`);
    expect(res.status).toBe(201);
    const generation: Generation = await res.json();
    expect(generation.metadata.styleSet).toEqual({
      id: set.id,
      name: "Noir v2",
      version: 1,
      approved: false,
    });
    expect(generation.tags).toContain(`styleset:${set.id}`);

    await submit(input, ""); // one without a set, which the filter must leave out
    const page: GenerationPage = await (
      await GET(new Request(`http://127.0.0.1/api/workflows?styleSet=${set.id}`), {})
    ).json();
    expect(page.items.map((g) => g.id)).toEqual([generation.id]);
    expect(page.items[0]?.metadata.styleSet?.name).toBe("Noir v2");
  });

  it("uses the current version when none is given", async () => {
    const set = await getStyleSetStore().create({ name: "Pastel", note: "", references: [] });
    const generation: Generation = await (await submit(input, `?styleSet=${set.id}`)).json();
    expect(generation.metadata.styleSet).toEqual({
      id: set.id,
      name: "Pastel",
      version: 1,
      approved: false,
    });
  });

  it("says whether the version was the approved one at the time", async () => {
    const store = getStyleSetStore();
    const set = await store.create({ name: "Approved", note: "", references: [] });
    await store.setStatus(set.id, "approved", 1);
    const approved: Generation = await (await submit(input, `?styleSet=${set.id}`)).json();
    expect(approved.metadata.styleSet?.approved).toBe(true);
    await store.update(set.id, { note: "changed" }, 1);
    const v1 = await (await submit(input, `?styleSet=${set.id}&styleSetVersion=1`)).json();
    const v2 = await (await submit(input, `?styleSet=${set.id}&styleSetVersion=2`)).json();
    // The edit made the set a draft again: until someone approves, no version is the approved one.
    expect([v1.metadata.styleSet?.approved, v2.metadata.styleSet?.approved]).toEqual([
      false,
      false,
    ]);
  });

  it.each([
    ["an unknown set", "?styleSet=ss_zzzzzzzzzzzzzzzzzzzz", "styleSet"],
    ["a malformed id", "?styleSet=../../x", "styleSet"],
    ["a version the set never had", "?styleSet=KNOWN&styleSetVersion=9", "styleSetVersion"],
    ["a version without a set", "?styleSetVersion=1", "styleSetVersion"],
  ])("refuses %s with a field error before any upstream call", async (_, query, field) => {
    const set = await getStyleSetStore().create({ name: "Known", note: "", references: [] });
    const before = await env.upstreamCount();
    const res = await submit(input, query.replace("KNOWN", set.id));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[field]).toBeDefined();
    expect(await env.upstreamCount()).toBe(before);
  });
});
