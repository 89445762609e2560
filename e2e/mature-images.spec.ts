import { expect, test } from "./support/fixtures";
import { createGeneration, uniquePrompt } from "./support/studio-api";

// Mature images come back with their URLs (every read sends
// hideMatureContent=false) and show blurred under a "Mature" badge until the
// designer reveals them, in the card and in the lightbox.

test("a test:mature generation shows its images, blurred, after a reload; one click or key reveals each", async ({
  request,
  studio,
}) => {
  const prompt = uniquePrompt("test:mature A figure study in charcoal");
  await createGeneration(request, { prompt, quantity: 2 }, { wait: 20 });
  await studio.goto();
  await studio.page.reload();

  const card = studio.generation(prompt);
  const first = card.getByRole("img", { name: /image 1 of 2/ });
  const second = card.getByRole("img", { name: /image 2 of 2/ });
  for (const img of [first, second]) {
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(0);
    await expect(img).toHaveClass(/blur/);
  }
  await expect(card.getByText("Mature", { exact: true })).toHaveCount(2);

  await card.getByRole("button", { name: "Show mature image 1 of 2" }).click();
  await expect(first).not.toHaveClass(/blur/);
  await expect(second).toHaveClass(/blur/);
  // The badge stays on a revealed image, and the tile opens the lightbox again.
  await expect(card.getByText("Mature", { exact: true })).toHaveCount(2);
  await card.getByRole("button", { name: "Open image 1 of 2" }).click();

  const box = studio.lightbox;
  const full = (n: number) => box.getByRole("img", { name: new RegExp(`image ${n} of 2`) });
  await expect(full(1)).not.toHaveClass(/blur/);
  await studio.page.keyboard.press("ArrowRight");
  await expect(full(2)).toHaveClass(/blur/);
  const show = box.getByRole("button", { name: "Show mature image 2 of 2" });
  await show.focus();
  await studio.page.keyboard.press("Enter");
  await expect(full(2)).not.toHaveClass(/blur/);
  await expect(box.getByText("Mature", { exact: true })).toBeVisible();
  await studio.page.keyboard.press("Escape");
  // Revealed in the lightbox, revealed in the card.
  await expect(second).not.toHaveClass(/blur/);
});

test("a mature pair's wipe view is veiled as a whole until revealed", async ({ studio }) => {
  const prompt = uniquePrompt("test:mature A study of hands");
  await studio.goto();
  await studio.prompt.fill(prompt);
  await expect(studio.builder.getByText(`${prompt.length} / 5000`)).toBeVisible();
  await studio.builder.getByRole("button", { name: /^Compare tiers/ }).click();
  const card = studio.generation(prompt);
  await expect(card.getByRole("button", { name: /^Show mature large image 1 of 1$/i })).toBeVisible(
    {
      timeout: 30_000,
    },
  );

  await card.getByRole("button", { name: "Wipe view" }).click();
  const dialog = studio.page.getByRole("dialog", { name: "Wipe view: medium vs large" });
  const sides = [/^Medium: /, /^Large: /].map((name) => dialog.getByRole("img", { name }));
  for (const img of sides) await expect(img).toHaveClass(/blur/);
  await dialog.getByRole("button", { name: "Show mature pair 1 of 1" }).click();
  for (const img of sides) await expect(img).not.toHaveClass(/blur/);
  await expect(dialog.getByRole("slider", { name: "Wipe position" })).toBeVisible();
});
