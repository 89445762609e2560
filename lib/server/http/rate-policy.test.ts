import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startStudioApiEnv, jsonRequest, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { MemoryRateLimiter } from "./rate-limit";
import { clientKey, resetRateLimits, setRateLimiterFactory } from "./rate-policy";
import { json, route } from "./route";

const ok = route(async () => json({ ok: true }));
const post = (path: string, headers: Record<string, string> = {}) =>
  ok(new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers }), {});
const client = (id: string) => ({ cookie: `krea_client=${id.padEnd(16, "0")}` });

beforeEach(() => {
  vi.stubEnv("STUDIO_RATE_LIMIT", "");
  resetRateLimits();
  // Buckets refill with the clock: a frozen Date keeps a slow machine from
  // refilling a token mid-burst (timers stay real).
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("rate limits in route()", () => {
  it("lets a burst of 10 submits through, then answers 429 with Retry-After and a message to show", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await post("/api/workflows", client("a"))).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const res = await post("/api/workflows", client("a"));
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const seconds = Number(res.headers.get("retry-after"));
    expect(seconds).toBeGreaterThanOrEqual(1);
    const problem = await res.json();
    expect(problem.detail).toBe(`Too many submits; try again in ${seconds} s.`);
    expect(problem.retryAfter).toBe(seconds);
  });

  it("keeps clients apart, and routes without a rule unlimited", async () => {
    for (let i = 0; i < 10; i++) await post("/api/workflows", client("a"));
    expect((await post("/api/workflows", client("a"))).status).toBe(429);
    expect((await post("/api/workflows", client("b"))).status).toBe(200);
    expect((await post("/api/uploads", client("a"))).status).toBe(200);
    for (let i = 0; i < 50; i++)
      expect((await post("/api/estimate", client("a"))).status).toBe(200);
  });

  it("backs every client with a global bucket, so inventing ids does not help", async () => {
    vi.stubEnv("STUDIO_RATE_LIMIT_TOKEN", "60,1");
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await post("/api/token", client(`c${i}`))).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
    const res = await post("/api/token", client("fresh"));
    expect((await res.json()).detail).toMatch(/^Too many token changes from everyone/);
  });

  it("is configurable per bucket and can be switched off", async () => {
    vi.stubEnv("STUDIO_RATE_LIMIT_UPLOAD", "60,2");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post("/api/uploads", client("a"))).status);
    expect(statuses).toEqual([200, 200, 429]);
    vi.stubEnv("STUDIO_RATE_LIMIT", "off");
    expect((await post("/api/uploads", client("a"))).status).toBe(200);
  });

  it("names a malformed setting", async () => {
    vi.stubEnv("STUDIO_RATE_LIMIT_SUBMIT", "lots");
    const res = await post("/api/workflows");
    expect(res.status).toBe(500);
    expect((await res.json()).detail).toMatch(/STUDIO_RATE_LIMIT_SUBMIT must be/);
  });

  it("asks the store it is given (a shared one for several instances)", async () => {
    const names: string[] = [];
    setRateLimiterFactory((name, options) => {
      names.push(name);
      return new MemoryRateLimiter(options);
    });
    await post("/api/workflows", client("a"));
    expect(names).toEqual(["submit:client", "submit:global"]);
    setRateLimiterFactory((_name, options) => new MemoryRateLimiter(options));
  });
});

describe("clientKey", () => {
  const req = (headers: Record<string, string>) =>
    new Request("http://127.0.0.1:3000/api/workflows", { headers });

  it("uses the client cookie, else one anonymous bucket", () => {
    expect(clientKey(req(client("abc")))).toBe("client:abc0000000000000");
    expect(clientKey(req({ cookie: "krea_client=short" }))).toBe("anonymous");
    expect(clientKey(req({}))).toBe("anonymous");
  });

  it("trusts X-Forwarded-For only when told, and only the address the proxy appended", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.7", ...client("abc") };
    expect(clientKey(req(headers), {})).toBe("client:abc0000000000000");
    expect(clientKey(req(headers), { STUDIO_TRUST_PROXY: "1" })).toBe("ip:203.0.113.7");
  });
});

describe("a limited submit", () => {
  let env: StudioApiEnv;
  beforeAll(async () => {
    env = await startStudioApiEnv();
  });
  afterAll(() => env.close());

  it("never reaches the orchestrator", async () => {
    vi.stubEnv("STUDIO_RATE_LIMIT_SUBMIT", "60,1");
    const { POST } = await import("@/app/api/workflows/route");
    const send = (key: string) =>
      POST(
        jsonRequest(
          "/api/workflows",
          { prompt: "limited" },
          { headers: { "idempotency-key": key } },
        ),
        {},
      );
    expect((await send("limited-1")).status).toBe(201);
    const before = await env.upstreamCount();
    expect((await send("limited-2")).status).toBe(429);
    expect(await env.upstreamCount()).toBe(before);
  });
});
