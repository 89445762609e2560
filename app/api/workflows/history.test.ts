import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS } from "@/lib/contract/generations/filters";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import { listHistory } from "@/lib/server/orchestrator/history";
import { resolveTarget } from "@/lib/server/orchestrator/target";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import { DELETE as cancel, GET as getOne } from "./[id]/route";
import { GET, POST } from "./route";

// The filtered history: tags and the orchestrator's text match narrow it
// upstream; the studio checks every search word and the status as it pages.

let env: StudioApiEnv;
let all: Generation[] = [];
const tag = `h${Date.now().toString(36)}`;

let n = 0;
const submit = async (body: Record<string, unknown>): Promise<Generation> => {
  const res = await POST(
    jsonRequest("/api/workflows", body, {
      headers: { "idempotency-key": `history-${Date.now()}-${n++}` },
    }),
    {},
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
};
const settle = async (g: Generation): Promise<Generation> =>
  (
    await getOne(
      new Request(`http://127.0.0.1/api/workflows/${g.id}?wait=10`),
      params({ id: g.id }),
    )
  ).json();

const list = async (query: string): Promise<GenerationPage> => {
  const res = await GET(new Request(`http://127.0.0.1/api/workflows?${query}`), {});
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const prompts = (page: GenerationPage) => page.items.map((g) => g.input?.prompt);

beforeAll(async () => {
  env = await startStudioApiEnv();
  const made = [
    await submit({ prompt: `${tag} a red fox in snow`, size: "large", seed: 11 }),
    await submit({ prompt: `${tag} the "quoted" Fox`, aspectRatio: "16:9", seed: 12 }),
    await submit({ prompt: `${tag} a blue whale`, creativity: "raw", seed: 11 }),
    await submit({ prompt: `${tag} test:fail a fox that fails`, quantity: 1, seed: 13 }),
  ];
  const slow = await submit({ prompt: `${tag} test:slow a fox that is canceled`, seed: 14 });
  await cancel(
    new Request(`http://127.0.0.1/api/workflows/${slow.id}`, { method: "DELETE" }),
    params({ id: slow.id }),
  );
  all = await Promise.all([...made, slow].map(settle));
});
afterAll(() => env.close());

describe("GET /api/workflows with filters", () => {
  it("finds prompts by every remembered word, any case, quotes included", async () => {
    expect(prompts(await list(`q=${tag}+FOX+snow`))).toEqual([`${tag} a red fox in snow`]);
    expect(prompts(await list(`q=${encodeURIComponent(`${tag} "quoted"`)}`))).toEqual([
      `${tag} the "quoted" Fox`,
    ]);
    expect(prompts(await list(`q=${tag}+whale+fox`))).toEqual([]);
  });

  it("filters by tier, ratio, creativity and seed through tags", async () => {
    expect(prompts(await list(`q=${tag}&size=large`))).toEqual([`${tag} a red fox in snow`]);
    expect(prompts(await list(`q=${tag}&ratio=16:9`))).toEqual([`${tag} the "quoted" Fox`]);
    expect(prompts(await list(`q=${tag}&creativity=raw`))).toEqual([`${tag} a blue whale`]);
    expect(prompts(await list(`q=${tag}&seed=11`)).sort()).toEqual(
      [`${tag} a blue whale`, `${tag} a red fox in snow`].sort(),
    );
  });

  it("filters by status after reading, and by date", async () => {
    expect(prompts(await list(`q=${tag}&status=failed`))).toEqual([
      `${tag} test:fail a fox that fails`,
    ]);
    expect(prompts(await list(`q=${tag}&status=canceled`))).toEqual([
      `${tag} test:slow a fox that is canceled`,
    ]);
    expect((await list(`q=${tag}&status=succeeded`)).items).toHaveLength(3);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(`q=${tag}&fromDate=${future}`)).items).toEqual([]);
    const past = new Date(Date.parse(all[0]!.createdAt) - 1000).toISOString();
    expect((await list(`q=${tag}&fromDate=${past}`)).items).toHaveLength(5);
  });

  it("ignores junk filters instead of failing", async () => {
    const page = await list(
      `q=${tag}&size=huge&ratio=5:4&seed=-1&status=lost&fav=maybe&fromDate=soon`,
    );
    expect(page.items).toHaveLength(5);
  });

  it("reads a bounded number of upstream pages and hands back the cursor to continue", async () => {
    const target = await resolveTarget(null);
    const filters = { ...NO_FILTERS, q: tag, status: "failed" as const };
    const range = { from: null, to: null };
    // One workflow per upstream page, two pages per request: five workflows
    // take three requests, each ending with the cursor where it stopped.
    const seen: Generation[] = [];
    let cursor: string | undefined;
    let requests = 0;
    do {
      const page = await listHistory(target, filters, {
        cursor,
        take: 1,
        range,
        scan: { pageSize: 1, maxPages: 2 },
      });
      requests++;
      seen.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor && requests < 10);
    expect(seen.map((g) => g.input?.prompt)).toEqual([`${tag} test:fail a fox that fails`]);
    expect(requests).toBe(3);
  });
});
