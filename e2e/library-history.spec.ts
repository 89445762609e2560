import { randomUUID } from "node:crypto";
import { expect, test } from "./support/gallery-fixtures";
import { createGeneration, uniquePrompt } from "./support/studio-api";

// The gallery's keyboard and history: the actions menu, the seed filter's
// field, Back through filter changes, and how cards lay out their images.

test("Enter on a card's actions button opens the menu on its first item", async ({
  request,
  studio,
}) => {
  const prompt = uniquePrompt("Menu by keyboard");
  await createGeneration(request, { prompt }, { wait: 20 });
  await studio.goto();
  const trigger = studio.generation(prompt).getByRole("button", { name: "Generation actions" });
  await trigger.focus();
  await studio.page.keyboard.press("Enter");
  const menu = studio.page.getByRole("menu");
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await studio.page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
});

test("filter changes are history entries: Back returns to the previous filter, and the seed field follows", async ({
  request,
  studio,
}) => {
  const word = uniquePrompt("heron").replace(/\s+/g, "-");
  await createGeneration(request, { prompt: `${word} one`, seed: 1234 }, { wait: 20 });
  await createGeneration(request, { prompt: `${word} two`, size: "large" }, { wait: 20 });
  const page = studio.page;
  await studio.goto();
  const panelButton = studio.gallery.getByRole("button", { name: "Filters" });
  const panel = page.getByRole("dialog", { name: "Filters" });
  const seed = panel.getByRole("textbox", { name: "Seed" });

  await panelButton.click();
  await panel.getByRole("combobox", { name: "Tier" }).selectOption("medium");
  await expect(page).toHaveURL(/[?&]size=medium/);
  await seed.fill("1234");
  await seed.press("Enter");
  await expect(page).toHaveURL(/[?&]seed=1234/);
  await expect(studio.generation(`${word} one`)).toBeVisible();

  // Back undoes the seed only; the open panel's field shows it is gone.
  await page.goBack();
  await expect(page).not.toHaveURL(/seed=/);
  await expect(page).toHaveURL(/[?&]size=medium/);
  await expect(seed).toHaveValue("");
  await page.goForward();
  await expect(page).toHaveURL(/[?&]seed=1234/);
  await expect(seed).toHaveValue("1234");

  // Removing the seed's chip clears the field too.
  await studio.gallery.getByRole("button", { name: "Remove filter: Seed 1234" }).click();
  await expect(page).not.toHaveURL(/seed=/);
  if (!(await panel.isVisible())) await panelButton.click();
  await expect(seed).toHaveValue("");
  await page.keyboard.press("Escape");

  // Back walks the filters in turn and stays on the studio.
  await page.goBack();
  await expect(page).toHaveURL(/[?&]seed=1234/);
  await page.goBack();
  await expect(page).not.toHaveURL(/seed=/);
  await expect(page).toHaveURL(/[?&]size=medium/);
  await page.goBack();
  await expect(page).not.toHaveURL(/size=/);
  await expect(studio.generation(`${word} two`)).toBeVisible();
});

test("at 1440 px each image of a three-image card is at least 160 px wide, and a lineage line stays inside its card", async ({
  request,
  studio,
}) => {
  await studio.page.setViewportSize({ width: 1440, height: 900 });
  const parentPrompt = `${uniquePrompt("Parent")} ${"with a very long description of a scene ".repeat(6)}`;
  const parent = await createGeneration(request, { prompt: parentPrompt }, { wait: 20 });
  const remix = async (prompt: string, quantity: number) => {
    const res = await request.post(`/api/workflows?wait=20&parent=${parent.id}&lineage=remix`, {
      headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
      data: { prompt, quantity },
    });
    expect(res.ok(), await res.text()).toBe(true);
  };
  const three = uniquePrompt("Three at once");
  const one = uniquePrompt("One");
  await remix(three, 3);
  await remix(one, 1);
  await studio.goto();

  const card = studio.generation(three);
  for (const n of [1, 2, 3]) {
    const box = await card.getByRole("img", { name: new RegExp(`image ${n} of 3`) }).boundingBox();
    expect(box?.width, `image ${n}`).toBeGreaterThanOrEqual(160);
  }

  // A one-column card: the "Remix of …" line is cut at its edge, whole in its title.
  const single = studio.generation(one);
  const lineage = single.getByRole("button", { name: /^Remix of/ });
  const [cardBox, linkBox] = [await single.boundingBox(), await lineage.boundingBox()];
  expect(linkBox!.x + linkBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width - 12);
  await expect(lineage).toHaveAttribute("title", /Remix of “Parent/);
});
