import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/gallery-fixtures";
import { cancelGeneration, createGeneration, uniquePrompt } from "./support/studio-api";

test("finished images show at their own size with settings, seed and Buzz", async ({
  request,
  studio,
}) => {
  const prompt = uniquePrompt("A lighthouse on a basalt cliff at dusk");
  const g = await createGeneration(
    request,
    { prompt, aspectRatio: "16:9", quantity: 2 },
    { wait: 20 },
  );
  expect(g.status).toBe("succeeded");
  await studio.goto();
  const card = studio.generation(prompt);
  await expect(card.getByText("Succeeded")).toBeVisible();
  const images = card.getByRole("img");
  await expect(images).toHaveCount(2);
  for (const img of await images.all()) {
    await expect(img).toHaveAttribute("width", "1376");
    await expect(img).toHaveAttribute("height", "768");
    await expect(img).toHaveAttribute("alt", new RegExp(`^${prompt} — image \\d of 2$`));
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(0);
  }
  await expect(card.getByRole("list", { name: "Settings" })).toContainText("16:9 · 1376×768");
  await expect(card.getByRole("button", { name: `Copy seed ${g.input?.seed}` })).toBeVisible();
  await expect(card).toContainText("78 Buzz");
});

test("a generation in flight shows its progress and can be canceled", async ({
  request,
  studio,
}) => {
  const prompt = uniquePrompt("test:slow A glass perfume bottle on travertine");
  await createGeneration(request, { prompt });
  await studio.goto();
  const card = studio.generation(prompt);
  const progress = card.getByRole("progressbar", { name: "Generation progress" });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", /^\d+$/);
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card.getByText("Canceled", { exact: true })).toBeVisible();
  await expect(card).toContainText("not charged");
  await expect(progress).toHaveCount(0);
});

test("a blocked prompt says why and not to retry the same input", async ({ request, studio }) => {
  const prompt = uniquePrompt("test:blocked A prompt the moderation refuses");
  await createGeneration(request, { prompt }, { wait: 20 });
  await studio.goto();
  const card = studio.generation(prompt);
  await expect(card.getByText("Blocked by moderation")).toBeVisible();
  await expect(card).toContainText("Don't retry the same input");
  await expect(card.getByRole("img")).toHaveCount(0);
});

test("reloading mid-generation loses nothing and following resumes, one long-poll at a time", async ({
  page,
  request,
  studio,
}) => {
  const prompt = uniquePrompt("test:slow Macro shot of dew on a spider web");
  const g = await createGeneration(request, { prompt });
  let inFlight = 0;
  let maxInFlight = 0;
  const isWatch = (url: string) => url.includes("/api/workflows/watch");
  page.on("request", (r) => {
    if (isWatch(r.url())) maxInFlight = Math.max(maxInFlight, ++inFlight);
  });
  const done = (r: { url(): string }) => {
    if (isWatch(r.url())) inFlight--;
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);

  await studio.goto();
  await expect(studio.generation(prompt).getByRole("progressbar")).toBeVisible();
  await page.reload();
  const card = studio.generation(prompt);
  await expect(card.getByRole("progressbar")).toBeVisible();
  // Finished elsewhere (another tab, the API): the open long-poll brings it in.
  await cancelGeneration(request, g.id);
  await expect(card.getByText("Canceled", { exact: true })).toBeVisible({ timeout: 15_000 });
  expect(maxInFlight).toBe(1);
});

