// Contract test: how the engine refuses requests (validation phrases, auth,
// unknown ids and paths, body limits) and how tags and queries behave.
import {
  addWorkflowTag,
  getWorkflow,
  queryWorkflows,
  removeAllWorkflowTags,
  removeWorkflowTag,
  submitWorkflow,
  updateWorkflow,
} from "@civitai/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec, specErrors } from "./testing/spec-validator";
import type { Workflow } from "./types";

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.destroy();
});

const asWorkflow = (data: unknown) => parseSpec<Workflow>("Workflow", data);
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: Record<string, string[]>;
  traceId: string;
}

async function submitInvalid(body: unknown): Promise<Problem> {
  // The SDK passes 400 bodies through (though not their headers), so it is used here as a studio would.
  const { error, response } = await submitWorkflow({
    client: t.client,
    body: JSON.parse(JSON.stringify(body)),
  });
  expect(response.status).toBe(400);
  return parseSpec<Problem>("ValidationProblemDetails", error);
}

describe("validation", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["size", { size: "huge" }, "steps[0].input.size", "size must be one of"],
    [
      "aspectRatio",
      { aspectRatio: "5:4" },
      "steps[0].input.aspectRatio",
      "aspectRatio must be one of",
    ],
    [
      "creativity",
      { creativity: "High" },
      "steps[0].input.creativity",
      "creativity must be one of",
    ],
    [
      "too many references",
      {
        imageStyleReferences: Array.from({ length: 11 }, (_, i) => ({
          imageUrl: `https://x.test/${i}.png`,
        })),
      },
      "steps[0].input.imageStyleReferences",
      "imageStyleReferences maxItems",
    ],
    [
      "strength",
      {
        imageStyleReferences: [
          { imageUrl: "https://x.test/a.png" },
          { imageUrl: "https://x.test/b.png", strength: 2.5 },
        ],
      },
      "steps[0].input.imageStyleReferences[1].strength",
      "strength out of range",
    ],
    [
      "negative prompt",
      { negativePrompt: "blurry" },
      "steps[0].input.negativePrompt",
      "negative prompts",
    ],
    ["width", { width: 512 }, "steps[0].input.width", "width/height"],
    ["another model", { model: "flux2" }, "steps[0].input.model", "only runs Krea v2"],
    [
      "missing operation",
      { operation: undefined },
      "steps[0].input.operation",
      "operation is required",
    ],
    ["quantity", { quantity: 11 }, "steps[0].input.quantity", "quantity must be at most 10"],
    // The spec types seed as int32: one past its maximum is refused, as is the uint32 top.
    ["seed 2^31", { seed: 2_147_483_648 }, "steps[0].input.seed", "0 to 2147483647"],
    ["seed 2^32-1", { seed: 4_294_967_295 }, "steps[0].input.seed", "0 to 2147483647"],
    ["negative seed", { seed: -1 }, "steps[0].input.seed", "0 to 2147483647"],
  ];
  for (const [name, input, field, phrase] of cases) {
    it(`refuses ${name} with "${phrase}" in errors and detail`, async () => {
      const problem = await submitInvalid(kreaBody(input));
      expect(problem).toMatchObject({
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
      });
      expect(problem.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
      expect(problem.errors[field]?.join(" ")).toContain(phrase);
      expect(problem.detail).toContain(phrase);
    });
  }

  it("accepts the largest int32 seed and keeps it", async () => {
    const { data, response } = await submitWorkflow({
      client: t.client,
      body: kreaBody({ seed: 2_147_483_647 }),
      query: { whatif: true },
    });
    expect(response.status).toBe(200);
    expect(asWorkflow(data).steps[0]!.input.seed).toBe(2_147_483_647);
  });

  it("refuses template-level mistakes", async () => {
    const p1 = await submitInvalid({ steps: [], currencies: [], colour: "red" });
    expect(p1.errors.steps?.[0]).toContain("at least one step");
    expect(p1.errors.colour?.[0]).toContain("not a WorkflowTemplate property");
    const p2 = await submitInvalid(kreaBody({}, { tags: ["a", "a"], externalId: "no spaces" }));
    expect(p2.errors.tags?.[0]).toContain("unique");
    expect(p2.errors.externalId?.[0]).toContain("externalId must be");
    const p3 = await submitInvalid(
      kreaBody({}, { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }),
    );
    expect(p3.errors.tags?.[0]).toContain("maxItems is 10");
    const p4 = await submitInvalid({ steps: [{ $type: "textToImage", input: {}, retries: 1 }] });
    expect(p4.errors["steps[0].$type"]?.[0]).toContain("only runs Krea v2");
    const p5 = await submitInvalid({
      steps: [
        {
          $type: "imageGen",
          input: { engine: "fal", model: "krea2", operation: "createImage", prompt: "x" },
          colour: 1,
        },
      ],
    });
    expect(p5.errors["steps[0].colour"]?.[0]).toContain("not a step property");
  });

  it("refuses malformed JSON (400), other content types (415) and bodies over 1 MB (413)", async () => {
    const post = (body: string, type: string) =>
      t.raw("/v2/consumer/workflows", { method: "POST", headers: { "content-type": type }, body });
    const malformed = await post("{ steps: [", "application/json");
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    expect(specErrors("ValidationProblemDetails", await malformed.json())).toEqual([]);
    const text = await post("steps", "text/plain");
    expect(text.status).toBe(415);
    expect((await text.json()).detail).toContain("application/json");
    const huge = await post(
      JSON.stringify(kreaBody({}, { metadata: { blob: "x".repeat(1_100_000) } })),
      "application/json",
    );
    expect(huge.status).toBe(413);
    expect(specErrors("ProblemDetails", await huge.json())).toEqual([]);
  });
});

