import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { ReferencesPanel } from "./support/references";
import { createGeneration } from "./support/studio-api";
import { createSetVia, StyleSetPages, uniqueName } from "./support/style-set-pages";

// History on the Style sets pages: edits signed by two names become versions
// with readable diffs; restoring appends a version; compare; stable links.

const ink = { imageUrl: "https://example.com/ink.png", strength: 1.5, label: "ink.png" };
const neon = { imageUrl: "https://example.org/neon.png", strength: -0.5, label: "neon.png" };

test("edits by two names become versions with their diffs; restore v1 appends v5 with v1's content", async ({
  page,
}) => {
  const pages = new StyleSetPages(page);
  const name = uniqueName("Harbour");
  const set = await createSetVia(page.request, {
    name,
    note: "",
    references: [ink, neon],
    author: "Ana",
  });

  await pages.openList();
  await pages.signAs("Ana");
  const card = pages.card(name);
  await card.getByRole("button", { name: `Rename “${name}”` }).click();
  await card.getByRole("textbox", { name: `New name for “${name}”` }).fill(`${name} night`);
  await card.getByRole("textbox", { name: `New name for “${name}”` }).press("Enter");
  const renamed = pages.card(`${name} night`);
  await expect(renamed).toContainText("version 2 · by Ana");

  await pages.signAs("Ben");
  await renamed.getByRole("button", { name: `Add note for “${name} night”` }).click();
  await renamed.getByRole("textbox", { name: `Note for “${name} night”` }).fill("Wet streets");
  await renamed.getByRole("button", { name: "Save" }).click();
  await expect(renamed).toContainText("version 3 · by Ben");

  // A references change on the card: move neon first and weaken ink, read back before saving.
  await renamed.getByRole("button", { name: `Edit references of “${name} night”` }).click();
  await renamed.getByRole("button", { name: "Move reference 2 (neon.png) up" }).click();
  await renamed.getByRole("textbox", { name: "Strength of reference 2 (ink.png)" }).fill("0.5");
  const pending = renamed.getByRole("list", { name: "Changes to save" });
  await expect(pending).toContainText("Strength of ink.png: 1.5 → 0.5");
  await expect(pending).toContainText("Moved neon.png from 2 to 1");
  await renamed.getByRole("button", { name: "Save references" }).click();
  await expect(renamed).toContainText("version 4 · by Ben");
  await expect(
    renamed.getByRole("button", { name: `Edit references of “${name} night”` }),
  ).toBeFocused();

  await renamed.getByRole("link", { name: `History of “${name} night”` }).click();
  await expect(page).toHaveURL(new RegExp(`/style-sets/${set.id}$`));
  await expect(pages.versions()).toHaveCount(4);
  await expect(pages.version(1)).toContainText("by Ana");
  // Version 1 reads as the set's creation, not a rename from an empty name.
  await expect(pages.changes(1).getByRole("listitem").first()).toHaveText(`Created as “${name}”`);
  await expect(pages.changes(1)).toContainText("Added ink.png at 1 (strength 1.5)");
  await expect(pages.changes(1)).toContainText("Added neon.png at 2 (strength −0.5)");
  await expect(pages.version(2)).toContainText("by Ana");
  await expect(pages.changes(2)).toHaveText(`Renamed “${name}” → “${name} night”`);
  await expect(pages.version(3)).toContainText("by Ben");
  await expect(pages.changes(3)).toHaveText("Note: “Wet streets”");
  await expect(pages.changes(4)).toContainText("Strength of ink.png: 1.5 → 0.5");
  await expect(pages.changes(4)).toContainText("Moved neon.png from 2 to 1");
  await expect(
    pages.version(4).getByRole("list", { name: "References of version 4" }),
  ).toContainText("neon.png");

  // Compare v1 with the current version, side by side.
  await pages.version(1).getByRole("button", { name: "Compare version 1" }).click();
  const compare = page.getByRole("region", { name: "Compare versions" });
  await expect(compare.getByRole("list", { name: "References of version 1" })).toContainText(
    "1.5 strength, ink.png",
  );
  await expect(
    compare.getByRole("list", { name: "Changes from version 1 to version 4" }),
  ).toContainText("Strength of ink.png: 1.5 → 0.5");
  await expectNoSeriousA11yViolations(page);

  await pages.signAs("Cleo");
  await pages.version(1).getByRole("button", { name: "Restore version 1" }).click();
  await expect(pages.versions()).toHaveCount(5);
  await expect(pages.version(5)).toContainText("by Cleo");
  await expect(pages.version(5)).toContainText("restored from version 1");
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  const v5 = await (await page.request.get(`/api/style-sets/${set.id}/versions/5`)).json();
  const v1 = await (await page.request.get(`/api/style-sets/${set.id}/versions/1`)).json();
  expect({ name: v5.name, note: v5.note, references: v5.references }).toEqual({
    name: v1.name,
    note: v1.note,
    references: v1.references,
  });

  // A stable link to one version opens the page with that version marked.
  await pages.openSet(set.id, 2);
  await expect(pages.version(2)).toHaveAttribute("aria-current", "true");
  await page.goto(`/style-sets/${set.id}@99`);
  await expect(page.getByRole("heading", { name: /404|not found/i })).toBeVisible();
});

