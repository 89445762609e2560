import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/gallery-fixtures";
import type { StudioPage } from "./support/studio-page";
import { createGeneration, uniquePrompt } from "./support/studio-api";

// Seeing an image at 100 %: the lightbox and the wipe view zoom (wheel, pinch,
// keys, buttons) and pan (drag, arrows); the wipe view's two sides always share
// one view; the lightbox swipes on phones; the wipe handle stays on its line.

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

/** Device pixels drawn per image pixel: 1 at true 100 %. */
function pixelRatio(img: Locator): Promise<number> {
  return img.evaluate(
    (el: HTMLImageElement) =>
      (el.getBoundingClientRect().width * window.devicePixelRatio) / el.naturalWidth,
  );
}

async function openLightbox(studio: StudioPage, request: Parameters<typeof createGeneration>[0]) {
  const prompt = uniquePrompt("Harbour cranes at night");
  await createGeneration(
    request,
    { prompt, aspectRatio: "16:9", size: "large", quantity: 2 },
    { wait: 20 },
  );
  await studio.goto();
  await studio.generation(prompt).getByRole("button", { name: "Open image 1 of 2" }).click();
  const lightbox = studio.lightbox;
  const full = lightbox.getByRole("img", { name: `${prompt} — image 1 of 2` });
  await expect.poll(() => full.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1376);
  return { lightbox, full, stage: lightbox.getByTestId("lightbox-stage") };
}

async function expectFitted(full: Locator, stage: Locator) {
  await expect
    .poll(async () => {
      const [b, s] = [await box(full), await box(stage)];
      const inside = b.width <= s.width + 1 && b.height <= s.height + 1;
      const touches = Math.abs(b.width - s.width) < 1 || Math.abs(b.height - s.height) < 1;
      return inside && touches;
    })
    .toBe(true);
}

test.describe("lightbox at 1440×900", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("1 shows true pixels, 0 fits, the wheel zooms around the pointer, a drag and the arrows pan", async ({
    page,
    request,
    studio,
  }) => {
    const { lightbox, full, stage } = await openLightbox(studio, request);
    const level = lightbox.getByRole("status", { name: "Zoom level" });
    await expectFitted(full, stage);
    const fitted = await box(full);
    await expect(level).toHaveText(`${Math.round((fitted.width / 1376) * 100)}%`);

    await page.keyboard.press("1");
    await expect.poll(() => pixelRatio(full)).toBeCloseTo(1, 3);
    await expect(level).toHaveText("100%");
    expect((await box(full)).height).toBeCloseTo(768, 0);

    await page.keyboard.press("0");
    await expectFitted(full, stage);

    // The wheel zooms in around the pointer: the image point under it stays there
    // (vertically it stays centred while it is not taller than the stage).
    const at = { x: fitted.x + fitted.width * 0.3, y: fitted.y + fitted.height * 0.5 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -240);
    await expect.poll(async () => (await box(full)).width).toBeGreaterThan(fitted.width * 1.3);
    const zoomed = await box(full);
    expect((at.x - zoomed.x) / zoomed.width).toBeCloseTo(0.3, 2);
    expect((at.y - zoomed.y) / zoomed.height).toBeCloseTo(0.5, 2);

    // A drag pans by as much as the pointer moved.
    await page.keyboard.press("1");
    await expect(level).toHaveText("100%");
    const before = await box(full);
    const s = await box(stage);
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
    await page.mouse.down();
    await page.mouse.move(s.x + s.width / 2 - 150, s.y + s.height / 2, { steps: 6 });
    await page.mouse.up();
    expect((await box(full)).x).toBeCloseTo(before.x - 150, 0);
    await expect(level).toHaveText("100%");

    // Zoomed in, the arrows pan instead of stepping to the next image.
    const panned = await box(full);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await box(full)).x).toBeCloseTo(panned.x + 80, 0);
    await expect(lightbox).toContainText("Image 1 of 2");

    // The buttons do the same as the keys.
    await lightbox.getByRole("button", { name: "Fit to view" }).click();
    await expectFitted(full, stage);
    await lightbox.getByRole("button", { name: "Zoom in" }).click();
    await expect(level).toHaveText(`${Math.round((fitted.width / 1376) * 150)}%`);
    await lightbox.getByRole("button", { name: "Zoom out" }).click();
    await expectFitted(full, stage);
    await expect(lightbox.getByRole("button", { name: "Zoom out" })).toBeDisabled();
    await lightbox.getByRole("button", { name: "Zoom to 100%" }).click();
    await expect.poll(() => pixelRatio(full)).toBeCloseTo(1, 3);

    // A click on the image toggles fit / 100 %; a click on the dark around it closes.
    await full.click();
    await expectFitted(full, stage);
    await full.click({ position: { x: 50, y: 50 } });
    await expect(level).toHaveText("100%");
    await page.keyboard.press("0");
    await expectFitted(full, stage);
    const f = await box(full);
    await page.mouse.click(f.x + f.width / 2, f.y - 40);
    await expect(lightbox).toBeHidden();
  });
});