describe("auth and unknown things", () => {
  it("answers 401 problem+json without a token and for tokens the engine rejects", async () => {
    for (const path of [
      "/v2/consumer/workflows",
      "/v2/consumer/workflows/abc",
      "/_engine/ledger",
      "/v2/consumer/blobs/X.jpeg",
    ]) {
      const res = await t.raw(path, { token: null });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect((await res.json()).detail).toContain("Bearer");
    }
    const rejected = await t.raw("/v2/consumer/workflows", { token: "invalid-token-123" });
    expect(rejected.status).toBe(401);
    expect((await rejected.json()).detail).toBe("The token was rejected.");
    const viaSdk = await queryWorkflows({ client: t.clientFor("invalid") });
    expect(viaSdk.response.status).toBe(401);
  });

  it("answers 404 for unknown ids, other users' workflows and unknown paths; 405 for wrong methods", async () => {
    const mine = asWorkflow((await submitWorkflow({ client: t.client, body: kreaBody({}) })).data);
    const theirs = await getWorkflow({
      client: t.clientFor("another-user"),
      path: { workflowId: mine.id! },
    });
    expect(theirs.response.status).toBe(404);
    const unknown = await t.raw("/v2/consumer/workflows/does-not-exist");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).detail).toContain("does-not-exist");
    const nowhere = await t.raw("/v2/consumer/nothing-here");
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get("content-type")).toBe("application/problem+json");
    const wrong = await t.raw("/v2/consumer/workflows", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toContain("POST");
  });
});