test("the card's reference editor keeps a strength it cannot read with a message; Remove saves a version", async ({
  page,
}) => {
  const pages = new StyleSetPages(page);
  const name = uniqueName("Trim");
  await createSetVia(page.request, { name, references: [ink, neon], author: "Ana" });
  await pages.openList();
  const card = pages.card(name);
  await card.getByRole("button", { name: `Edit references of “${name}”` }).click();
  const strength = card.getByRole("textbox", { name: "Strength of reference 1 (ink.png)" });
  await strength.fill("strong");
  await card.getByRole("button", { name: "Save references" }).click();
  await expect(strength).toHaveAttribute("aria-invalid", "true");
  await expect(strength).toHaveAccessibleDescription(/Type a number/);
  await expect(strength).toHaveValue("strong");
  await expect(card).toContainText("version 1");

  await strength.fill("1.5");
  await card.getByRole("button", { name: "Remove reference 2 (neon.png)" }).click();
  await expect(card.getByRole("list", { name: "Changes to save" })).toContainText(
    "Removed neon.png",
  );
  await expectNoSeriousA11yViolations(page);
  await card.getByRole("button", { name: "Save references" }).click();
  await expect(card).toContainText("1 reference · version 2");
});

test("two sets cannot share a name without a warning", async ({ page }) => {
  const pages = new StyleSetPages(page);
  const name = uniqueName("Clash");
  await createSetVia(page.request, { name, references: [ink] });
  await createSetVia(page.request, { name: `${name} b`, references: [neon] });
  await pages.openList();
  const card = pages.card(`${name} b`);
  await card.getByRole("button", { name: `Rename “${name} b”` }).click();
  await card.getByRole("textbox", { name: `New name for “${name} b”` }).fill(name.toUpperCase());
  await expect(card.getByRole("status")).toContainText(`Another set is already called “${name}”`);
});

test("approved sets come first in the picker with a badge; a retired set leaves it and its images still link", async ({
  page,
}) => {
  const pages = new StyleSetPages(page);
  const draft = await createSetVia(page.request, { name: uniqueName("Draft"), references: [ink] });
  const approved = await createSetVia(page.request, {
    name: uniqueName("Approved"),
    references: [neon],
    author: "Cleo",
  });
  const retired = await createSetVia(page.request, {
    name: uniqueName("Retired"),
    references: [ink, neon],
  });
  const image = await createGeneration(
    page.request,
    {
      prompt: "a harbour at night",
      imageStyleReferences: [ink, neon].map(({ imageUrl, strength }) => ({ imageUrl, strength })),
    },
    { wait: 30, links: { styleSet: retired.id, styleSetVersion: "1" } },
  );

  await pages.openSet(approved.id);
  await pages.signAs("Dee");
  await page.getByRole("button", { name: "Approve version 1" }).click();
  await expect(page.getByRole("heading", { level: 2, name: approved.name })).toBeVisible();
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/approved by Dee/)).toBeVisible();
  await pages.openSet(retired.id);
  await page.getByRole("button", { name: "Retire" }).click();
  await expect(page.getByText(/retired by Dee/)).toBeVisible();

  await page.goto("/");
  const refs = new ReferencesPanel(page);
  await refs.section.getByRole("button", { name: "Style sets" }).click();
  const picker = page.getByRole("dialog", { name: "Style sets" });
  const rows = picker.getByRole("list", { name: "Saved style sets" }).getByRole("listitem");
  await expect(rows.filter({ hasText: approved.name })).toContainText("Approved · v1 · Cleo");
  await expect(rows.filter({ hasText: draft.name })).toContainText("Draft · v1");
  await expect(rows.filter({ hasText: retired.name })).toHaveCount(0);
  // Every approved set sits above every draft.
  const statuses = await rows.evaluateAll((items) =>
    items.map((li) => (/Approved · v/.test(li.textContent ?? "") ? "approved" : "draft")),
  );
  expect(statuses.indexOf("draft")).toBeGreaterThan(statuses.lastIndexOf("approved"));
  await page.keyboard.press("Escape");

  // The retired set's image still names it and links to its generations.
  const chip = page.getByRole("link", { name: new RegExp(`Set: ${retired.name} v1`) }).first();
  await expect(chip).toHaveAttribute("href", `/?styleSet=${retired.id}`);
  const filtered = await page.request.get(`/api/workflows?styleSet=${retired.id}`);
  expect((await filtered.json()).items.map((g: { id: string }) => g.id)).toContain(image.id);
  await chip.click();
  await expect(page.getByText(`Only set “${retired.name}”`)).toBeVisible();
});
