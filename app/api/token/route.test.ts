import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { TOKEN_COOKIE, tokenFromCookie } from "@/lib/server/session/token-cookie";
import { DELETE, POST } from "./route";

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(() => env.close());

const save = (token: unknown, headers: Record<string, string> = {}) =>
  POST(jsonRequest("/api/token", { token }, { headers }), {});

/** The cookie pair ("name=value") from a Set-Cookie header, as a browser would send it back. */
const cookiePair = (setCookie: string) => setCookie.split(";")[0] ?? "";

describe("POST /api/token", () => {
  it("verifies the token, seals it into an httpOnly SameSite cookie and never echoes it", async () => {
    const token = "e2e-token-0123456789";
    const res = await save(`  ${token}\n`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toMatchObject({ engine: "civitai", verified: true });

    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${TOKEN_COOKIE}=`));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).not.toMatch(/; Secure/);
    // Sealed: the value is not the token, yet the server reads the token back.
    expect(setCookie).not.toContain(token);
    expect(await tokenFromCookie(cookiePair(setCookie))).toBe(token);
  });

  it("marks the cookie Secure behind an https proxy", async () => {
    const res = await save("e2e-token-https", { "x-forwarded-proto": "https" });
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("answers 401 for a token the orchestrator rejects, and sets no cookie", async () => {
    const res = await save("invalid-123456");
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    const problem = await res.json();
    expect(problem.title).toBe("Civitai rejected this token");
    expect(problem.errors.token[0]).toMatch(/rejected/);
    expect(JSON.stringify(problem)).not.toContain("invalid-123456");
  });

  it("keeps the token unverified when the orchestrator cannot be reached", async () => {
    const saved = process.env.ORCHESTRATOR_URL;
    process.env.ORCHESTRATOR_URL = "http://127.0.0.1:9/";
    try {
      const res = await save("e2e-token-offline");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ engine: "civitai", verified: false });
      expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/);
    } finally {
      process.env.ORCHESTRATOR_URL = saved;
    }
  });

  it.each([
    ["too short", "short"],
    ["with a space inside", "abc def ghi jkl"],
    ["not a string", 12345678],
  ])("refuses a token %s without asking the orchestrator", async (_, token) => {
    const before = await env.upstreamCount();
    const res = await save(token);
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(Object.keys((await res.json()).errors)).toEqual(["token"]);
    expect(await env.upstreamCount()).toBe(before);
  });

  it("refuses a cross-site request", async () => {
    const res = await save("e2e-token-cross", { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    const bySite = await save("e2e-token-cross", { "sec-fetch-site": "cross-site" });
    expect(bySite.status).toBe(403);
  });
});

describe("DELETE /api/token", () => {
  it("clears the cookie", async () => {
    const res = await DELETE(jsonRequest("/api/token", "{}", { method: "DELETE" }), {});
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`^${TOKEN_COOKIE}=; .*Max-Age=0`));
    expect((await res.json()).engine).toBe("local");
  });

  it("refuses a cross-site request", async () => {
    const res = await DELETE(
      jsonRequest("/api/token", "{}", {
        method: "DELETE",
        headers: { origin: "https://x.example" },
      }),
      {},
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
