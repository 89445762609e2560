import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
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
