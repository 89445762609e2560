import { expect, test } from "./support/gallery-fixtures";
import { createGeneration, uniquePrompt } from "./support/studio-api";

// A designer on a phone (390×844, touch): the new card is far below the
// builder, toasts must not cover the builder's buttons, and without hover a
// long press selects images.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("after Generate the toast leaves the builder's buttons free", async ({ studio }) => {
  await studio.goto();
  await studio.prompt.fill(uniquePrompt("Phone toast"));
  await studio.generate.click();
  const toast = studio.toast(/Generating|ready/);
  await expect(toast).toBeVisible();
  const toastBox = (await toast.boundingBox())!;
  for (const button of [
    studio.generate,
    studio.builder.getByRole("button", { name: /^Compare tiers/ }),
  ]) {
    const box = await button.boundingBox();
    if (box) expect(overlaps(toastBox, box), await button.innerText()).toBe(false);
  }
});

test("after Generate, View brings the new card into view", async ({ request, studio }) => {
  // Some history, so the gallery has cards and the new one lands on top of them.
  await createGeneration(request, { prompt: uniquePrompt("Older work") }, { wait: 20 });
  await studio.goto();
  const prompt = uniquePrompt("Phone generate");
  await studio.prompt.fill(prompt);
  await studio.generate.click();
  const card = studio.generation(prompt);
  await expect(card).toBeAttached();
  await expect(card).not.toBeInViewport();
  await studio.builder.getByRole("button", { name: "View", exact: true }).click();
  await expect(card).toBeInViewport();
});

test("a long press selects an image; while choosing, a tap toggles another", async ({
  request,
  studio,
}) => {
  const prompt = uniquePrompt("Touch select");
  await createGeneration(request, { prompt, quantity: 2 }, { wait: 20 });
  await studio.goto();
  const card = studio.generation(prompt);
  const first = card.getByRole("button", { name: "Open image 1 of 2" });
  await first.scrollIntoViewIfNeeded();
  const box = (await first.boundingBox())!;
  const at = { pointerType: "touch", isPrimary: true, clientX: box.x + 20, clientY: box.y + 20 };
  await first.dispatchEvent("pointerdown", at);
  const bar = studio.page.getByRole("region", { name: "Selection" });
  // The finger rests: after a moment the image is selected, the lightbox stays shut.
  await expect(bar).toContainText("1 selected");
  await first.dispatchEvent("pointerup", at);
  await expect(card.getByRole("checkbox", { name: "Select image 1 of 2" })).toBeChecked();
  await expect(studio.lightbox).toHaveCount(0);

  await card.getByRole("button", { name: "Open image 2 of 2" }).tap();
  await expect(bar).toContainText("2 selected");
  await expect(studio.lightbox).toHaveCount(0);
});