test("the lightbox steps through images with the arrow keys and Esc returns focus", async ({
  page,
  request,
  studio,
}) => {
  const prompt = uniquePrompt("Portrait of a ceramicist in her studio");
  await createGeneration(request, { prompt, aspectRatio: "4:5", quantity: 2 }, { wait: 20 });
  await studio.goto();
  const card = studio.generation(prompt);
  await card.getByRole("button", { name: "Open image 1 of 2" }).click();
  const lightbox = studio.lightbox;
  await expect(lightbox).toBeVisible();
  await expect(lightbox.getByRole("heading", { name: prompt })).toBeVisible();
  await expect(lightbox).toContainText("Image 1 of 2");
  const full = lightbox.getByRole("img", { name: `${prompt} — image 1 of 2` });
  await expect.poll(() => full.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(928);
  await page.keyboard.press("ArrowRight");
  await expect(lightbox).toContainText("Image 2 of 2");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  await expect(card.getByRole("button", { name: "Open image 2 of 2" })).toBeFocused();
});

test("per-image actions: download by seed, copy as API request with a token placeholder", async ({
  page,
  request,
  studio,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const prompt = uniquePrompt("Poster typography study, it's Swiss style");
  const g = await createGeneration(request, { prompt, size: "large" }, { wait: 20 });
  const seed = g.input?.seed;
  await studio.goto();
  const card = studio.generation(prompt);
  const menu = card.getByRole("button", { name: "Actions for image 1 of 1" });

  // The button shows on hover or focus, like the designer would find it.
  await card.getByRole("button", { name: "Open image 1 of 1" }).hover();
  await menu.click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Download" }).click();
  expect((await downloading).suggestedFilename()).toBe(`krea-${seed}-1.jpg`);
  // The menu hands focus back to its button, so the keyboard can carry on.
  await expect(menu).toBeFocused();

  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "Copy as API request" }).click();
  const dialog = page.getByRole("dialog", { name: "Copy as API request" });
  await expect(dialog).toContainText(`"seed": ${seed}`);
  await expect(dialog).toContainText('"size": "large"');
  await expect(dialog).toContainText("Authorization: Bearer $CIVITAI_TOKEN");
  await expect(dialog).not.toContainText("local-studio");
  await dialog.getByRole("button", { name: "Copy JSON body" }).click();
  await expect(page.getByText("JSON body copied")).toBeVisible();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.steps[0].input).toMatchObject({ prompt, seed, size: "large" });
  expect(copied).not.toHaveProperty("externalId");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious accessibility violations with results present (${colorScheme})`, async ({
    page,
    request,
    studio,
  }) => {
    const done = uniquePrompt("Brutalist concrete house in a pine forest");
    await Promise.all([
      createGeneration(request, { prompt: done, quantity: 2 }, { wait: 20 }),
      createGeneration(request, { prompt: uniquePrompt("test:blocked refused") }, { wait: 20 }),
      createGeneration(request, { prompt: uniquePrompt("test:slow still running") }),
    ]);
    await page.emulateMedia({ colorScheme });
    await studio.goto();
    await expect(studio.generation(done).getByText("Succeeded")).toBeVisible();
    await expect(studio.gallery.getByRole("progressbar").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test("a generation deleted on the orchestrator says so and is no longer followed", async ({
  page,
  request,
  studio,
}) => {
  const prompt = uniquePrompt("test:slow Deleted behind the studio's back");
  const g = await createGeneration(request, { prompt });
  // Hold the page's first long-poll until the workflow is gone, so the studio asks
  // about an id the orchestrator no longer knows (a running one would answer
  // "canceled" first).
  let release!: () => void;
  const deleted = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/workflows/watch*", async (route) => {
    await deleted;
    await route.continue();
  });
  await studio.goto();
  const card = studio.generation(prompt);
  await expect(card.getByRole("progressbar")).toBeVisible();
  // Straight on the embedded engine, with the studio's own (non-secret) local token.
  const response = await request.delete(`/api/local-engine/v2/consumer/workflows/${g.id}`, {
    headers: { authorization: "Bearer local-studio" },
  });
  expect(response.ok()).toBe(true);
  release();
  await expect(card.getByText("No longer on the orchestrator")).toBeVisible();
  await expect(card.getByRole("progressbar")).toHaveCount(0);
  await expect(card.getByRole("button", { name: "Cancel" })).toHaveCount(0);
});

test("a menu opened before its code has arrived keeps its button and focus, then opens", async ({
  page,
  request,
  studio,
}) => {
  const prompt = uniquePrompt("Slow network, first menu");
  await createGeneration(request, { prompt }, { wait: 20 });
  await studio.goto();
  const card = studio.generation(prompt);
  const open = card.getByRole("button", { name: "Open image 1 of 1" });
  await expect(open).toBeVisible();
  // From here on the browser's script requests wait, as on a slow phone network:
  // the menu's code, fetched when focus enters the gallery, cannot arrive yet.
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await gate;
    await route.continue();
  });
  await open.focus();
  const menu = card.getByRole("button", { name: "Actions for image 1 of 1" });
  await menu.focus();
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-busy", "true");
  await expect(menu).toBeFocused();
  release();
  // The menu opens by itself once its code is in, and the keyboard is in it.
  await expect(page.getByRole("menuitem", { name: "Download" })).toBeVisible();
  await expect(page.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeFocused();
});
