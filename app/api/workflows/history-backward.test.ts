import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import { parseHistoryCursor, upstreamCursor } from "@/lib/server/orchestrator/history-cursor";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { GET, POST } from "./route";

// Backward cursors: a page the gallery dropped to bound its memory is read again
// with the `prev` cursor of the page after it, and read forward again with the
// `next` of a page read backwards; the walk gives the same items as the forward
// walk, in the same order, with no gap and no repeat.

let env: StudioApiEnv;
const tag = `b${Date.now().toString(36)}`;
const COUNT = 11;

const list = async (query: string): Promise<GenerationPage> => {
  const res = await GET(new Request(`http://127.0.0.1/api/workflows?${query}`), {});
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const ids = (items: Generation[]) => items.map((g) => g.id);

beforeAll(async () => {
  env = await startStudioApiEnv();
  for (let i = 0; i < COUNT; i++) {
    const res = await POST(
      jsonRequest(
        "/api/workflows",
        { prompt: `${tag} #${i} ${i % 2 ? "odd" : "even"}`, quantity: 1 },
        { headers: { "idempotency-key": `${tag}-${i}` } },
      ),
      {},
    );
    expect(res.status).toBe(201);
  }
});
afterAll(() => env.close());

async function walk(filter: string) {
  const forward: GenerationPage[] = [];
  let cursor: string | null = null;
  do {
    const page: GenerationPage = await list(
      `${filter}&take=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    forward.push(page);
    cursor = page.next;
  } while (cursor && forward.length < 20);
  return forward;
}

describe("GET /api/workflows backward cursors", () => {
  for (const [name, filter] of [
    ["unfiltered (newest of all)", ""],
    ["filtered by search words", `q=${tag}`],
    ["post-filtered by words the tags cannot say", `q=${tag}+odd`],
  ] as const) {
    it(`reads back to the top and forward again, ${name}`, async () => {
      const forward = await walk(filter);
      const all = forward.flatMap((p) => p.items);
      expect(forward[0]!.prev).toBeNull();
      for (const p of forward.slice(1)) if (p.items.length) expect(p.prev).toBeTruthy();

      // From the last page, read backwards with prev until the top.
      const back: Generation[] = [];
      let prev = forward.at(-1)!.prev ?? null;
      let pages = 0;
      let firstBack: GenerationPage | null = null;
      while (prev && pages++ < 20) {
        const page = await list(`${filter}&take=3&cursor=${encodeURIComponent(prev)}`);
        firstBack ??= page;
        back.unshift(...page.items);
        prev = page.prev ?? null;
      }
      expect(prev).toBeNull();
      expect(ids(back)).toEqual(ids(all.slice(0, all.length - forward.at(-1)!.items.length)));

      // A page read backwards continues forward with its own next.
      if (firstBack) {
        const again = await list(`${filter}&take=3&cursor=${encodeURIComponent(firstBack.next!)}`);
        const at = ids(all).indexOf(firstBack.items.at(-1)!.id);
        expect(ids(again.items)).toEqual(ids(all.slice(at + 1, at + 1 + again.items.length)));
        expect(again.items.length).toBeGreaterThan(0);
      }
    });
  }

  it("sees generations made after the page was read when reading back to the top", async () => {
    const forward = await walk("");
    const second = forward[1]!;
    const res = await POST(
      jsonRequest(
        "/api/workflows",
        { prompt: `${tag} late`, quantity: 1 },
        { headers: { "idempotency-key": `${tag}-late` } },
      ),
      {},
    );
    const late: Generation = await res.json();
    const top = await list(`take=3&cursor=${encodeURIComponent(second.prev!)}`);
    // The three just newer than page 2's first item: page 1's, the late one not yet.
    expect(ids(top.items)).toEqual(ids(forward[0]!.items));
    const above = await list(`take=3&cursor=${encodeURIComponent(top.prev!)}`);
    expect(ids(above.items)).toEqual([late.id]);
    expect(above.prev).toBeNull();
  });

  it("refuses a position cursor it did not make, and keeps an orchestrator cursor starting with ~ apart", async () => {
    const res = await GET(new Request("http://127.0.0.1/api/workflows?cursor=~b.bm9wZQ"), {});
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(parseHistoryCursor(upstreamCursor("~b.abc"))).toEqual({
      kind: "upstream",
      cursor: "~b.abc",
    });
    expect(parseHistoryCursor("opaque-123")).toEqual({ kind: "upstream", cursor: "opaque-123" });
  });
});
