import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import type { StyleSet } from "../lib/contract/style-sets/schema";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { ReferencesPanel } from "./support/references";

// The Style sets page against the studio's own store. Sets are shared by every
// test on this server, so each test works only with sets named uniquely.

const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;

async function createSet(request: APIRequestContext, name: string): Promise<StyleSet> {
  const response = await request.post("/api/style-sets", {
    data: {
      name,
      note: "Ink and sea",
      references: [
        { imageUrl: "https://example.com/ink.png", strength: 1.5, label: "example.com" },
        { imageUrl: "https://example.org/neon.png", strength: -0.5, label: "example.org" },
      ],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

const card = (page: Page, name: string) =>
  page.getByRole("list", { name: "Saved style sets" }).getByRole("article", { name, exact: true });

async function openSets(page: Page): Promise<void> {
  await page.goto("/style-sets");
  await expect(page.getByRole("heading", { level: 2, name: "Style sets" })).toBeVisible();
}

test("rename in place, duplicate, delete with undo, then use it in the builder", async ({
  page,
}) => {
  const name = unique("Harbour");
  await createSet(page.request, name);
  await openSets(page);
  const set = card(page, name);
  await expect(set).toContainText("2 references · version 1");
  await expect(set.getByRole("list", { name: `References of “${name}”` })).toContainText("−0.5");

  // Rename: an empty name is refused and what was there stays editable; Escape cancels.
  await set.getByRole("button", { name: `Rename “${name}”` }).click();
  const field = set.getByRole("textbox", { name: `New name for “${name}”` });
  await field.fill("  ");
  await field.press("Enter");
  await expect(set.getByRole("alert")).toHaveText("A set needs a name.");
  await field.press("Escape");
  await expect(set.getByRole("button", { name: `Rename “${name}”` })).toBeFocused();

  const renamed = `${name} renamed`;
  await set.getByRole("button", { name: `Rename “${name}”` }).click();
  await field.fill(renamed);
  await field.press("Enter");
  const renamedCard = card(page, renamed);
  await expect(renamedCard).toContainText("version 2");
  await expect(renamedCard.getByRole("button", { name: `Rename “${renamed}”` })).toBeFocused();

  // Duplicate, then delete the copy and bring it back with Undo.
  await renamedCard.getByRole("button", { name: `Duplicate “${renamed}”` }).click();
  const copy = card(page, `${renamed} (copy)`);
  await expect(copy).toBeVisible();
  await copy.getByRole("button", { name: `Delete “${renamed} (copy)”` }).click();
  await expect(copy).toHaveCount(0);
  const toast = page
    .locator("[data-sonner-toast]")
    .filter({ hasText: `Deleted “${renamed} (copy)”` });
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(copy).toBeVisible();
  await expect(copy).toContainText("2 references");

  // Use in builder: the set's references, in order, with their strengths.
  // By keyboard: the toasts stacked at the bottom right may cover the card.
  await renamedCard.getByRole("link", { name: `Use “${renamed}” in the builder` }).focus();
  await page.keyboard.press("Enter");
  const refs = new ReferencesPanel(page);
  await expect(refs.rows).toHaveCount(2);
  expect(await refs.names()).toEqual(["Reference 1: example.com", "Reference 2: example.org"]);
  await expect(refs.strengthField(1)).toHaveValue("1.5");
  await expect(refs.strengthField(2)).toHaveValue("-0.5");
  await expect(refs.section).toContainText(`From set “${renamed}”`);
});

test("a rename against a stale version is refused and keeps what was typed", async ({ page }) => {
  const name = unique("Stale");
  const created = await createSet(page.request, name);
  await openSets(page);
  const set = card(page, name);
  await set.getByRole("button", { name: `Rename “${name}”` }).click();
  // Someone else changes the note meanwhile.
  const other = await page.request.patch(`/api/style-sets/${created.id}`, {
    data: { note: "changed elsewhere", version: 1 },
  });
  expect(other.ok()).toBe(true);

  const field = set.getByRole("textbox", { name: `New name for “${name}”` });
  await field.fill(`${name} mine`);
  await field.press("Enter");
  await expect(set.getByRole("alert")).toContainText("Someone changed this set meanwhile");
  await expect(field).toHaveValue(`${name} mine`);
  // Saving again, knowingly, applies it on top of their change.
  await field.press("Enter");
  const mine = card(page, `${name} mine`);
  await expect(mine).toContainText("version 3");
  await expect(mine).toContainText("changed elsewhere");
});

test("export a set to JSON and import it back; a bad file changes nothing and says why and where, in words", async ({
  page,
}) => {
  const name = unique("Export");
  await createSet(page.request, name);
  await openSets(page);

  const downloading = page.waitForEvent("download");
  await card(page, name)
    .getByRole("link", { name: `Export “${name}” as JSON` })
    .click();
  const download = await downloading;
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(file).toMatchObject({
    format: "krea-studio.style-sets",
    version: 2,
    sets: [
      {
        name,
        references: [
          { imageUrl: "https://example.com/ink.png", strength: 1.5 },
          { imageUrl: "https://example.org/neon.png", strength: -0.5 },
        ],
      },
    ],
  });

  const countBefore = await page
    .getByRole("list", { name: "Saved style sets" })
    .getByRole("article")
    .count();
  const importFile = async (fileName: string, text: string) => {
    const choosing = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import…" }).click();
    await (
      await choosing
    ).setFiles({ name: fileName, mimeType: "application/json", buffer: Buffer.from(text) });
  };

  // Not JSON at all.
  await importFile("notes.json", "not { json");
  const problem = page.getByRole("alert").filter({ hasText: "Your style sets are unchanged." });
  await expect(problem).toContainText("“notes.json” is not a JSON file");

  // JSON, but not an export: said in words next to Import, while the API stays precise.
  await importFile("palette.json", JSON.stringify({ colours: ["#c2a477"] }));
  await expect(problem).toContainText(
    "“palette.json” is not a style-set export from Krea Prompt Studio.",
  );
  await expect(problem).not.toContainText("format must be");
  const refused = await page.request.post("/api/style-sets/import", {
    data: { colours: ["#c2a477"] },
  });
  expect(refused.status()).toBe(400);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await refused.json()).errors.format?.[0]).toMatch(
    /^format must be "krea-studio\.style-sets"/,
  );

  // An export with its version line removed: not "a newer or unknown studio".
  // (without the set's id, so the studio does not first ask about the existing set)
  const { version: _version, ...unversioned } = file;
  unversioned.sets = file.sets.map(({ id: _id, ...rest }: { id: string }) => rest);
  await importFile("edited.json", JSON.stringify(unversioned));
  await expect(problem).toContainText(
    "“edited.json” does not say which export version it is, so this studio cannot read it safely.",
  );
  await expect(problem).not.toContainText("newer or unknown");

  // JSON with a strength out of range: the place in the file is named.
  const bad = structuredClone(file);
  bad.sets[0].name = `${name} bad`;
  bad.sets[0].references[1].strength = 3;
  delete bad.sets[0].id; // a new set, so the studio does not first ask about the existing one
  await importFile("bad.json", JSON.stringify(bad));
  await expect(problem).toContainText(`Set 1 “${name} bad”, reference 2, strength`);
  await expect(problem).toContainText("strength out of range");
  await expect(card(page, `${name} bad`)).toHaveCount(0);
  await problem.getByRole("button", { name: "Dismiss import problem" }).click();
  await expect(problem).toHaveCount(0);

  // The real file comes back as a second set (its name made unique) with the same references.
  await importFile("export.json", JSON.stringify(file));
  // The set is here already: the studio offers to add the file's versions to its history.
  const asking = page.getByRole("dialog", { name: "These sets are already here" });
  await expect(asking).toContainText(`“${name}”`);
  await asking.getByRole("button", { name: "Import as a copy" }).click();
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: "Imported 1 style set" }),
  ).toBeVisible();
  await expect
    .poll(() => page.getByRole("list", { name: "Saved style sets" }).getByRole("article").count())
    .toBeGreaterThan(countBefore);
  const sets: StyleSet[] = (await (await page.request.get("/api/style-sets")).json()).items;
  const imported = sets.filter((s) => s.name.startsWith(name) && s.name !== name);
  expect(imported).toHaveLength(1);
  expect(imported[0]?.references.map((r) => r.strength)).toEqual([1.5, -0.5]);
});

