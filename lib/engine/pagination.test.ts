// Keyset pagination over more than 10,000 workflows: every workflow exactly
// once, in order, including ties on createdAt; and the query plan walks the
// index instead of sorting, so deep pages stay fast.
import { queryWorkflows } from "@civitai/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db";
import { userIdFromToken } from "./ids";
import { buildQuerySql, parseWorkflowQuery } from "./query";
import { Store } from "./store";
import { startTestEngine, tempDataDir, TOKEN, type TestEngine } from "./testing/harness";
import type { JobRecord, WorkflowRecord } from "./types";

const COUNT = 10_500;
const BASE = Date.parse("2026-01-01T00:00:00Z");
let t: TestEngine;

function seed(dataDir: string): void {
  const db = openDatabase(`${dataDir}/engine`);
  const store = new Store(db, 100_000);
  const userId = userIdFromToken(TOKEN);
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      // Three workflows per millisecond: the id breaks the ties.
      const createdAt = BASE + Math.floor(i / 3);
      const id = `seed-${String(i).padStart(6, "0")}`;
      const workflow: WorkflowRecord = {
        id,
        userId,
        externalId: null,
        createdAt,
        startedAt: null,
        completedAt: createdAt,
        status: "canceled",
        metadata: { n: i },
        tags: i % 7 === 0 ? ["seventh"] : [],
        extras: {
          arguments: {},
          callbacks: [],
          tips: { civitai: 0, creators: 0 },
          upgradeMode: "manual",
          currencies: [],
        },
        steps: [
          {
            name: "0",
            priority: "normal",
            metadata: {},
            timeout: null,
            retries: null,
            perImage: 39,
            input: {
              engine: "fal",
              model: "krea2",
              operation: "createImage",
              prompt: `seed ${i}`,
              size: "medium",
              aspectRatio: "1:1",
              creativity: "medium",
              quantity: 1,
              seed: i,
              imageStyleReferences: [],
            },
          },
        ],
        costBase: 39,
        costFactors: { perImage: 39, quantity: 1 },
        deletedAt: null,
      };
      const job: JobRecord = {
        id: `${id}-job`,
        workflowId: id,
        stepIndex: 0,
        jobIndex: 0,
        status: "canceled",
        cost: 39,
        plan: "succeed",
        durationMs: 1000,
        queuedAt: createdAt,
        startedAt: null,
        completedAt: createdAt,
        error: null,
        blobId: "0000000000000000.jpeg",
      };
      store.insertWorkflow(workflow, [job]);
    }
  })();
  db.close();
}

beforeAll(async () => {
  const dataDir = tempDataDir();
  seed(dataDir);
  t = await startTestEngine({ dataDir });
});
afterAll(async () => {
  await t.destroy();
});

async function collect(query: {
  take: number;
  tags?: string[];
  ascending?: boolean;
}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const { data, response } = await queryWorkflows({
      client: t.client,
      query: { ...query, cursor },
    });
    expect(response.status).toBe(200);
    ids.push(...(data?.items ?? []).map((w) => w.id ?? ""));
    if (!data?.next) return ids;
    cursor = data.next;
  }
  throw new Error("pagination did not end");
}

describe("cursor pagination", () => {
  it("returns every one of 10,500 workflows exactly once, newest first", async () => {
    const ids = await collect({ take: 1000 });
    expect(ids).toHaveLength(COUNT);
    expect(new Set(ids).size).toBe(COUNT);
    const expected = Array.from(
      { length: COUNT },
      (_, i) => `seed-${String(i).padStart(6, "0")}`,
    ).reverse();
    expect(ids).toEqual(expected);
  });

  it("pages a tag filter in ascending order without gaps or repeats", async () => {
    const ids = await collect({ take: 250, tags: ["seventh"], ascending: true });
    const expected = Array.from({ length: COUNT }, (_, i) => i)
      .filter((i) => i % 7 === 0)
      .map((i) => `seed-${String(i).padStart(6, "0")}`);
    expect(ids).toEqual(expected);
  });

  it('clamps take to 1..1000 and ends with next = ""', async () => {
    const { data } = await queryWorkflows({ client: t.client, query: { take: 5000 } });
    expect(data?.items).toHaveLength(1000);
    const tiny = await queryWorkflows({ client: t.client, query: { take: 0 } });
    expect(tiny.data?.items).toHaveLength(1);
    const last = await queryWorkflows({ client: t.client, query: { tags: ["nothing-has-this"] } });
    expect(last.data).toEqual({ next: "", items: [] });
  });

  it("refuses a cursor it did not hand out", async () => {
    const res = await t.raw("/v2/consumer/workflows?cursor=not-a-cursor");
    expect(res.status).toBe(400);
    expect((await res.json()).errors.cursor[0]).toContain("cursor");
  });

  it("walks the index rather than sorting, however deep the page", () => {
    const db = openDatabase(`${t.dataDir}/engine`);
    try {
      for (const params of [
        "",
        "ascending=true",
        "tags=seventh&excludeFailed=true",
        "query=seed",
      ]) {
        const q = parseWorkflowQuery(userIdFromToken(TOKEN), new URLSearchParams(params));
        const deep = { ...q, cursor: { createdAt: BASE + 1000, id: "seed-003000" } };
        const { sql, params: args } = buildQuerySql(deep);
        const plan = db
          .prepare<(string | number)[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...args)
          .map((r) => r.detail)
          .join(" | ");
        expect(plan).toContain("workflows_by_user_created");
        expect(plan).not.toContain("TEMP B-TREE");
      }
    } finally {
      db.close();
    }
  });
});
