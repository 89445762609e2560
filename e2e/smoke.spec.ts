import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { createGeneration, uniquePrompt } from "./support/studio-api";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";

test("the studio loads on the embedded engine", async ({ page, studio }) => {
  await studio.goto();
  await expect(page).toHaveTitle("Krea Prompt Studio");
  await expect(studio.engineBadge).toHaveAccessibleName("Engine: Local engine");
  await expect(studio.engineBadge).toHaveAccessibleDescription(/no Buzz spent/);
  await expect(studio.builder).toBeVisible();
  await expect(studio.gallery).toBeVisible();
});

// The shared server fills up with other specs' generations; the empty state
// needs a studio nobody has used yet.
test("a fresh studio teaches the first step", async ({ page }) => {
  const server = await StudioServer.launch({ port: extraPort(30), dataDir: testDataDir("fresh") });
  try {
    const studio = new StudioPage(page);
    await page.goto(server.url);
    await expect(studio.gallery.getByRole("heading", { name: "No images yet" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  } finally {
    await server.dispose();
  }
});

test("on a phone the builder stacks above the gallery", async ({ page, studio }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await studio.goto();
  const builder = await studio.builder.boundingBox();
  const gallery = await studio.gallery.boundingBox();
  expect(builder?.width).toBeCloseTo(390, 0);
  expect(gallery?.y).toBeGreaterThanOrEqual((builder?.y ?? 0) + (builder?.height ?? 0));
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious accessibility violations (${colorScheme})`, async ({ page, studio }) => {
    await page.emulateMedia({ colorScheme });
    await studio.goto();
    await expectNoSeriousA11yViolations(page);
  });
}

test("on a desktop the page fits the window: the builder and the gallery scroll, not the page", async ({
  page,
  request,
  studio,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // Enough cards that the gallery is several screens tall.
  await Promise.all(
    Array.from({ length: 9 }, (_, i) =>
      createGeneration(
        request,
        { prompt: uniquePrompt(`tall gallery ${i}`), quantity: 3 },
        { wait: 10 },
      ),
    ),
  );
  await studio.goto();
  // Three-image cards span two columns (one a row), so only the first rows are drawn.
  await expect(studio.gallery.getByRole("article").nth(3)).toBeAttached();
  const overflow = () =>
    page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
  expect(await overflow()).toBeLessThanOrEqual(0);
  // A wheel over the header does not move the page either.
  await page.mouse.move(700, 20);
  await page.mouse.wheel(0, 600);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});
