// Contract test: every 400 the engine answers, on every route, is the spec's
// ValidationProblemDetails as ASP.NET model validation writes it: a generic
// title, status 400, and an `errors` map of field → messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec } from "./testing/spec-validator";
import type { Workflow } from "./types";

interface ValidationProblem {
  title: string;
  status: number;
  detail: string;
  errors: Record<string, string[]>;
}

let t: TestEngine;
let id: string;
beforeAll(async () => {
  t = await startTestEngine();
  const res = await t.raw("/v2/consumer/workflows?wait=20", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(kreaBody({})),
  });
  id = parseSpec<Workflow>("Workflow", await res.json()).id!;
});
afterAll(async () => {
  await t.destroy();
});

const json = (method: string, body: string): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body,
});

describe("validation problems", () => {
  const cases: [string, () => string, RequestInit, string][] = [
    ["malformed JSON", () => "/v2/consumer/workflows", json("POST", "{ steps: ["), "$"],
    [
      "a template the spec refuses",
      () => "/v2/consumer/workflows",
      json("POST", JSON.stringify(kreaBody({ seed: 2 ** 31 }))),
      "steps[0].input.seed",
    ],
    ["a bad take", () => "/v2/consumer/workflows?take=many", {}, "take"],
    [
      "a bad hideMatureContent",
      () => "/v2/consumer/workflows?hideMatureContent=maybe",
      {},
      "hideMatureContent",
    ],
    ["a bad wait", () => `/v2/consumer/workflows/${id}?wait=soon`, {}, "wait"],
    [
      "an update the spec refuses",
      () => `/v2/consumer/workflows/${id}`,
      json("PUT", JSON.stringify({ status: "running" })),
      "status",
    ],
    [
      "a tag that is not a string",
      () => `/v2/consumer/workflows/${id}/tags`,
      json("POST", "7"),
      "tag",
    ],
  ];
  for (const [name, path, init, field] of cases) {
    it(`answers ${name} with ValidationProblemDetails naming ${field}`, async () => {
      const res = await t.raw(path(), init);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const problem = parseSpec<ValidationProblem>("ValidationProblemDetails", await res.json());
      expect(problem.title).toBe("One or more validation errors occurred.");
      expect(problem.status).toBe(400);
      expect(problem.errors[field]?.length).toBeGreaterThan(0);
      // detail repeats the first message, for clients that show only detail
      expect(problem.detail).toContain(Object.values(problem.errors)[0]![0]!);
    });
  }
});
