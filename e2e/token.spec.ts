import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";

const COOKIE = "krea_studio_token";

test("the Token dialog: rejected tokens say so; a good one goes into an httpOnly cookie and is never echoed", async ({
  page,
  context,
  studio,
}) => {
  const token = `e2e-secret-${Date.now().toString(36)}-token`;
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => bodies.push(response.text().catch(() => "")));

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

  for (const body of await Promise.all(bodies)) expect(body).not.toContain(token);
});

test("the token routes refuse cross-site requests", async ({ request }) => {
  const res = await request.post("/api/token", {
    headers: { origin: "https://evil.example" },
    data: { token: "e2e-cross-site-token" },
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["set-cookie"]).toBeUndefined();
  const del = await request.delete("/api/token", { headers: { "sec-fetch-site": "cross-site" } });
  expect(del.status()).toBe(403);
});
