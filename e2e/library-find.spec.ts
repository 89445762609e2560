import { readFile } from "node:fs/promises";
import { expect, test } from "./support/gallery-fixtures";
import { createGeneration, uniquePrompt } from "./support/studio-api";
import { readStoredZip } from "./support/zip";

// Finding earlier work again: filters in the URL, favourites, lineage links,
// and a zip of chosen images with their settings.

test("filters narrow the gallery, live in the URL and survive a reload", async ({
  request,
  studio,
}) => {
  const word = uniquePrompt("marigold").replace(/\s+/g, "-");
  const wide = `${word} harbour at dawn`;
  const square = `${word} teacup still life`;
  await createGeneration(
    request,
    { prompt: wide, size: "large", aspectRatio: "16:9" },
    { wait: 20 },
  );
  await createGeneration(request, { prompt: square }, { wait: 20 });
  const other = uniquePrompt("Unrelated forest path");
  await createGeneration(request, { prompt: other }, { wait: 20 });

  await studio.goto();
  await expect(studio.generation(other)).toBeVisible();
  await studio.gallery.getByRole("searchbox", { name: "Search prompts" }).fill(word);
  await expect(studio.generation(other)).toHaveCount(0);
  await expect(studio.generation(wide)).toBeVisible();
  await expect(studio.generation(square)).toBeVisible();

  await studio.gallery.getByRole("button", { name: "Filters" }).click();
  await studio.page.getByRole("combobox", { name: "Tier" }).selectOption("large");
  await studio.page.keyboard.press("Escape");
  await expect(studio.generation(square)).toHaveCount(0);
  await expect(studio.generation(wide)).toBeVisible();
  await expect(studio.page).toHaveURL(/[?&]size=large/);
  await expect(studio.page).toHaveURL(new RegExp(`[?&]q=${word}`));

  await studio.page.reload();
  await expect(studio.generation(wide)).toBeVisible();
  await expect(studio.generation(square)).toHaveCount(0);
  await expect(studio.generation(other)).toHaveCount(0);
  await expect(studio.gallery.getByRole("searchbox", { name: "Search prompts" })).toHaveValue(word);

  // A chip removes its filter.
  await studio.gallery.getByRole("button", { name: "Remove filter: Large" }).click();
  await expect(studio.generation(square)).toBeVisible();
  await expect(studio.page).not.toHaveURL(/size=large/);
});