test.describe("lightbox on a 2× screen", () => {
  test.use({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });

  test("100% means one image pixel per device pixel", async ({ page, request, studio }) => {
    const { lightbox, full } = await openLightbox(studio, request);
    await page.keyboard.press("1");
    await expect(lightbox.getByRole("status", { name: "Zoom level" })).toHaveText("100%");
    await expect.poll(async () => (await box(full)).width).toBeCloseTo(688, 0);
    expect(await pixelRatio(full)).toBeCloseTo(1, 3);
  });
});

/** Touches through the browser's own input pipeline (CDP), as a phone sends them. */
async function touch(page: Page, paths: { x: number; y: number }[][]) {
  const cdp = await page.context().newCDPSession(page);
  const at = (step: number) =>
    paths.map((path, id) => ({ ...path[Math.min(step, path.length - 1)]!, id }));
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
  const steps = Math.max(...paths.map((p) => p.length));
  for (let i = 1; i < steps; i++)
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(i) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

function line(from: { x: number; y: number }, dx: number, dy: number, steps = 8) {
  return Array.from({ length: steps + 1 }, (_, i) => ({
    x: from.x + (dx * i) / steps,
    y: from.y + (dy * i) / steps,
  }));
}

test.describe("lightbox on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a swipe steps between images; a pinch zooms, and then a drag pans instead", async ({
    page,
    request,
    studio,
  }) => {
    const { lightbox, full, stage } = await openLightbox(studio, request);
    const s = await box(stage);
    const centre = { x: s.x + s.width / 2, y: s.y + s.height / 2 };
    await expectFitted(full, stage);

    await touch(page, [line(centre, -200, 10)]);
    await expect(lightbox).toContainText("Image 2 of 2");
    await touch(page, [line(centre, 200, -10)]);
    await expect(lightbox).toContainText("Image 1 of 2");
    // A short or vertical drag is not a swipe.
    await touch(page, [line(centre, -20, 0)]);
    await touch(page, [line(centre, 30, 150)]);
    await expect(lightbox).toContainText("Image 1 of 2");

    const level = lightbox.getByRole("status", { name: "Zoom level" });
    const fitLevel = await studio.zoomLevel(lightbox);
    await touch(page, [
      line({ x: centre.x - 30, y: centre.y }, -60, 0),
      line({ x: centre.x + 30, y: centre.y }, 60, 0),
    ]);
    await expect.poll(() => studio.zoomLevel(lightbox)).toBeGreaterThan(fitLevel * 2.5);
    const zoomed = await box(full);
    await touch(page, [line(centre, -120, 0)]);
    await expect(lightbox).toContainText("Image 1 of 2");
    expect((await box(full)).x).toBeCloseTo(zoomed.x - 120, 0);
    await expect(level).not.toHaveText(`${fitLevel}%`);
  });
});

