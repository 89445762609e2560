import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import { GET as list, POST as submit } from "../../route";
import { GET as getOne } from "../route";
import { DELETE, POST } from "./route";

// Stars live on the orchestrator as tags: `fav` (the favourites filter) and
// `fav:<indices>` (which images).

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

const create = async (body: unknown): Promise<Generation> =>
  (
    await submit(
      jsonRequest("/api/workflows?wait=10", body, {
        headers: { "idempotency-key": `fav-${Math.random().toString(36).slice(2)}` },
      }),
      {},
    )
  ).json();
const star = (id: string, image: number, on = true) =>
  (on ? POST : DELETE)(
    new Request(`http://127.0.0.1/api/workflows/${id}/favourite?image=${image}`, {
      method: on ? "POST" : "DELETE",
    }),
    params({ id }),
  );
const tagsOf = async (id: string) =>
  (
    (await (
      await getOne(new Request(`http://127.0.0.1/api/workflows/${id}`), params({ id }))
    ).json()) as Generation
  ).tags;

describe("/api/workflows/:id/favourite", () => {
  it("stars and unstars single images as orchestrator tags", async () => {
    const g = await create({ prompt: "favourites", quantity: 3 });
    const first = await star(g.id, 2);
    expect(first.status).toBe(200);
    expect(((await first.json()) as Generation).tags).toEqual(
      expect.arrayContaining(["fav", "fav:2"]),
    );
    await star(g.id, 0);
    expect(await tagsOf(g.id)).toEqual(expect.arrayContaining(["fav", "fav:0,2"]));
    expect((await tagsOf(g.id)).filter((t) => t.startsWith("fav:"))).toEqual(["fav:0,2"]);

    const page: GenerationPage = await (
      await list(new Request("http://127.0.0.1/api/workflows?fav=1"), {})
    ).json();
    expect(page.items.map((i) => i.id)).toEqual([g.id]);

    await star(g.id, 2, false);
    expect((await tagsOf(g.id)).filter((t) => t.startsWith("fav")).sort()).toEqual([
      "fav",
      "fav:0",
    ]);
    await star(g.id, 0, false);
    expect((await tagsOf(g.id)).some((t) => t.startsWith("fav"))).toBe(false);
    const none: GenerationPage = await (
      await list(new Request("http://127.0.0.1/api/workflows?fav=1"), {})
    ).json();
    expect(none.items).toEqual([]);
  });

  it("starring twice is harmless, and every image of a ten-image batch fits in the tag limit", async () => {
    const g = await create({ prompt: "ten", quantity: 10 });
    await Promise.all([star(g.id, 1), star(g.id, 1)]);
    for (let i = 0; i < 10; i++) expect((await star(g.id, i)).status).toBe(200);
    const tags = await tagsOf(g.id);
    expect(tags).toContain("fav:0,1,2,3,4,5,6,7,8,9");
    expect(tags.length).toBeLessThanOrEqual(10);
  });

  it("refuses an image the generation does not have", async () => {
    const g = await create({ prompt: "one image" });
    const res = await star(g.id, 4);
    expect(res.status).toBe(400);
    expect((await res.json()).errors.image).toBeDefined();
    expect((await star("wf_unknown", 0)).status).toBe(404);
  });
});
