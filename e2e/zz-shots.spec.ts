import { expect, test } from "./support/gallery-fixtures";
import { createGeneration, uniquePrompt } from "./support/studio-api";

for (const scheme of ["light", "dark"] as const)
  for (const vp of [{ width: 1440, height: 900 }, { width: 390, height: 844 }])
    test.describe(`${scheme} ${vp.width}`, () => {
      test.use({ viewport: vp, colorScheme: scheme, hasTouch: vp.width < 500 });
      test("shots", async ({ page, request, studio }) => {
        const prompt = uniquePrompt("A brass telescope on a chart table");
        const pair = `p_shot${Math.random().toString(36).slice(2, 8)}`;
        await Promise.all(
          (["medium", "large"] as const).map((size) =>
            createGeneration(request, { prompt, aspectRatio: "16:9", seed: 7, size }, { wait: 20, links: { pair } }),
          ),
        );
        await studio.goto();
        const card = studio.generation(prompt);
        await card.getByRole("button", { name: "Open large image 1 of 1" }).first().click();
        const img = studio.lightbox.getByRole("img", { name: new RegExp(prompt) });
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1376);
        const tag = `${scheme}-${vp.width}`;
        await page.screenshot({ path: `/tmp/shots/lightbox-fit-${tag}.png` });
        await page.keyboard.press("1");
        await page.screenshot({ path: `/tmp/shots/lightbox-100-${tag}.png` });
        await page.keyboard.press("Escape");
        await card.getByRole("button", { name: "Wipe view" }).click();
        const m = studio.wipeView.getByRole("img", { name: /^Medium/ });
        await expect.poll(() => m.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1376);
        await page.screenshot({ path: `/tmp/shots/wipe-fit-${tag}.png` });
        await studio.wipeView.getByRole("slider").focus();
        await page.keyboard.press("Home");
        await page.keyboard.press("1");
        await page.screenshot({ path: `/tmp/shots/wipe-100-home-${tag}.png` });
        await studio.wipeView.getByRole("button", { name: "Side by side" }).click();
        await page.screenshot({ path: `/tmp/shots/side-100-${tag}.png` });
      });
    });
