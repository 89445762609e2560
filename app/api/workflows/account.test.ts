// A submit kept for retry is made for one account (orchestrator + token). The
// route refuses, before anything reaches an orchestrator, one whose account is
// not this request's: in both directions, token → no token and no token → token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_CHANGED, ACCOUNT_HEADER } from "@/lib/contract/api";
import { accountOf } from "@/lib/server/orchestrator/account";
import { resolveTarget } from "@/lib/server/orchestrator/target";
import { TOKEN_COOKIE, tokenSetCookie } from "@/lib/server/session/token-cookie";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { POST } from "./route";

let env: StudioApiEnv;
let tokenCookie: string;
beforeAll(async () => {
  env = await startStudioApiEnv();
  tokenCookie = (await tokenSetCookie("civitai-token-of-a-designer", false)).split(";")[0]!;
});
afterAll(() => env.close());

let n = 0;
const submit = (account: string | null, cookie?: string) =>
  POST(
    jsonRequest(
      "/api/workflows",
      { prompt: `account check ${n}` },
      {
        headers: {
          "idempotency-key": `account-${Date.now()}-${n++}`,
          ...(account === null ? {} : { [ACCOUNT_HEADER]: account }),
          ...(cookie ? { cookie } : {}),
        },
      },
    ),
    {},
  );

async function accounts() {
  const local = accountOf(await resolveTarget(null));
  const token = accountOf(await resolveTarget(tokenCookie));
  return { local, token };
}

describe("POST /api/workflows and the account a submit was made for", () => {
  it("labels accounts for people and never with the token", async () => {
    const { local, token } = await accounts();
    expect(tokenCookie.startsWith(`${TOKEN_COOKIE}=`)).toBe(true);
    expect(local.label).toBe("the local engine");
    expect(token.label).toMatch(/^Civitai \(your token #[a-z0-9_-]{4}\)$/);
    expect(token.fingerprint).not.toBe(local.fingerprint);
    expect(JSON.stringify(token)).not.toContain("civitai-token-of-a-designer");
    // Stable: a reload (or a restart with the same secret) names the same account.
    expect(accountOf(await resolveTarget(tokenCookie))).toEqual(token);
  });

  it("sends a submit made for the account in use", async () => {
    const { local, token } = await accounts();
    expect((await submit(local.fingerprint)).status).toBe(201);
    expect((await submit(token.fingerprint, tokenCookie)).status).toBe(201);
  });

  it.each([
    ["token → no token", "token", undefined],
    ["no token → token", "local", "cookie"],
  ] as const)("%s: refuses with 409 and sends nothing upstream", async (_name, madeFor, now) => {
    const all = await accounts();
    const before = await env.upstreamCount();
    const res = await submit(all[madeFor].fingerprint, now ? tokenCookie : undefined);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body.reason).toBe(ACCOUNT_CHANGED);
    // The body names the account in use now, by its label, never the token.
    expect(body.account).toEqual(now ? all.token : all.local);
    expect(JSON.stringify(body)).not.toContain("civitai-token-of-a-designer");
    expect(await env.upstreamCount()).toBe(before);
  });

  it("token A → token B: refuses a submit made with the other token", async () => {
    const other = (await tokenSetCookie("another-token-of-the-same-designer", false)).split(
      ";",
    )[0]!;
    const madeWithA = accountOf(await resolveTarget(tokenCookie));
    const b = accountOf(await resolveTarget(other));
    expect(b.fingerprint).not.toBe(madeWithA.fingerprint);
    expect(b.label).not.toBe(madeWithA.label);
    const before = await env.upstreamCount();
    expect((await submit(madeWithA.fingerprint, other)).status).toBe(409);
    expect(await env.upstreamCount()).toBe(before);
  });
});