test("a star persists on the orchestrator and the favourites filter finds it", async ({
  request,
  studio,
}) => {
  const starred = uniquePrompt("Starred orchid macro");
  const plain = uniquePrompt("Plain orchid macro");
  const g = await createGeneration(request, { prompt: starred }, { wait: 20 });
  await createGeneration(request, { prompt: plain }, { wait: 20 });
  await studio.goto();
  const card = studio.generation(starred);
  await card.getByRole("button", { name: "Open image 1 of 1" }).hover();
  await card.getByRole("button", { name: "Favourite image 1 of 1" }).click();
  await expect(card.getByRole("button", { name: "Favourite image 1 of 1" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/workflows/${g.id}`)).json()) as { tags: string[] }).tags,
    )
    .toContain("fav");

  await studio.gallery.getByRole("button", { name: "Favourites" }).click();
  await expect(studio.page).toHaveURL(/[?&]fav=1/);
  await expect(studio.generation(starred)).toBeVisible();
  await expect(studio.generation(plain)).toHaveCount(0);
  await studio.page.reload();
  await expect(studio.generation(starred)).toBeVisible();
  await expect(studio.generation(plain)).toHaveCount(0);
});

test("chosen images download as one zip with a JSON sidecar of each image's settings", async ({
  request,
  studio,
}) => {
  const prompt = uniquePrompt("Three pears on linen");
  const g = await createGeneration(request, { prompt, quantity: 3, seed: 1234 }, { wait: 20 });
  const skipped = uniquePrompt("Not chosen");
  await createGeneration(request, { prompt: skipped }, { wait: 20 });
  await studio.goto();
  const card = studio.generation(prompt);
  // Click the first box, shift-click the third: a range of three.
  const first = card.getByRole("button", { name: "Open image 1 of 3" });
  await first.hover();
  await card.getByRole("checkbox", { name: "Select image 1 of 3" }).click();
  await card.getByRole("checkbox", { name: "Select image 3 of 3" }).click({ modifiers: ["Shift"] });
  const bar = studio.page.getByRole("region", { name: "Selection" });
  await expect(bar).toContainText("3 selected");
  // Keyboard: Space on a focused image toggles it.
  await card.getByRole("button", { name: "Open image 2 of 3" }).focus();
  await studio.page.keyboard.press("Space");
  await expect(bar).toContainText("2 selected");
  await studio.page.keyboard.press("Space");
  await expect(bar).toContainText("3 selected");

  const downloading = studio.page.waitForEvent("download");
  await bar.getByRole("button", { name: "Download zip" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^krea-images-.*\.zip$/);
  const files = readStoredZip(await readFile((await download.path())!));
  const names = [...files.keys()].sort();
  expect(names).toHaveLength(7);
  expect(names).toContain("manifest.json");
  for (const n of [1, 2, 3]) {
    const base = `krea-1234-${g.id}-${n}`;
    const image = names.find((name) => name.startsWith(`${base}.`) && !name.endsWith(".json"));
    expect(image, `image ${n}`).toBeTruthy();
    expect(files.get(image!)!.length).toBeGreaterThan(100);
    const sidecar = JSON.parse(files.get(`${base}.json`)!.toString("utf8"));
    expect(sidecar).toMatchObject({
      prompt,
      seed: 1234,
      workflowId: g.id,
      settings: { size: "medium", aspectRatio: "1:1", creativity: "medium", quantity: 3 },
      image: { n },
    });
  }
  const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
  expect(manifest).toMatchObject({ count: 3, failed: 0 });
  expect(names.some((name) => name.includes(skipped))).toBe(false);

  await studio.page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
});

test("Remix records its parent; the card links to it and the lightbox walks the chain", async ({
  request,
  studio,
}) => {
  const prompt = uniquePrompt("A paper crane on slate");
  const parent = await createGeneration(request, { prompt, seed: 77 }, { wait: 20 });
  await studio.goto();
  const card = studio.generation(prompt);
  await card.getByRole("button", { name: "Generation actions" }).click();
  await studio.page.getByRole("menuitem", { name: /^Remix \(new seed\)/ }).click();

  let child: { id: string; input: { seed: number }; metadata: Record<string, unknown> } | undefined;
  await expect
    .poll(async () => {
      const all = await studio.generationsWithPrompt(prompt);
      child = all.find((g) => g.id !== parent.id) as typeof child;
      return all.length;
    })
    .toBe(2);
  expect(child?.metadata).toMatchObject({ parentId: parent.id, lineageKind: "remix" });
  expect(child?.input.seed).not.toBe(77);

  const childCard = studio.gallery.locator(`[data-generation-ids="${child!.id}"]`);
  const link = childCard.getByRole("button", { name: /^Remix of “A paper crane/ });
  await expect(link).toBeVisible();
  await link.click();
  const parentCard = studio.gallery.locator(`[data-generation-ids="${parent.id}"]`);
  await expect(parentCard).toBeFocused();

  // Rerun keeps the seed.
  await parentCard.getByRole("button", { name: "Generation actions" }).click();
  await studio.page.getByRole("menuitem", { name: /^Rerun \(same seed\)/ }).click();
  await expect.poll(async () => (await studio.generationsWithPrompt(prompt)).length).toBe(3);
  const rerun = (await studio.generationsWithPrompt(prompt)).find(
    (g) => g.metadata.lineageKind === "rerun",
  );
  expect(rerun?.input?.seed).toBe(77);

  // The lightbox follows the link to the parent and back.
  await childCard.getByRole("button", { name: "Open image 1 of 1" }).click();
  const box = studio.lightbox;
  await expect(box.getByText(`Seed ${child!.input.seed}`, { exact: false }).first()).toBeVisible();
  await box.getByRole("button", { name: /^Remix of “A paper crane/ }).click();
  await expect(box.getByRole("button", { name: "Back to the later generation" })).toBeVisible();
  await expect(box.getByText("Seed 77", { exact: false }).first()).toBeVisible();
  await box.getByRole("button", { name: "Back to the later generation" }).click();
  await expect(box.getByRole("button", { name: "Back to the later generation" })).toHaveCount(0);
  await expect(box.getByText(`Seed ${child!.input.seed}`, { exact: false }).first()).toBeVisible();
});
