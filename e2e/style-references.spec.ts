import { expect, test } from "./support/fixtures";
import { pngFile, ReferencesPanel } from "./support/references";

// Style references end to end, against the embedded engine: what the designer
// drops, orders and weighs is exactly what the orchestrator receives, and a
// saved set brings it all back after a reload.

const LINK = "https://example.com/moodboard/ink.png";

test("drop two files and a link, reorder by keyboard, weigh, save as a set, reload, apply it, generate", async ({
  page,
  studio,
}) => {
  const refs = new ReferencesPanel(page);
  await studio.goto();
  const prompt = studio.uniquePrompt("a harbour at night, style referenced");
  await studio.prompt.fill(prompt);
  await expect(studio.generate).toHaveAccessibleName("Generate 1 image · 39 Buzz");

  // Two files from the desktop, then a link dragged from another page.
  await refs.drop({
    files: [await pngFile("dunes.png", "#d9a066"), await pngFile("sea.png", "#3366cc")],
  });
  await refs.drop({ uriList: `# dragged from a web page\r\n${LINK}` });
  await expect(refs.rows).toHaveCount(3);
  await refs.settled();
  expect(await refs.names()).toEqual([
    "Reference 1: dunes.png",
    "Reference 2: sea.png",
    "Reference 3: example.com",
  ]);
  // The premium is flat: 45.5 per image with references, 46 Buzz for one image.
  await expect(studio.generate).toHaveAccessibleName("Generate 1 image · 46 Buzz");
  await expect(studio.cost).toContainText("45.5 Buzz/image");
  // No internet here: the link cannot be checked, which the row says, and it stays usable.
  await expect(refs.row(3)).toContainText("DNS has no address for example.com");

  // Keyboard reorder: the link moves from last to first.
  const handle = refs.section.getByRole("button", { name: "Reorder reference 3" });
  // Each key waits for what dnd-kit announces, as a screen reader user would hear it.
  const announced = (text: string | RegExp) =>
    expect(page.getByRole("status").filter({ hasText: text })).toBeAttached();
  await handle.focus();
  await page.keyboard.press("Space");
  // dnd-kit says "Picked up…", then at once where the row is over: either will do.
  await announced(/Picked up reference 3 of 3|example\.com is over position 3 of 3/);
  await page.keyboard.press("ArrowUp");
  await announced("example.com is over position 2 of 3.");
  await page.keyboard.press("ArrowUp");
  await announced("example.com is over position 1 of 3.");
  await page.keyboard.press("Space");
  await announced("example.com dropped at position 1 of 3.");
  await expect
    .poll(() => refs.names())
    .toEqual(["Reference 1: example.com", "Reference 2: dunes.png", "Reference 3: sea.png"]);

  // dunes (now 2nd) repels at −1.5, typed into the number field; the slider follows.
  await refs.strengthField(2).fill("-1.5");
  await refs.strengthField(2).press("Enter");
  await expect(refs.slider(2)).toHaveAttribute("aria-valuenow", "-1.5");
  await expect(refs.row(2)).toContainText("repel");
  await expect(refs.row(1)).toContainText("attract");
  // Enter in the strength field must not have submitted anything.
  expect(studio.submits.keys(prompt)).toEqual([]);
  // The slider by keyboard: sea (3rd) from 1 to 1.1.
  await refs.slider(3).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(refs.strengthField(3)).toHaveValue("1.1");

  // Save as a set.
  const setName = `Harbour ${Date.now().toString(36)}`;
  await refs.section.getByRole("button", { name: "Save as set…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save as style set" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(setName);
  await dialog.getByRole("button", { name: "Save set" }).click();
  await expect(dialog).toBeHidden();
  await expect(studio.toast(`Saved “${setName}”`)).toBeVisible();
  // Saving did not generate either.
  expect(studio.submits.keys(prompt)).toEqual([]);

  // Reload, clear the list, and bring the set back from the picker.
  await page.reload();
  await expect(refs.rows).toHaveCount(3);
  await refs.section.getByRole("button", { name: "Remove all" }).click();
  await expect(refs.rows).toHaveCount(0);
  await expect(studio.generate).toHaveAccessibleName("Generate 1 image · 39 Buzz");
  await refs.section.getByRole("button", { name: "Style sets" }).click();
  const picker = page.getByRole("dialog", { name: "Style sets" });
  await picker.getByRole("button", { name: `Apply “${setName}”` }).click();
  await expect(picker).toBeHidden();
  await expect
    .poll(() => refs.names())
    .toEqual(["Reference 1: example.com", "Reference 2: dunes.png", "Reference 3: sea.png"]);
  await expect(refs.strengthField(2)).toHaveValue("-1.5");
  await expect(refs.strengthField(3)).toHaveValue("1.1");
  await expect(refs.section).toContainText(`From set “${setName}”`);
  await expect(studio.generate).toHaveAccessibleName("Generate 1 image · 46 Buzz");

  await studio.generate.click();
  await expect.poll(async () => (await studio.generationsWithPrompt(prompt)).length).toBe(1);
  // The engine fetches references as FAL would when the job starts: two fresh
  // blob URLs and a public host (named in playwright.config.ts) all pass.
  await expect
    .poll(async () => (await studio.generationsWithPrompt(prompt))[0]?.status, { timeout: 20_000 })
    .toBe("succeeded");
  // One submit in all: neither Enter nor saving had sent one (however late).
  expect(studio.submits.keys(prompt)).toHaveLength(1);
  const [generation] = await studio.generationsWithPrompt(prompt);
  const sent = generation?.input?.imageStyleReferences ?? [];
  expect(sent.map((r) => r.strength)).toEqual([1, -1.5, 1.1]);
  expect(sent[0]?.imageUrl).toBe(LINK);
  // The uploads went to the engine's blob store, in their new order.
  expect(sent[1]?.imageUrl).toMatch(/\/v2\/consumer\/blobs\//);
  expect(sent[2]?.imageUrl).toMatch(/\/v2\/consumer\/blobs\//);
  expect(sent[1]?.imageUrl).not.toBe(sent[2]?.imageUrl);
  expect(generation?.metadata.styleSet).toMatchObject({ name: setName, version: 1 });

  // The gallery says which set made it, and filters by it.
  const card = studio.generation(prompt);
  const chip = card.getByRole("link", { name: `Set: ${setName} v1` });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(page).toHaveURL(/\?styleSet=ss_/);
  await expect(studio.gallery).toContainText(`Only set “${setName}”`);
  await expect(studio.generation(prompt)).toBeVisible();
});

test("a strength that is not a number holds Generate back instead of sending the old one", async ({
  page,
  request,
  studio,
}) => {
  const refs = new ReferencesPanel(page);
  await studio.goto();
  const prompt = studio.uniquePrompt("mistyped strength");
  await studio.prompt.fill(prompt);
  await refs.drop({ uriList: "https://example.com/typo.png" });
  await expect(refs.rows).toHaveCount(1);
  await refs.settled();
  await refs.strengthField(1).fill("abc");
  await studio.generate.click();
  await expect(studio.builder).toContainText("Reference 1: its strength is not a number");
  await expect(refs.strengthField(1)).toHaveValue("abc");
  const mine = async () =>
    (
      (await (await request.get("/api/workflows?take=50")).json()).items as {
        input: { prompt: string };
      }[]
    ).filter((g) => g.input?.prompt === prompt).length;
  expect(studio.submits.keys(prompt)).toEqual([]);

  // Fixed: Generate goes, with the typed strength.
  await refs.strengthField(1).fill("-1.5");
  await refs.strengthField(1).press("Enter");
  await studio.generate.click();
  await expect.poll(mine).toBe(1);
  // The refused click sent nothing, not even late: one submit in all.
  expect(studio.submits.keys(prompt)).toHaveLength(1);
});

test("the 11th reference is refused and nothing else changes", async ({ page, studio }) => {
  const refs = new ReferencesPanel(page);
  await studio.goto();
  const links = Array.from({ length: 10 }, (_, i) => `https://example.com/ref-${i + 1}.png`);
  await refs.drop({ uriList: links.join("\r\n") });
  await expect(refs.rows).toHaveCount(10);
  await refs.settled();
  await expect(refs.section.getByLabel("10 of 10 references")).toBeVisible();
  await refs.strengthField(4).fill("0.5");
  await refs.strengthField(4).press("Enter");
  const before = await refs.names();

  // One more typed into the field: refused with a clear message; the text stays.
  const eleventh = "https://example.com/ref-11.png";
  await refs.urlField.fill(eleventh);
  await refs.urlField.press("Enter");
  await expect(refs.messages).toContainText("At most 10 style references");
  await expect(refs.urlField).toHaveValue(eleventh);

  // A dropped file is refused too, and so is pasting a link.
  await refs.drop({ files: [await pngFile("one-too-many.png", "#cc3333")] });
  await expect(refs.messages).toContainText("At most 10 style references");
  await expect(refs.rows).toHaveCount(10);
  expect(await refs.names()).toEqual(before);
  await expect(refs.strengthField(4)).toHaveValue("0.5");
  await expect(refs.section.getByRole("button", { name: "Add image…" })).toBeDisabled();
});

test("a file that is not an image is refused next to the list; the rest of the form is untouched", async ({
  page,
  studio,
}) => {
  const refs = new ReferencesPanel(page);
  await studio.goto();
  await studio.prompt.fill("kept as typed");
  const html = Buffer.from("<!doctype html><html><body>hi</body></html>").toString("base64");
  await refs.drop({
    files: [
      { name: "innocent.png", type: "image/png", base64: html },
      await pngFile("ok.png", "#22aa66"),
    ],
  });
  await expect(refs.messages).toContainText("“innocent.png”");
  await expect(refs.rows).toHaveCount(1);
  await expect(refs.row(1)).toHaveAccessibleName("Reference 1: ok.png");
  await expect(studio.prompt).toHaveValue("kept as typed");
});

test("update the set the references came from; a stale update asks instead of overwriting", async ({
  page,
  studio,
}) => {
  const refs = new ReferencesPanel(page);
  const name = `Update ${Math.random().toString(36).slice(2, 8)}`;
  const response = await page.request.post("/api/style-sets", {
    data: {
      name,
      references: [
        { imageUrl: "https://example.com/a.png", strength: 1 },
        { imageUrl: "https://example.com/b.png", strength: 0.5 },
      ],
    },
  });
  expect(response.status()).toBe(201);
  const created: { id: string } = await response.json();

  await page.goto(`/?useStyleSet=${created.id}`);
  await expect(refs.rows).toHaveCount(2);
  await expect(refs.section).toContainText(`From set “${name}” v1`);
  const update = refs.section.getByRole("button", { name: `Update “${name}”` });
  await expect(update).toHaveCount(0);

  // A change unlinks the references from the set and offers Update.
  await refs.strengthField(2).fill("-2");
  await refs.strengthField(2).press("Enter");
  await expect(refs.section).toContainText(`Changed since set “${name}” v1`);
  await update.click();
  await expect(studio.toast(`Updated “${name}”`)).toBeVisible();
  await expect(refs.section).toContainText(`From set “${name}” v2`);
  const saved = await (await page.request.get(`/api/style-sets/${created.id}`)).json();
  expect(saved.references.map((r: { strength: number }) => r.strength)).toEqual([1, -2]);

  // Someone else changes the set; our next Update must not overwrite it.
  const theirs = await page.request.patch(`/api/style-sets/${created.id}`, {
    data: { references: [{ imageUrl: "https://example.com/c.png", strength: 2 }], version: 2 },
  });
  expect(theirs.ok()).toBe(true);
  await refs.strengthField(1).fill("0.25");
  await refs.strengthField(1).press("Enter");
  await update.click();
  const conflict = page.getByRole("alertdialog", {
    name: `Someone changed “${name}” (now version 3)`,
  });
  await expect(conflict).toBeVisible();
  // Nothing was overwritten, and our rows are still ours.
  const after = await (await page.request.get(`/api/style-sets/${created.id}`)).json();
  expect(after.version).toBe(3);
  await conflict.getByRole("button", { name: "Cancel" }).click();
  await expect(conflict).toBeHidden();
  await expect(refs.strengthField(1)).toHaveValue("0.25");
  await expect(update).toBeFocused();
  await update.click();
  await conflict.getByRole("button", { name: "Load theirs" }).click();
  await expect(conflict).toBeHidden();
  await expect(refs.rows).toHaveCount(1);
  await expect(refs.strengthField(1)).toHaveValue("2.0");
  await expect(refs.section).toContainText(`From set “${name}” v3`);
});
