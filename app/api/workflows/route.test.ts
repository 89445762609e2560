import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { ledger } from "@/lib/engine/testing/harness";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import { GET as getOne } from "./[id]/route";
import { GET, POST } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

let keyCounter = 0;
const freshKey = () => `test-key-${Date.now()}-${keyCounter++}`;
const submit = (body: unknown, key: string | null = freshKey(), query = "") =>
  POST(
    jsonRequest(`/api/workflows${query}`, body, {
      headers: key === null ? {} : { "idempotency-key": key },
    }),
    {},
  );

describe("POST /api/workflows", () => {
  it.each([
    ["an unknown size", { prompt: "p", size: "huge" }, "size", /size must be one of/],
    [
      "a bad aspect ratio",
      { prompt: "p", aspectRatio: "5:4" },
      "aspectRatio",
      /aspectRatio must be one of/,
    ],
    [
      "a bad creativity",
      { prompt: "p", creativity: "Wild" },
      "creativity",
      /creativity must be one of/,
    ],
    [
      "a negative prompt",
      { prompt: "p", negativePrompt: "ugly" },
      "negativePrompt",
      /does not accept negative prompts/,
    ],
    ["width", { prompt: "p", width: 512 }, "width", /does not accept width\/height/],
    [
      "a strength out of range",
      { prompt: "p", imageStyleReferences: [{ imageUrl: "https://a.example/x.png", strength: 3 }] },
      "imageStyleReferences.0.strength",
      /strength out of range/,
    ],
    [
      "11 references",
      {
        prompt: "p",
        imageStyleReferences: Array.from({ length: 11 }, (_, i) => ({
          imageUrl: `https://a.example/${i}.png`,
        })),
      },
      "imageStyleReferences",
      /imageStyleReferences maxItems/,
    ],
    ["no prompt", { size: "medium" }, "prompt", /prompt is required/],
    ["quantity 11", { prompt: "p", quantity: 11 }, "quantity", /at most 10/],
    // The spec types seed as int32: one past it would be refused upstream.
    [
      "seed 2147483648",
      { prompt: "p", seed: 2_147_483_648 },
      "seed",
      /seed must be a whole number from 0 to 2147483647/,
    ],
  ])(
    "refuses %s with a field error and never calls the orchestrator",
    async (_, body, field, message) => {
      const before = await env.upstreamCount();
      const res = await submit(body);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const problem = await res.json();
      expect(problem.errors[field][0]).toMatch(message);
      expect(problem.detail).toMatch(message);
      expect(await env.upstreamCount()).toBe(before);
    },
  );

  it.each([
    [
      "malformed JSON",
      () =>
        POST(
          jsonRequest("/api/workflows", "{prompt:", { headers: { "idempotency-key": freshKey() } }),
          {},
        ),
      400,
    ],
    [
      "a non-JSON content type",
      () =>
        POST(
          new Request("http://127.0.0.1/api/workflows", {
            method: "POST",
            headers: { "content-type": "text/plain", "idempotency-key": freshKey() },
            body: "prompt",
          }),
          {},
        ),
      415,
    ],
    ["a body over 1 MB", () => submit({ prompt: "p", pad: "x".repeat(1_100_000) }), 413],
    ["no Idempotency-Key", () => submit({ prompt: "p" }, null), 400],
    ["a malformed Idempotency-Key", () => submit({ prompt: "p" }, "has spaces in it"), 400],
    ["a JSON array", () => submit([{ prompt: "p" }]), 400],
  ])("refuses %s before any upstream call", async (_, send, status) => {
    const before = await env.upstreamCount();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).detail).toEqual(expect.any(String));
    expect(await env.upstreamCount()).toBe(before);
  });

  it("submits, then answers a repeated key with the same generation and one charge", async () => {
    const key = freshKey();
    const before = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    const first = await submit({ prompt: "a paper boat", quantity: 2, aspectRatio: "4:5" }, key);
    expect(first.status).toBe(201);
    const created: Generation = await first.json();
    expect(created.input).toMatchObject({
      prompt: "a paper boat",
      quantity: 2,
      aspectRatio: "4:5",
    });
    expect(created.input?.seed).toEqual(expect.any(Number));
    expect(created.images).toHaveLength(2);

    const again = await submit({ prompt: "a paper boat", quantity: 2, aspectRatio: "4:5" }, key);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(created.id);

    const after = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    expect(after.workflows - before.workflows).toBe(1);
    expect(after.debits - before.debits).toBe(78);
  });

  it("sends a double click upstream once", async () => {
    const key = freshKey();
    const before = await env.upstreamCount();
    const [a, b] = await Promise.all([
      submit({ prompt: "twice" }, key),
      submit({ prompt: "twice" }, key),
    ]);
    const ids = [(await a.json()).id, (await b.json()).id];
    expect(ids[0]).toBe(ids[1]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(await env.upstreamCount()).toBe(before + 1);
  });
});

describe("GET /api/workflows", () => {
  it("long-polls one generation to its images, then lists it newest first", async () => {
    const created: Generation = await (
      await submit({ prompt: "a glass whale", aspectRatio: "16:9", seed: 5 })
    ).json();
    const res = await getOne(new Request(`http://127.0.0.1/api/workflows/${created.id}?wait=10`), {
      params: Promise.resolve({ id: created.id }),
    });
    const done: Generation = await res.json();
    expect(done.status).toBe("succeeded");
    expect(done.images[0]).toMatchObject({ width: 1376, height: 768, available: true });
    expect(done.chargedBuzz).toBe(39);

    const page: GenerationPage = await (
      await GET(new Request("http://127.0.0.1/api/workflows?take=5"), {})
    ).json();
    expect(page.items[0]?.id).toBe(created.id);
  });

  it("refuses a junk id and an unknown one with problem+json", async () => {
    const junk = await getOne(new Request("http://127.0.0.1/api/workflows/x"), {
      params: Promise.resolve({ id: "../etc/passwd" }),
    });
    expect(junk.status).toBe(404);
    const unknown = await getOne(new Request("http://127.0.0.1/api/workflows/x"), {
      params: Promise.resolve({ id: "wf_nope" }),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses a bad take", async () => {
    const res = await GET(new Request("http://127.0.0.1/api/workflows?take=lots"), {});
    expect(res.status).toBe(400);
  });
});

describe("hostile bodies", () => {
  it("refuses JSON nested 100,000 deep with a 400, not a crash", async () => {
    const deep = `{"prompt":"p","metadata":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const res = await POST(
      jsonRequest("/api/workflows", deep, { headers: { "idempotency-key": freshKey() } }),
      {},
    );
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toMatch(/nests deeper/);
  });
});
