// A Generate request kept for retry belongs to the account it was clicked for.
// Before: save a token while Civitai is unreachable, click Generate (kept for
// retry), remove the token and reload: "Recovered after reload", sent to the
// local engine instead; the other way round it would spend Buzz on an account
// the designer did not click with. Now it waits for its own account.
import type { Page, Request } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";

// One server for the file, so one worker: a second would launch it again on the same port.
test.describe.configure({ mode: "serial" });

let server: StudioServer;

test.beforeAll(async () => {
  server = await StudioServer.launch({
    port: extraPort(45),
    dataDir: testDataDir("submit-account"),
    // Nothing listens there: the orchestrator, with or without a token, is unreachable.
    env: { ORCHESTRATOR_URL: `http://127.0.0.1:${extraPort(46)}` },
  });
});
test.afterAll(async () => {
  await server.dispose();
});

const isSubmit = (r: Request) =>
  r.method() === "POST" && new URL(r.url()).pathname === "/api/workflows";

async function saveToken(studio: StudioPage, token: string) {
  await studio.tokenButton.click();
  await studio.tokenDialog.getByRole("textbox", { name: "API token" }).fill(token);
  await studio.tokenDialog.getByRole("button", { name: "Save" }).click();
  // Civitai cannot be reached: the dialog waits up to 10 s for it, then keeps the token unverified.
  await expect(studio.tokenDialog).toBeHidden({ timeout: 20_000 });
  await expect(studio.engineBadge).toHaveAccessibleName("Engine: Civitai");
}

async function removeToken(studio: StudioPage) {
  await studio.tokenButton.click();
  await studio.tokenDialog.getByRole("button", { name: "Remove token" }).click();
  await expect(studio.engineBadge).toHaveAccessibleName("Engine: Local engine");
}

/** Clicks Generate while the orchestrator is down: the click's request is kept, still trying. */
async function keptGenerate(studio: StudioPage) {
  const prompt = studio.uniquePrompt("kept for its account, a slate roof");
  await studio.prompt.fill(prompt);
  await studio.generate.click();
  await expect(studio.generate).toHaveAttribute("aria-busy", "true");
  await expect
    .poll(() => studio.page.evaluate(() => sessionStorage.getItem("krea-studio:pending-submits")))
    .toContain(prompt);
}

/** Reloads and records every submit the page sends from then on. */
async function reloadRecordingSubmits(page: Page): Promise<Request[]> {
  const submits: Request[] = [];
  page.on("request", (r) => {
    if (isSubmit(r)) submits.push(r);
  });
  await page.reload();
  return submits;
}

test("token → no token: the kept submit waits for the token's account and is never sent to the local engine", async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await page.goto(server.url);
  await saveToken(studio, `designer-token-${Date.now().toString(36)}`);
  await keptGenerate(studio);

  await removeToken(studio);
  const waiting = studio.builder.getByRole("status").filter({ hasText: /^Waiting for Civitai/ });
  // Already in this tab: the retrying click stops and waits.
  await expect(waiting).toBeVisible();

  const submits = await reloadRecordingSubmits(page);
  // The positive signal: the reloaded page read the kept request and decided.
  await expect(waiting).toContainText(/Waiting for Civitai \(your token #[a-z0-9_-]{4}\)/);
  await expect(waiting).toContainText("sent only when that account is in use again");
  await expectNoSeriousA11yViolations(page);
  expect(submits).toHaveLength(0);
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Recovered" })).toHaveCount(0);

  // Discard forgets it for good.
  await waiting.getByRole("button", { name: /^Discard/ }).click();
  await expect(waiting).toHaveCount(0);
  expect(
    await page.evaluate(() => sessionStorage.getItem("krea-studio:pending-submits")),
  ).toBeNull();
  expect(submits).toHaveLength(0);
});

test("no token → token: the kept submit waits for the local engine and never spends on the token's account", async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await page.goto(server.url);
  await expect(studio.engineBadge).toHaveAccessibleName("Engine: Local engine");
  await keptGenerate(studio);

  await saveToken(studio, `designer-token-${Date.now().toString(36)}`);
  const submits = await reloadRecordingSubmits(page);
  const waiting = studio.builder
    .getByRole("status")
    .filter({ hasText: /^Waiting for the local engine/ });
  await expect(waiting).toBeVisible();
  expect(submits).toHaveLength(0);

  // Back on the account it was made for, it goes there (and only there).
  await removeToken(studio);
  await expect(waiting).toHaveCount(0);
  await expect.poll(() => submits.length).toBeGreaterThan(0);
  const sent = await page.evaluate(() => sessionStorage.getItem("krea-studio:pending-submits"));
  expect(sent).toContain("the local engine");
});

test("the server refuses a submit made for another account with 409 problem+json", async ({
  playwright,
}) => {
  const api = await playwright.request.newContext({ baseURL: server.url });
  try {
    const res = await api.post("/api/workflows", {
      headers: {
        "idempotency-key": `other-account-${Date.now()}`,
        "x-studio-account": "A".repeat(22),
      },
      data: { prompt: "made for someone else" },
    });
    expect(res.status()).toBe(409);
    expect(res.headers()["content-type"]).toBe("application/problem+json");
    const body = await res.json();
    expect(body).toMatchObject({
      reason: "account-changed",
      account: { label: "the local engine" },
    });
  } finally {
    await api.dispose();
  }
});
