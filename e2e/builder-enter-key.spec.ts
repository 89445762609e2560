// Enter in a field of the builder never spends Buzz (issue: Enter in Seed or
// Quantity started a generation). Only Generate or Ctrl/Cmd+Enter submit.
import type { Request } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { pngFile, ReferencesPanel } from "./support/references";

const isSubmit = (r: Request) =>
  r.method() === "POST" && new URL(r.url()).pathname === "/api/workflows";
const seedOf = (r: Request): unknown => (r.postDataJSON() as { seed?: unknown }).seed;

test("Enter in every field of the builder submits nothing; Ctrl+Enter submits once", async ({
  page,
  studio,
}) => {
  const submits: Request[] = [];
  page.on("request", (r) => {
    if (isSubmit(r)) submits.push(r);
  });
  await studio.goto();
  const refs = new ReferencesPanel(page);
  const prompt = studio.uniquePrompt("enter never submits, a copper kettle");
  await studio.prompt.fill(prompt);
  await refs.drop({ files: [await pngFile("kettle.png", "#b87333")] });
  await expect(refs.rows).toHaveCount(1);
  await refs.settled();
  await studio.seed.fill("99");
  await studio.quantity.fill("2");

  // Enter in the prompt is a newline, nothing more.
  await studio.prompt.press("End");
  await studio.prompt.press("Enter");
  await expect(studio.prompt).toHaveValue(`${prompt}\n`);

  // Every other field the form holds, whatever kind it is (inputs, radios, sliders).
  const fields = studio.builder
    .getByRole("form", { name: "Krea v2 settings" })
    .locator('input:not([type="hidden"]):not([type="file"]), [role="radio"], [role="slider"]');
  const count = await fields.count();
  expect(count).toBeGreaterThanOrEqual(10);
  const pressed: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || !(await field.isEditable().catch(() => true))) continue;
    await field.focus();
    await field.press("Enter");
    pressed.push(
      (await field.getAttribute("aria-label")) ?? (await field.getAttribute("id")) ?? "",
    );
  }
  // Named ones the designer hit, by their labels: all among what was pressed.
  await studio.quantity.press("Enter");
  await studio.seed.press("Enter");
  await refs.strengthField(1).press("Enter");
  await refs.urlField.fill("not a url");
  await refs.urlField.press("Enter");
  await expect(refs.section.getByRole("alert").first()).toBeVisible();
  await refs.urlField.fill("");

  // The style set picker's search field, in its popover.
  await refs.section.getByRole("button", { name: "Style sets" }).click();
  const search = page.getByRole("dialog", { name: "Style sets" }).getByRole("searchbox");
  await search.fill("nothing");
  await search.press("Enter");
  await page.keyboard.press("Escape");

  // The positive signal: Ctrl+Enter with a seed no Enter above was pressed with
  // sends exactly one submit. Had any Enter submitted, its request (seed 99) would
  // be in the list, or would have held this one back as a click in flight.
  await studio.seed.fill("4242");
  await studio.seed.press("Control+Enter");
  await expect(studio.toast(/Generating 2 images/)).toBeVisible();
  await expect.poll(() => submits.length).toBe(1);
  expect(seedOf(submits[0]!)).toBe(4242);
  expect(pressed.length).toBeGreaterThanOrEqual(10);
  expect(await studio.generationsWithPrompt(`${prompt}\n`)).toHaveLength(1);
});

test("Ctrl+Enter in the prompt submits once", async ({ page, studio }) => {
  const submits: Request[] = [];
  page.on("request", (r) => {
    if (isSubmit(r)) submits.push(r);
  });
  await studio.goto();
  const prompt = studio.uniquePrompt("ctrl enter, a pewter jug");
  await studio.prompt.fill(prompt);
  await studio.prompt.press("Control+Enter");
  await expect(studio.toast(/Generating 1 image/)).toBeVisible();
  await expect(studio.prompt).toHaveValue(prompt);
  expect(submits).toHaveLength(1);
  await expect.poll(async () => (await studio.generationsWithPrompt(prompt)).length).toBe(1);
});