test("a copy of a retired set arrives retired, says so before and after, and goes back to draft in one click", async ({
  page,
}) => {
  const name = unique("Old look");
  const set = await createSet(page.request, name);
  const retired = await page.request.post(`/api/style-sets/${set.id}/status`, {
    data: { status: "retired", version: 1, author: "Dee" },
  });
  expect(retired.status(), await retired.text()).toBe(200);
  const exported = await page.request.get(`/api/style-sets/export?ids=${set.id}`);
  const text = await exported.text();

  await openSets(page);
  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import…" }).click();
  await (
    await choosing
  ).setFiles({ name: "old.json", mimeType: "application/json", buffer: Buffer.from(text) });
  const asking = page.getByRole("dialog", { name: "These sets are already here" });
  await expect(asking).toContainText(
    `“${name}” is retired in the file: a copy arrives retired too, and stays out of the builder's picker until set back to draft.`,
  );
  await asking.getByRole("button", { name: "Import as a copy" }).click();
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Imported 1 style set" });
  await expect(toast).toContainText(
    `“${name} (imported)” is retired, as in the file, so it stays out of the builder's picker until set back to draft.`,
  );
  await expect(
    card(page, `${name} (imported)`).getByText("Retired", { exact: true }),
  ).toBeVisible();
  await toast.getByRole("button", { name: "Back to draft" }).click();
  await expect(card(page, `${name} (imported)`).getByText("Draft", { exact: true })).toBeVisible();
  const sets: StyleSet[] = (await (await page.request.get("/api/style-sets")).json()).items;
  expect(sets.find((s) => s.name === `${name} (imported)`)?.status).toBe("draft");
  expect(sets.find((s) => s.id === set.id)?.status).toBe("retired");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious accessibility violations on the Style sets page (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const name = unique("A11y");
    await createSet(page.request, name);
    await openSets(page);
    await expect(card(page, name)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
