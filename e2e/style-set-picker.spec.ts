import { expect, test } from "./support/fixtures";
import { ReferencesPanel } from "./support/references";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";
import { createSetVia, StyleSetPages, uniqueName } from "./support/style-set-pages";

// The builder's picker: on a studio whose only sets are retired it does not
// claim there are no sets, it says how many are hidden and where they are (its
// own studio: the shared one always has drafts made by other specs); on a
// phone, names wrap instead of being cut, so look-alike sets stay apart.

test("a picker whose sets are all retired says how many are hidden and links to the Style sets page", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const studio = await StudioServer.launch({
    port: extraPort(33),
    dataDir: testDataDir("picker-retired"),
  });
  const api = await playwright.request.newContext({ baseURL: studio.url });
  try {
    for (const name of ["Acme Q1", "Acme Q2"]) {
      const created = await api.post("/api/style-sets", {
        data: {
          name,
          references: [{ imageUrl: "https://example.com/ink.png", strength: 1 }],
          author: "Ana",
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const set: { id: string } = await created.json();
      const retired = await api.post(`/api/style-sets/${set.id}/status`, {
        data: { status: "retired", version: 1, author: "Ana" },
      });
      expect(retired.status(), await retired.text()).toBe(200);
    }

    await page.goto(`${studio.url}/`);
    const refs = new ReferencesPanel(page);
    await refs.section.getByRole("button", { name: "Style sets" }).click();
    const picker = page.getByRole("dialog", { name: "Style sets" });
    await expect(picker).toContainText("No set to pick: 2 retired sets are hidden here.");
    await expect(picker).not.toContainText("No style sets yet");
    await picker.getByRole("link", { name: "the Style sets page" }).click();
    await expect(page).toHaveURL(`${studio.url}/style-sets`);
  } finally {
    await api.dispose();
    await studio.stop();
  }
});

test("on a phone a set and its “(imported)” copy show their whole names, on the page and in the picker", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const name = uniqueName("Acme Q1 – warm/no-blue");
  for (const n of [name, `${name} (imported)`]) {
    await createSetVia(page.request, {
      name: n,
      references: [{ imageUrl: "https://example.com/ink.png", strength: 1 }],
    });
  }
  // Cut text has a wider content than its box; a whole name fits its box.
  const whole = (el: Element) => el.scrollWidth <= el.clientWidth;

  const pages = new StyleSetPages(page);
  await pages.openList();
  for (const n of [name, `${name} (imported)`]) {
    const heading = pages.card(n).getByRole("heading", { level: 3 });
    await expect(heading).toHaveText(n);
    expect(await heading.evaluate(whole)).toBe(true);
  }

  await page.goto("/");
  const refs = new ReferencesPanel(page);
  await refs.section.getByRole("button", { name: "Style sets" }).click();
  const picker = page.getByRole("dialog", { name: "Style sets" });
  await picker.getByRole("searchbox", { name: "Search style sets" }).fill(name);
  const names = picker
    .getByRole("list", { name: "Saved style sets" })
    .getByRole("listitem")
    .getByText(name);
  await expect(names).toHaveCount(2);
  for (const el of await names.all()) expect(await el.evaluate(whole)).toBe(true);
});
