// A 400 from the orchestrator in the spec's ValidationProblemDetails shape (a
// generic title, no detail, the messages in `errors`) reaches the browser as
// field messages the builder puts next to its fields, and as a detail that says
// what to fix, never "One or more validation errors occurred.".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest } from "@/lib/server/testing/studio-api";
import { POST } from "./route";

let server: Server;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(400, { "content-type": "application/problem+json" });
    res.end(
      JSON.stringify({
        type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
        errors: { "$.steps[0].input.seed": ["The field Seed must be between 0 and 2147483647."] },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  process.env.ORCHESTRATOR_URL = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  delete process.env.ORCHESTRATOR_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("POST /api/workflows with an orchestrator's ValidationProblemDetails", () => {
  it("answers the field messages, not the generic title", async () => {
    const res = await POST(
      jsonRequest(
        "/api/workflows",
        { prompt: "a fox", seed: 7 },
        { headers: { "idempotency-key": `vpd-${Date.now()}` } },
      ),
      {},
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; errors: Record<string, string[]> };
    expect(problem.errors).toEqual({
      seed: ["The field Seed must be between 0 and 2147483647."],
    });
    expect(problem.detail).toBe("seed: The field Seed must be between 0 and 2147483647.");
  });
});
