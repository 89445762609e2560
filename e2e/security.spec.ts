// Security, against the built app: the CSP nonce lets the studio's own scripts,
// styles and images work and nothing else; the API token appears in no static
// file, no response and no server log line; STUDIO_ACCESS_KEY gates every page
// and route; rate limits answer 429 through the real server.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { AnswerLog, leaks } from "./support/answers";
import { createGeneration, uniquePrompt } from "./support/studio-api";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";
import { expect, test } from "./support/fixtures";

/** Records CSP violations the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    )),
  ];
}

test("every page has a fresh CSP nonce on all its scripts, and the studio runs under it", async ({
  page,
  request,
  studio,
}) => {
  const violations = await watchViolations(page);
  const first = await request.get("/");
  const second = await request.get("/");
  const policy = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(policy).toContain("img-src 'self' blob: data: https://orchestration.civitai.com");
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("frame-ancestors 'none'");
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // The real thing: the page hydrates, an engine image (under /api/local-engine) loads.
  const prompt = uniquePrompt("csp lighthouse");
  await createGeneration(request, { prompt }, { wait: 20 });
  await studio.goto();
  const img = studio.generation(prompt).getByRole("img").first();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
    .toBeGreaterThan(0);
  await studio.prompt.fill("typed after hydration");
  await expect(studio.cost).toContainText("39");
  expect(await violations()).toEqual([]);
});

test("markup injected into the page cannot run script", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/");
  // What an XSS would look like: markup with an inline handler.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML(
      "beforeend",
      `<img src="data:," onerror="window.__injected = true" alt="">`,
    ),
  );
  await expect.poll(async () => (await violations()).join("\n")).toMatch(/script-src/);
  expect(await page.evaluate(() => "__injected" in window)).toBe(false);
});

test("the API token is in no static file, no response and no server log line", async ({
  browser,
}) => {
  const port = extraPort(40);
  const envToken = `env-secret-${Date.now().toString(36)}-a1b2c3`;
  const userToken = `user-secret-${Date.now().toString(36)}-d4e5f6`;
  const server = await StudioServer.launch({
    port,
    dataDir: testDataDir("token-leak"),
    env: {
      CIVITAI_TOKEN: envToken,
      // The embedded engine plays Civitai: it accepts any token not starting with "invalid".
      ORCHESTRATOR_URL: `http://127.0.0.1:${port}/api/local-engine`,
    },
  });
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    // Every answer, headers and body, from the page and from its API context.
    const log = new AnswerLog();
    log.watch(page);
    const api = log.api(page.request);
    const studio = new StudioPage(page);
    await studio.goto();
    await expect(studio.engineBadge).toHaveAccessibleName("Engine: Civitai");
    await createGeneration(api, { prompt: uniquePrompt("token leak env") }, { wait: 20 });
    await studio.tokenButton.click();
    await studio.tokenDialog.getByRole("textbox", { name: "API token" }).fill(userToken);
    await studio.tokenDialog.getByRole("button", { name: "Save" }).click();
    await expect(studio.tokenDialog).toBeHidden();
    // The engine keeps one account per token: this one is the user's.
    const prompt = uniquePrompt("token leak");
    const generation = await createGeneration(api, { prompt }, { wait: 20 });
    // A second tab rather than a reload: navigating away would discard bodies
    // the first page had received but not yet handed over for reading.
    const second = await context.newPage();
    log.watch(second);
    const again = new StudioPage(second);
    await again.goto();
    await expect(again.generation(prompt)).toBeVisible();
    for (const url of [
      "/api/health",
      "/api/workflows?take=20",
      `/api/workflows/${generation.id}`,
      "/api/style-sets",
      "/api/spend",
      "/",
    ]) {
      expect((await api.get(url)).ok(), url).toBe(true);
    }
    await api.post("/api/estimate", { data: { prompt: "estimate with a token" } });
    const bad = await api.post("/api/token", { data: { token: `invalid-${userToken}` } });
    expect(bad.status()).toBe(401);

    // Closing the tabs ends their open long-polls; whatever was still in flight is aborted.
    await log.beforeClose();
    await page.close();
    await second.close();
    const responses = await log.settled();
    expect(log.unreadable).toEqual([]);
    expect(responses.length).toBeGreaterThan(10);
    // The submits went through the API context: their answers were scanned too.
    expect(responses.filter((r) => /\/api\/workflows\?wait=/.test(r.url))).toHaveLength(2);
    const staticDir = path.join(process.cwd(), ".next", "static");
    const files = listFiles(staticDir);
    expect(files.length).toBeGreaterThan(10);
    expect(leaks(responses, [envToken, userToken])).toEqual([]);
    for (const token of [envToken, userToken]) {
      expect(server.output).not.toContain(token);
      for (const file of files)
        expect(readFileSync(file, "latin1").includes(token), file).toBe(false);
    }
    console.log(
      `token leak: 2 tokens checked against ${files.length} files under .next/static, the headers and bodies of ${responses.length} answers (page and API context; ${log.aborted.length} of them cut off by the page, headers only) and ${server.output.split("\n").length} server log lines: 0 found`,
    );
    await context.close();
  } finally {
    await server.dispose();
  }
});

test("with STUDIO_ACCESS_KEY every page and route needs the key; signing in sets a sealed cookie", async ({
  browser,
}) => {
  const key = `access-${Date.now().toString(36)}`;
  const server = await StudioServer.launch({
    port: extraPort(41),
    dataDir: testDataDir("access-key"),
    env: { STUDIO_ACCESS_KEY: key },
  });
  try {
    const api = await playwrightRequest.newContext({ baseURL: server.url });
    for (const [method, url] of [
      ["GET", "/api/health"],
      ["GET", "/api/workflows"],
      ["POST", "/api/workflows"],
      ["GET", "/api/style-sets"],
      ["GET", "/api/local-engine/v2/consumer/workflows"],
    ] as const) {
      const res = await api.fetch(url, {
        method,
        data: method === "POST" ? { prompt: "x" } : undefined,
      });
      expect(res.status(), `${method} ${url}`).toBe(401);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
    }
    const forged = await api.get("/api/health", { headers: { cookie: "krea_access=forged" } });
    expect(forged.status()).toBe(401);
    await api.dispose();

    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    const field = page.getByLabel("Access key");
    await field.fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "access key" })).toContainText(
      "not this studio's access key",
    );

    await field.fill(key);
    await page.getByRole("button", { name: "Sign in" }).click();
    const studio = new StudioPage(page);
    await expect(studio.engineBadge).toHaveAccessibleName("Engine: Local engine");
    const cookie = (await context.cookies()).find((c) => c.name === "krea_access");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(cookie?.value).not.toContain(key);

    // The studio's own calls to its embedded engine pass the same gate.
    const prompt = uniquePrompt("behind the key");
    await studio.prompt.fill(prompt);
    await studio.generate.click();
    const img = studio.generation(prompt).getByRole("img").first();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await context.close();
  } finally {
    await server.dispose();
  }
});

test("submits are rate-limited per client through the real server (429, Retry-After, problem+json)", async () => {
  const server = await StudioServer.launch({
    port: extraPort(42),
    dataDir: testDataDir("rate-limit"),
    env: { STUDIO_RATE_LIMIT: "", STUDIO_RATE_LIMIT_SUBMIT: "6,3" },
  });
  try {
    const client = (id: string) =>
      playwrightRequest.newContext({
        baseURL: server.url,
        extraHTTPHeaders: { cookie: `krea_client=${id.padEnd(20, "0")}` },
      });
    const a = await client("a");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await a.post("/api/workflows", {
        headers: { "idempotency-key": `limited-${i}` },
        data: { prompt: `limited ${i}` },
      });
      statuses.push(res.status());
      if (res.status() === 429) {
        expect(Number(res.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
        expect(res.headers()["content-type"]).toContain("application/problem+json");
      }
    }
    expect(statuses.slice(0, 3).every((s) => s < 300)).toBe(true);
    expect(statuses[3]).toBe(429);
    const b = await client("b");
    const other = await b.post("/api/workflows", {
      headers: { "idempotency-key": "limited-b" },
      data: { prompt: "other" },
    });
    expect(other.status()).toBeLessThan(300);
    await a.dispose();
    await b.dispose();
  } finally {
    await server.dispose();
  }
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