async function openWipe(studio: StudioPage, request: Parameters<typeof createGeneration>[0]) {
  const prompt = uniquePrompt("A brass telescope on a chart table");
  const pair = `p_e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const input = { prompt, aspectRatio: "16:9", seed: 4242 };
  await Promise.all(
    (["medium", "large"] as const).map((size) =>
      createGeneration(request, { ...input, size }, { wait: 20, links: { pair } }),
    ),
  );
  await studio.goto();
  await studio.generation(prompt).getByRole("button", { name: "Wipe view" }).click();
  const dialog = studio.wipeView;
  await expect(dialog).toBeVisible();
  const medium = dialog.getByRole("img", { name: /^Medium: / });
  const large = dialog.getByRole("img", { name: /^Large: / });
  for (const img of [medium, large])
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1376);
  return { dialog, medium, large, divider: dialog.getByRole("slider", { name: "Wipe position" }) };
}

async function expectSameBox(a: Locator, b: Locator) {
  const [x, y] = [await box(a), await box(b)];
  expect(x.width).toBeCloseTo(y.width, 1);
  expect(x.height).toBeCloseTo(y.height, 1);
  expect(x.x).toBeCloseTo(y.x, 1);
  expect(x.y).toBeCloseTo(y.y, 1);
}

test.describe("wipe view at 1440×900", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("both tiers zoom and pan together, the divider still works, and side by side matches too", async ({
    page,
    request,
    studio,
  }) => {
    const { dialog, medium, large, divider } = await openWipe(studio, request);
    const level = dialog.getByRole("status", { name: "Zoom level" });
    const layer = dialog.getByTestId("wipe-medium-layer");
    await expectSameBox(medium, large);
    const fitted = await box(large);

    await expectNoSeriousA11yViolations(page);

    await page.keyboard.press("1");
    await expect(level).toHaveText("100%");
    await expect.poll(() => pixelRatio(large)).toBeCloseTo(1, 3);
    await expectSameBox(medium, large);

    // Away from the divider, the arrows pan both sides; the divider stays put.
    const centred = await box(large);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await box(large)).x).toBeCloseTo(centred.x + 80, 0);
    await expectSameBox(medium, large);
    await expect(divider).toHaveAttribute("aria-valuenow", "50");

    // Drag-pan on the image: both sides move, together, by as much as the pointer.
    const from = { x: fitted.x + fitted.width * 0.25, y: fitted.y + fitted.height * 0.5 };
    const before = await box(large);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 120, from.y + 60, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await box(large)).x).toBeCloseTo(before.x - 120, 0);
    await expectSameBox(medium, large);
    await expect(divider).toHaveAttribute("aria-valuenow", "50");

    // Wheel zoom, then a click: it puts the divider there without changing the view.
    await page.mouse.wheel(0, -200);
    await expect.poll(() => studio.zoomLevel(dialog)).toBeGreaterThan(100);
    await expectSameBox(medium, large);
    const zoomedBox = await box(large);
    await page.mouse.click(fitted.x + fitted.width * 0.3, fitted.y + fitted.height * 0.5);
    await expect(divider).toHaveAttribute("aria-valuenow", "30");
    await expect(layer).toHaveCSS("clip-path", "inset(0px 70% 0px 0px)");
    expect((await box(large)).x).toBeCloseTo(zoomedBox.x, 1);

    // The divider by keyboard and by dragging its handle.
    await divider.focus();
    await page.keyboard.press("End");
    await expect(divider).toHaveAttribute("aria-valuenow", "100");
    await expect(layer).toHaveCSS("clip-path", "inset(0px 0% 0px 0px)");
    const handle = await box(divider);
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(fitted.x + fitted.width * 0.6, handle.y + handle.height / 2, {
      steps: 5,
    });
    await page.mouse.up();
    await expect(divider).toHaveAttribute("aria-valuenow", "60");
    expect((await box(large)).x).toBeCloseTo(zoomedBox.x, 1);

    // Side by side: each side in its own frame, at the same place in it.
    await dialog.getByRole("button", { name: "Side by side" }).click();
    await expect(dialog.getByRole("button", { name: "Side by side" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    const left = dialog.getByTestId("side-stage-medium");
    const right = dialog.getByTestId("side-stage-large");
    const expectSameOffsets = async () => {
      const [m, l, ml, rl] = [
        await box(medium),
        await box(large),
        await box(left),
        await box(right),
      ];
      return {
        dx: m.x - ml.x - (l.x - rl.x),
        dy: m.y - ml.y - (l.y - rl.y),
        dw: m.width - l.width,
      };
    };
    await page.keyboard.press("1");
    await expect.poll(() => pixelRatio(medium)).toBeCloseTo(1, 3);
    await expectSameOffsets();
    const l0 = await box(left);
    const m0 = await box(medium);
    await page.mouse.move(l0.x + l0.width / 2, l0.y + l0.height / 2);
    await page.mouse.down();
    await page.mouse.move(l0.x + l0.width / 2 - 100, l0.y + l0.height / 2 - 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await box(medium)).x).toBeCloseTo(m0.x - 100, 0);
    await expectSameOffsets();
  });
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`wipe handle at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("the handle sits on the divider at every position, the edges included", async ({
      page,
      request,
      studio,
    }) => {
      const { large, divider } = await openWipe(studio, request);
      const image = await box(large);
      await divider.focus();
      for (const [key, value] of [
        ["Home", 0],
        ["ArrowRight", 1],
        ["End", 100],
        ["ArrowLeft", 99],
        ["PageDown", 89],
      ] as const) {
        await page.keyboard.press(key);
        await expect(divider).toHaveAttribute("aria-valuenow", String(value));
        const handle = await box(divider);
        expect(handle.x + handle.width / 2).toBeCloseTo(image.x + (image.width * value) / 100, 0);
        // …and whole on screen: on a phone the image spans the width, half a handle was cut off.
        expect(handle.x).toBeGreaterThanOrEqual(0);
        expect(handle.x + handle.width).toBeLessThanOrEqual(viewport.width);
      }
    });
  });
}
