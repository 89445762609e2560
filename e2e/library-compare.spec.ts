import type { Generation } from "../lib/contract/generations/types";
import { expect, test } from "./support/gallery-fixtures";
import type { StudioPage } from "./support/studio-page";

// Compare tiers and sweeps from the builder, against the embedded engine: what
// reaches the orchestrator, how it lands in the gallery, and the wipe view.

/** Waits for the prompt's `count` workflows; the page must have asked for exactly those. */
async function workflowsFor(studio: StudioPage, prompt: string, count: number) {
  let found: Generation[] = [];
  await expect
    .poll(async () => (found = await studio.generationsWithPrompt(prompt)).length)
    .toBe(count);
  // Recorded as the browser sent them: a second click's submits would be here.
  expect(studio.submits.keys(prompt)).toHaveLength(count);
  return found;
}

// Checked once more after each test: nothing was sent late, after its last check.
test.afterEach(async ({ studio }) => {
  const prompts = new Set(studio.submits.sent.map((s) => s.prompt));
  for (const prompt of prompts) {
    if (prompt === null) continue;
    expect(studio.submits.keys(prompt)).toHaveLength(
      (await studio.generationsWithPrompt(prompt)).length,
    );
  }
});

test("Compare tiers sends one seed as medium and as large and lands as one pair card with a wipe view", async ({
  studio,
}) => {
  const prompt = studio.uniquePrompt("A brass telescope on a chart table");
  await studio.goto();
  await studio.prompt.fill(prompt);
  await studio.option("Aspect ratio", "16:9").check();
  const compare = studio.builder.getByRole("button", { name: /^Compare tiers/ });
  // The combined cost is on the button before anything is sent.
  await expect(compare).toContainText("117 Buzz");
  await compare.dblclick();

  const [a, b] = await workflowsFor(studio, prompt, 2);
  expect(a?.input?.seed).toEqual(expect.any(Number));
  const { size: sizeA, ...restA } = a!.input!;
  const { size: sizeB, ...restB } = b!.input!;
  expect([sizeA, sizeB].sort()).toEqual(["large", "medium"]);
  expect(restA).toEqual(restB);
  expect(a?.metadata.pairId).toBeTruthy();
  expect(a?.metadata.pairId).toBe(b?.metadata.pairId);

  const card = studio.generation(prompt);
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Compare tiers");
  await expect(card.getByRole("region", { name: "Medium" })).toContainText("39 Buzz");
  await expect(card.getByRole("region", { name: "Large" })).toContainText("78 Buzz");
  // Once both finished: the difference in Buzz and in wall time.
  await expect(card.getByText(/^\+39 Buzz, [+−±][\d.]+ s$/)).toBeVisible({ timeout: 30_000 });

  await card.getByRole("button", { name: "Wipe view" }).click();
  const dialog = studio.page.getByRole("dialog", { name: "Wipe view: medium vs large" });
  await expect(dialog).toBeVisible();
  const divider = dialog.getByRole("slider", { name: "Wipe position" });
  await expect(divider).toHaveAttribute("aria-valuenow", "50");
  const medium = dialog.getByRole("img", { name: /^Medium: / });
  // The medium image is clipped by its layer, so zooming never moves the wipe.
  const layer = dialog.getByTestId("wipe-medium-layer");
  await expect(layer).toHaveCSS("clip-path", "inset(0px 50% 0px 0px)");

  // Keyboard: arrows step, End and Home go to the edges.
  await divider.focus();
  await studio.page.keyboard.press("ArrowLeft");
  await expect(divider).toHaveAttribute("aria-valuenow", "49");
  await studio.page.keyboard.press("End");
  await expect(divider).toHaveAttribute("aria-valuenow", "100");
  await expect(layer).toHaveCSS("clip-path", "inset(0px 0% 0px 0px)");
  await studio.page.keyboard.press("Home");
  await expect(divider).toHaveAttribute("aria-valuenow", "0");

  // Mouse: a click on the image puts the divider there; its handle drags it.
  const box = (await medium.boundingBox())!;
  const y = box.y + box.height / 2;
  await studio.page.mouse.click(box.x + box.width * 0.2, y);
  await expect(divider).toHaveAttribute("aria-valuenow", "20");
  await studio.page.mouse.move(box.x + box.width * 0.2, y);
  await studio.page.mouse.down();
  await studio.page.mouse.move(box.x + box.width * 0.75, y, { steps: 5 });
  await studio.page.mouse.up();
  const value = Number(await divider.getAttribute("aria-valuenow"));
  expect(value).toBeGreaterThanOrEqual(70);
  expect(value).toBeLessThanOrEqual(80);
  await expect(layer).toHaveCSS("clip-path", `inset(0px ${100 - value}% 0px 0px)`);

  await studio.page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("with quantity 2 a pair lines up image 1 with image 1 and image 2 with image 2", async ({
  studio,
}) => {
  const prompt = studio.uniquePrompt("Two paper boats on a pond");
  await studio.goto();
  await studio.prompt.fill(prompt);
  await studio.quantity.fill("2");
  const compare = studio.builder.getByRole("button", { name: /^Compare tiers/ });
  await expect(compare).toContainText("234 Buzz");
  await compare.click();
  await workflowsFor(studio, prompt, 2);
  const card = studio.generation(prompt);
  for (const side of ["Medium", "Large"]) {
    const column = card.getByRole("region", { name: side });
    await expect(column.getByRole("img")).toHaveCount(2, { timeout: 30_000 });
    await expect(column.getByRole("img").nth(1)).toHaveAttribute(
      "alt",
      new RegExp(`^${side.toLowerCase()}: .* — image 2 of 2$`),
    );
  }
});

test("a creativity sweep sends four workflows on one seed and shows them as one row", async ({
  studio,
}) => {
  const prompt = studio.uniquePrompt("A ceramic vase under north light");
  await studio.goto();
  await studio.prompt.fill(prompt);
  const sweep = studio.builder.getByRole("button", { name: /^Creativity sweep/ });
  await expect(sweep).toContainText("156 Buzz");
  await sweep.click();

  const members = await workflowsFor(studio, prompt, 4);
  expect(new Set(members.map((g) => g.input?.seed)).size).toBe(1);
  expect(members.map((g) => g.input?.creativity).sort()).toEqual(["high", "low", "medium", "raw"]);
  expect(new Set(members.map((g) => g.metadata.sweepId)).size).toBe(1);

  const card = studio.generation(prompt);
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Creativity sweep");
  const columns = card.getByRole("region");
  await expect(columns).toHaveCount(4);
  await expect(columns.nth(0)).toHaveAccessibleName("Raw");
  await expect(columns.nth(3)).toHaveAccessibleName("High");
  // One row: the four columns share a top edge.
  const tops = await Promise.all(
    (await columns.all()).map(async (c) => (await c.boundingBox())?.y),
  );
  expect(new Set(tops).size).toBe(1);
});

test("a click above the spend limit asks first, and Cancel sends nothing", async ({ studio }) => {
  const prompt = studio.uniquePrompt("Ten large lanterns");
  await studio.goto();
  await studio.prompt.fill(prompt);
  await studio.quantity.fill("4");
  // 4 × 39 + 4 × 78 = 468 Buzz, above the default 300.
  await studio.builder.getByRole("button", { name: /^Compare tiers/ }).click();
  const ask = studio.page.getByRole("dialog", { name: /Compare tiers: spend 468 Buzz\?/ });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  expect(studio.submits.keys(prompt)).toEqual([]);

  await studio.builder.getByRole("button", { name: /^Compare tiers/ }).click();
  await studio.page.getByRole("button", { name: "Spend 468 Buzz" }).click();
  await workflowsFor(studio, prompt, 2);
});

test("Try on large completes a single medium generation into a pair on the same seed", async ({
  studio,
}) => {
  const prompt = studio.uniquePrompt("A fox in fresh snow");
  await studio.goto();
  await studio.prompt.fill(prompt);
  await studio.generate.click();
  const [original] = await workflowsFor(studio, prompt, 1);
  const card = studio.generation(prompt);
  await card.getByRole("button", { name: "Generation actions" }).click();
  await studio.page.getByRole("menuitem", { name: /^Try on large, same seed/ }).click();
  const both = await workflowsFor(studio, prompt, 2);
  const large = both.find((g) => g.input?.size === "large");
  expect(large?.input?.seed).toBe(original?.input?.seed);
  expect(large?.metadata.parentId).toBe(original?.id);
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Compare tiers");
  await expect(card.getByRole("region", { name: "Large" })).toBeVisible();
});
