import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { POST } from "./route";

// The happy path needs a server the default policy allows, i.e. a public one;
// lib/server/references/check-url.test.ts covers it against a local server with the
// policy injected. Here: everything the route refuses before any connection.

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

const check = (body: unknown) => POST(jsonRequest("/api/references/check", body), {});

describe("POST /api/references/check", () => {
  it.each([
    [
      "loopback",
      "http://127.0.0.1:3000/api/local-engine/x.png",
      /^This address is private \(loopback\)/,
    ],
    ["decimal loopback", "http://2130706433/", /private \(loopback\)/],
    ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/", /private \(IPv4-mapped loopback\)/],
    ["the metadata service", "http://169.254.169.254/latest/meta-data/", /cloud metadata/],
    ["localhost", "http://localhost:3000/a.png", /private \(localhost\)/],
    ["a file URL", "file:///etc/passwd", /Only http:\/\/ and https:\/\//],
    ["credentials", "https://me:pw@example.com/a.png", /user name or password/],
    ["not a URL", "cat.png", /not a web address/],
  ])("refuses %s with a field error on url", async (_, url, message) => {
    const before = await env.upstreamCount();
    const res = await check({ url });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = await res.json();
    expect(problem.errors.url[0]).toMatch(message);
    expect(await env.upstreamCount()).toBe(before);
  });

  it("refuses a body without url, or with extra fields", async () => {
    expect((await check({})).status).toBe(400);
    const extra = await (await check({ url: "https://example.com/a.png", follow: true })).json();
    expect(extra.errors).toHaveProperty("follow");
  });
});
