import type { Request, Route } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";

const isSubmit = (url: URL) => url.pathname === "/api/workflows";
const keyOf = (request: Request) => request.headers()["idempotency-key"] ?? "";

test("a double click on Generate creates one workflow", async ({ page, studio }) => {
  const keys: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && isSubmit(new URL(r.url()))) keys.push(keyOf(r));
  });
  await studio.goto();
  const prompt = studio.uniquePrompt("double click, a glass teapot");
  await studio.prompt.fill(prompt);
  await studio.generate.dblclick();
  await expect(studio.toast(/1 image/)).toBeVisible();
  await expect.poll(async () => (await studio.generationsWithPrompt(prompt)).length).toBe(1);
  expect(keys).toHaveLength(1);
  // The header counts what was charged, once.
  await expect(studio.header.getByText("39 Buzz", { exact: true })).toBeVisible();
});

test("Retry after a network error resends the same key: still one workflow", async ({
  page,
  studio,
}) => {
  const keys: string[] = [];
  let network = "down";
  await page.route(isSubmit, async (route: Route) => {
    if (route.request().method() !== "POST") return route.fallback();
    keys.push(keyOf(route.request()));
    if (network === "down") {
      // The studio receives the request and creates the workflow; the answer is lost.
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.fallback();
  });
  await studio.goto();
  const prompt = studio.uniquePrompt("lost answer, a brass compass");
  await studio.prompt.fill(prompt);
  await studio.generate.click();

  // The studio retries by itself with the same key, and says so while it waits.
  const notice = studio.builder.getByRole("alert").filter({ hasText: /did not reach the studio/ });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/Retrying in \d+ s with the same request/);
  await expectNoSeriousA11yViolations(page);
  const retry = notice.getByRole("button", { name: "Retry" });
  await expect(retry).toBeEnabled();
  network = "up";
  // Clicked in the page at once: the studio keeps retrying by itself meanwhile, and under
  // load its next attempt could succeed during a click's actionability wait and take the
  // button away first (CI's one flaky failure). React ignores a click on a disabled button.
  await retry.dispatchEvent("click");
  await expect(studio.toast(/1 image/)).toBeVisible();
  await expect(notice).toBeHidden();

  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(keys).size).toBe(1);
  expect(await studio.generationsWithPrompt(prompt)).toHaveLength(1);
});

test("a reload mid-request resends the same key on the next load: still one workflow", async ({
  page,
  studio,
}) => {
  const keys: string[] = [];
  let reachedServer!: () => void;
  const arrived = new Promise<void>((resolve) => (reachedServer = resolve));
  await page.route(isSubmit, async (route: Route) => {
    if (route.request().method() !== "POST") return route.fallback();
    keys.push(keyOf(route.request()));
    if (keys.length === 1) {
      // The server gets it; the browser never hears back before the reload.
      await route.fetch();
      reachedServer();
      return;
    }
    return route.fallback();
  });
  await studio.goto();
  const prompt = studio.uniquePrompt("reload mid-request, a paper lantern");
  await studio.prompt.fill(prompt);
  await studio.generate.click();
  await arrived;
  await page.reload();

  await expect(studio.toast(/^Recovered after reload/)).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(await studio.generationsWithPrompt(prompt)).toHaveLength(1);
});