describe("tags and queries", () => {
  it("adds and removes tags and filters by all given tags", async () => {
    const make = async (tags: string[]) =>
      asWorkflow((await submitWorkflow({ client: t.client, body: kreaBody({}, { tags }) })).data)
        .id!;
    const a = await make(["q-red", "q-blue"]);
    const b = await make(["q-red"]);
    const ids = async (tags: string[]) =>
      (await queryWorkflows({ client: t.client, query: { tags } })).data?.items?.map((w) => w.id) ??
      [];

    expect(await ids(["q-red"])).toEqual([b, a]);
    expect(await ids(["q-red", "q-blue"])).toEqual([a]);
    expect(
      (await addWorkflowTag({ client: t.client, path: { workflowId: b }, body: "q-blue" })).response
        .status,
    ).toBe(204);
    expect(await ids(["q-red", "q-blue"])).toEqual([b, a]);
    await removeWorkflowTag({ client: t.client, path: { workflowId: a, tag: "q-blue" } });
    expect(await ids(["q-red", "q-blue"])).toEqual([b]);
    await removeAllWorkflowTags({ client: t.client, path: { workflowId: b } });
    expect(await ids(["q-red"])).toEqual([a]);
    const read = asWorkflow(
      (await getWorkflow({ client: t.client, path: { workflowId: b } })).data,
    );
    expect(read.tags).toEqual([]);
  });

  it("enforces the 10-tag limit when adding", async () => {
    const tags = Array.from({ length: 10 }, (_, i) => `full-${i}`);
    const id = asWorkflow(
      (await submitWorkflow({ client: t.client, body: kreaBody({}, { tags }) })).data,
    ).id!;
    const res = await addWorkflowTag({
      client: t.client,
      path: { workflowId: id },
      body: "one-more",
    });
    expect(res.response.status).toBe(400);
    expect(parseSpec<Problem>("ValidationProblemDetails", res.error).errors.tags?.[0]).toContain(
      "maxItems",
    );
    expect(
      (await addWorkflowTag({ client: t.client, path: { workflowId: id }, body: "full-3" }))
        .response.status,
    ).toBe(204);
  });

  it("matches ?query= case-insensitively in metadata, orders newest first and honours ascending and excludeFailed", async () => {
    const make = async (prompt: string, metadata: Record<string, unknown>) =>
      asWorkflow(
        (
          await submitWorkflow({
            client: t.client,
            body: kreaBody({ prompt }, { metadata, tags: ["q-meta"] }),
            query: { wait: 20 },
          })
        ).data,
      ).id!;
    const first = await make("plain", { pairId: "Pair-ALPHA" });
    const second = await make("plain test:fail", { note: "pair-alpha again" });
    await make("plain", { pairId: "beta" });
    const search = async (query: Record<string, unknown>) => {
      const { data } = await queryWorkflows({
        client: t.client,
        query: { tags: ["q-meta"], ...query },
      });
      expect(specErrors("CursedArrayOfTelemetryCursorAndWorkflow", data)).toEqual([]);
      return data?.items?.map((w) => w.id) ?? [];
    };
    expect(await search({ query: "PAIR-alpha" })).toEqual([second, first]);
    expect(await search({ query: "pair-alpha", ascending: true })).toEqual([first, second]);
    expect(await search({ query: "pair-alpha", excludeFailed: true })).toEqual([first]);
    expect(await search({ take: 1 })).toHaveLength(1);
  });

  it("replaces metadata and tags with PUT and filters by creation date", async () => {
    const before = new Date().toISOString();
    const id = asWorkflow(
      (
        await submitWorkflow({
          client: t.client,
          body: kreaBody({}, { metadata: { a: 1 }, tags: ["put-old"] }),
        })
      ).data,
    ).id!;
    const put = await updateWorkflow({
      client: t.client,
      path: { workflowId: id },
      body: { metadata: { pairId: "put-pair" }, tags: ["put-new", "put-new", "second"] },
    });
    expect(put.response.status).toBe(204);
    const read = asWorkflow(
      (await getWorkflow({ client: t.client, path: { workflowId: id } })).data,
    );
    expect(read.metadata).toEqual({ pairId: "put-pair" });
    expect(read.tags).toEqual(["put-new", "second"]);
    const found = await queryWorkflows({
      client: t.client,
      query: { tags: ["put-new"], query: "put-pair", fromDate: before },
    });
    expect(found.data?.items?.map((w) => w.id)).toEqual([id]);
    const none = await queryWorkflows({
      client: t.client,
      query: { tags: ["put-new"], toDate: before },
    });
    expect(none.data?.items).toEqual([]);
    expect((await t.raw("/v2/consumer/workflows?fromDate=yesterday")).status).toBe(400);
  });
});
