import { expectNoSeriousA11yViolations } from "./support/a11y";
import { AnswerLog, leaks } from "./support/answers";
import { expect, test } from "./support/fixtures";

const COOKIE = "krea_studio_token";

test("the Token dialog: rejected tokens say so; a good one goes into an httpOnly cookie and is never echoed", async ({
  page,
  context,
  studio,
}) => {
  const token = `e2e-secret-${Date.now().toString(36)}-token`;
  // Every answer the page gets, headers and body.
  const log = new AnswerLog();
  log.watch(page);

  await studio.goto();
  await expect(studio.engineBadge).toHaveAccessibleName("Engine: Local engine");

  await studio.tokenButton.click();
  await expect(studio.tokenDialog).toBeVisible();
  const input = studio.tokenDialog.getByRole("textbox", { name: "API token" });
  await expect(input).toHaveAttribute("type", "password");
  await studio.tokenDialog.getByRole("button", { name: "Show token" }).click();
  await expect(input).toHaveAttribute("type", "text");

  // Rejected: said plainly, nothing stored.
  await input.fill("invalid-e2e-token");
  await studio.tokenDialog.getByRole("button", { name: "Save" }).click();
  await expect(studio.tokenDialog.getByRole("alert")).toContainText("Civitai rejected this token");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);
  expect((await context.cookies()).find((c) => c.name === COOKIE)).toBeUndefined();

  await input.fill(token);
  await studio.tokenDialog.getByRole("button", { name: "Save" }).click();
  await expect(studio.tokenDialog).toBeHidden();
  await expect(studio.engineBadge).toHaveAccessibleName("Engine: Civitai");

  const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  expect(cookie?.value).not.toContain(token);
  expect(await page.evaluate(() => document.cookie)).not.toContain(COOKIE);

  // The studio works through the token: the orchestrator quotes with it.
  await expect(studio.cost).toContainText("Orchestrator quote matches: 39 Buzz");

  await studio.tokenButton.click();
  await studio.tokenDialog.getByRole("button", { name: "Remove token" }).click();
  await expect(studio.engineBadge).toHaveAccessibleName("Engine: Local engine");
  expect((await context.cookies()).find((c) => c.name === COOKIE)).toBeUndefined();

  // Closing the page ends its open long-polls; whatever was still in flight is aborted.
  await log.beforeClose();
  await page.close();
  const answers = await log.settled();
  expect(log.unreadable).toEqual([]);
  // The token went out in both Save requests; their answers are among those scanned.
  expect(answers.filter((a) => a.url.endsWith("/api/token")).length).toBeGreaterThanOrEqual(3);
  expect(leaks(answers, [token])).toEqual([]);
});

test("the token routes refuse cross-site requests", async ({ request }) => {
  const log = new AnswerLog();
  const api = log.api(request);
  const res = await api.post("/api/token", {
    headers: { origin: "https://evil.example" },
    data: { token: "e2e-cross-site-token" },
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["set-cookie"]).toBeUndefined();
  const del = await api.delete("/api/token", { headers: { "sec-fetch-site": "cross-site" } });
  expect(del.status()).toBe(403);
  const answers = await log.settled();
  expect(answers).toHaveLength(2);
  expect(leaks(answers, ["e2e-cross-site-token"])).toEqual([]);
});
