import { expect, test } from "./support/fixtures";
import { createGeneration } from "./support/studio-api";

// The whole journey a designer takes. The last part (the generation's card with
// its images) relies only on the gallery's accessible structure: an article
// named by the prompt in the region "Gallery", images with alt text and their
// real width and height.
test("fill every field, watch the cost follow, generate and get the right images", async ({
  studio,
}) => {
  await studio.goto();
  const prompt = studio.uniquePrompt("a red kite over white dunes, late light");
  await studio.prompt.fill(prompt);
  await expect(studio.builder.getByText(`${prompt.length} / 5000`)).toBeVisible();
  await expect(studio.generate).toHaveAccessibleName("Generate 1 image · 39 Buzz");

  await studio.option("Tier", "Large").click();
  await expect(studio.option("Tier", "Large")).toBeChecked();
  await expect(studio.generate).toHaveAccessibleName("Generate 1 image · 78 Buzz");
  await expect(studio.cost).toContainText("Medium would cost 39 Buzz");

  await studio.quantity.fill("2");
  await expect(studio.generate).toHaveAccessibleName("Generate 2 images · 156 Buzz");
  await expect(studio.cost).toContainText("78 Buzz/image · 2 images · 156 Buzz");
  await expect(studio.cost).toContainText("Orchestrator quote matches: 156 Buzz");

  await studio.option("Tier", "Medium").click();
  await studio.builder.getByRole("button", { name: "More images" }).click();
  await expect(studio.quantity).toHaveValue("3");
  await expect(studio.generate).toHaveAccessibleName("Generate 3 images · 117 Buzz");
  await expect(studio.cost).toContainText("Large would cost 234 Buzz");
  await expect(studio.cost).toContainText("Orchestrator quote matches: 117 Buzz");

  await studio.option("Aspect ratio", "16:9").click();
  await expect(studio.builder.getByText("1376×768 px")).toBeVisible();
  await studio.option("Creativity", "raw").click();
  await expect(studio.option("Creativity", "raw")).toBeChecked();

  await expect(studio.seed).toHaveValue("");
  await studio.builder.getByRole("button", { name: "Random seed" }).click();
  await expect(studio.seed).toHaveValue(/^\d+$/);
  await studio.seed.fill("1234");
  await expect(
    studio.builder.getByText("Every image of the batch uses the same seed, 1234."),
  ).toBeVisible();

  await studio.generate.click();
  await expect(studio.toast("Generating 3 images · 117 Buzz")).toBeVisible();

  // What the orchestrator received, through the studio's own API.
  await expect.poll(async () => (await studio.generationsWithPrompt(prompt)).length).toBe(1);
  const [generation] = await studio.generationsWithPrompt(prompt);
  expect(generation?.input).toMatchObject({
    size: "medium",
    aspectRatio: "16:9",
    creativity: "raw",
    quantity: 3,
    seed: 1234,
  });

  // The gallery: one card for the prompt, three images at 16:9's output size.
  const card = studio.gallery.getByRole("article", { name: prompt });
  await expect(card).toBeVisible();
  const images = card.getByRole("img");
  await expect(images).toHaveCount(3, { timeout: 30_000 });
  for (const image of await images.all()) {
    await expect(image).toHaveAttribute("alt", /.+/);
    await expect(image).toHaveAttribute("width", "1376");
    await expect(image).toHaveAttribute("height", "768");
  }
});

test("keyboard alone: Tab through the builder, arrows in the groups, Ctrl+Enter generates", async ({
  page,
  studio,
}) => {
  await studio.goto();
  const prompt = studio.uniquePrompt("keyboard only, a paper crane");
  // Radix checks a radio when focus arrives while an arrow key is still down, as
  // with a real key press; Playwright's press needs a hold time to match.
  const arrow = (key: string) => page.keyboard.press(key, { delay: 50 });
  await studio.prompt.focus();
  await page.keyboard.type(prompt);
  await page.keyboard.press("Tab");
  // Tab lands on the checked tier; arrows move the selection.
  await expect(studio.option("Tier", "Medium")).toBeFocused();
  await arrow("ArrowRight");
  await expect(studio.option("Tier", "Large")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(studio.option("Aspect ratio", "1:1")).toBeFocused();
  await arrow("ArrowRight");
  await expect(studio.option("Aspect ratio", "4:3")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(studio.option("Creativity", "medium")).toBeFocused();
  await arrow("ArrowDown");
  await expect(studio.option("Creativity", "high")).toBeChecked();
  await expect(studio.generate).toHaveAccessibleName("Generate 1 image · 78 Buzz");

  await studio.prompt.focus();
  await page.keyboard.press("Control+Enter");
  await expect(studio.toast("Generating 1 image · 78 Buzz")).toBeVisible();
  await expect.poll(async () => (await studio.generationsWithPrompt(prompt)).length).toBe(1);
  const [generation] = await studio.generationsWithPrompt(prompt);
  expect(generation?.input).toMatchObject({
    size: "large",
    aspectRatio: "4:3",
    creativity: "high",
  });
});

test("a reload keeps the half-written draft", async ({ page, studio }) => {
  await studio.goto();
  await studio.prompt.fill("half a thought about");
  await studio.option("Aspect ratio", "9:16").click();
  await studio.quantity.fill("4");
  await page.reload();
  await expect(studio.prompt).toHaveValue("half a thought about");
  await expect(studio.option("Aspect ratio", "9:16")).toBeChecked();
  await expect(studio.quantity).toHaveValue("4");
});

test("Reuse settings replaces the prompt being typed, and the toast's Undo gives it back", async ({
  request,
  studio,
}) => {
  const older = studio.uniquePrompt("an older poster, wet streets");
  await createGeneration(request, { prompt: older, size: "large" }, { wait: 20 });
  await studio.goto();
  const typed = "half a new idea the designer is still typing";
  await studio.prompt.fill(typed);
  const card = studio.generation(older);
  await card.getByRole("button", { name: "Generation actions" }).click();
  await studio.page.getByRole("menuitem", { name: /^Reuse settings/ }).click();
  await expect(studio.prompt).toHaveValue(older);
  const tier = studio.builder.getByRole("radiogroup", { name: "Tier" });
  await expect(tier.getByRole("radio", { name: "Large" })).toBeChecked();
  await studio
    .toast(/^Loaded settings from/)
    .getByRole("button", { name: "Undo" })
    .click();
  await expect(studio.prompt).toHaveValue(typed);
  await expect(tier.getByRole("radio", { name: "Medium" })).toBeChecked();
});
