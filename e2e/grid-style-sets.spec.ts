// A grid over two versions of one style set: the dialog lists the studio's sets
// with their versions, each cell's workflow records the version it was made
// with, and a cell opened in the gallery's lightbox links back to its grid.
import { expect, test } from "@playwright/test";
import type { PlanView } from "../lib/contract/grid/schema";
import type { Generation } from "../lib/contract/generations/types";
import type { StyleSet } from "../lib/contract/style-sets/schema";
import { StudioPage } from "./support/studio-page";
import { createGeneration } from "./support/studio-api";

test("a grid over two versions of one style set records both and links its cells back", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const studio = new StudioPage(page);
  const name = studio.uniquePrompt("Grid set");
  const created = await page.request.post("/api/style-sets", {
    data: { name, references: [{ imageUrl: "https://example.com/grid-a.png", strength: 1 }] },
  });
  expect(created.status()).toBe(201);
  const v1: StyleSet = await created.json();
  const patched = await page.request.patch(`/api/style-sets/${v1.id}`, {
    data: {
      version: v1.version,
      references: [
        { imageUrl: "https://example.com/grid-a.png", strength: 0.5 },
        { imageUrl: "https://example.com/grid-b.png", strength: 1 },
      ],
    },
  });
  expect(patched.ok(), await patched.text()).toBe(true);
  const v2: StyleSet = await patched.json();
  expect(v2.version).toBe(v1.version + 1);

  await studio.goto();
  const prompt = studio.uniquePrompt("a harbour in two styles");
  await studio.prompt.fill(prompt);
  await studio.builder.getByRole("button", { name: /^Grid/ }).click();
  const dialog = page.getByRole("dialog", { name: "Decision grid" });
  // Axis 1: the set's two versions; axis 2: two seeds (4 cells).
  await dialog.getByRole("combobox", { name: "Axis 1: what varies" }).selectOption("styleSet");
  await expect(dialog.getByText("Tick at least two style sets")).toBeVisible();
  await dialog.getByRole("checkbox", { name: `${name} version ${v1.version}` }).check();
  await dialog.getByRole("checkbox", { name: `${name} version ${v2.version}` }).check();
  await dialog.getByRole("combobox", { name: "Axis 2: what varies" }).selectOption("seed");
  await dialog.getByRole("textbox", { name: "Axis 2: seeds" }).fill("11, 22");
  await expect(dialog.getByRole("status")).toContainText(/^4 cells · /);
  await dialog.getByRole("button", { name: /^Start grid/ }).click();
  await page.waitForURL(/\/grids\/g_[a-z0-9]{16}$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByText(/Done · 4 of 4 done/)).toBeVisible({ timeout: 60_000 });

  // Each workflow records the set version its cell used, and sent that version's references.
  const plan: PlanView = await (await page.request.get(`/api/plans/${id}`)).json();
  const sent = plan.cells.map((c) => ({
    version: c.generation?.metadata.styleSet?.version,
    refs: c.generation?.input?.imageStyleReferences.length,
    tagged: c.generation?.tags.includes(`grid:${id}`),
    status: c.generation?.status,
  }));
  expect(sent).toEqual([
    { version: v1.version, refs: 1, tagged: true, status: "succeeded" },
    { version: v1.version, refs: 1, tagged: true, status: "succeeded" },
    { version: v2.version, refs: 2, tagged: true, status: "succeeded" },
    { version: v2.version, refs: 2, tagged: true, status: "succeeded" },
  ]);

  // A cell opened in the lightbox (through the lineage link of a rerun of it) links
  // back to its grid; the gallery itself shows the grid as one card.
  const cell = plan.cells[3]!;
  const later = studio.uniquePrompt("after the grid");
  await createGeneration(
    page.request,
    { prompt: later },
    { wait: 20, links: { parent: cell.workflowId!, lineage: "rerun" } },
  );
  await studio.goto();
  await studio
    .generation(later)
    .getByRole("button", { name: /^Open image 1/ })
    .click();
  await expect(studio.lightbox).toBeVisible();
  await studio.lightbox.getByRole("button", { name: /^Rerun of/ }).click();
  const chip = studio.lightbox.getByRole("link", { name: "Grid: Style set × Seed · cell 2,2" });
  await expect(chip).toBeVisible();
  await chip.click();
  await page.waitForURL(new RegExp(`/grids/${id}$`));

  // Filters find grids: one grid by its exact tag, every grid by the studio's check.
  const list = async (query: string): Promise<Generation[]> =>
    (await (await page.request.get(`/api/workflows?take=100&${query}`)).json()).items;
  const one = await list(`grid=${id}`);
  expect(one.map((g) => g.metadata.gridCell).sort()).toEqual([0, 1, 2, 3]);
  const every = await list("grid=any");
  expect(every.length).toBeGreaterThanOrEqual(4);
  expect(every.every((g) => typeof g.metadata.gridId === "string")).toBe(true);
  await studio.goto();
  await expect(studio.generation(later)).toBeVisible();
  await page.getByRole("button", { name: "Grids", exact: true }).click();
  await expect(page).toHaveURL(/[?&]grid=any/);
  await expect(studio.generation(later)).toHaveCount(0);
  await expect(
    studio.gallery.getByRole("article", { name: new RegExp(`^Grid of 4 cells: ${prompt}`) }),
  ).toBeVisible();
});

test("the style-set axis offers what the builder's picker offers: approved first with a badge, retired left out", async ({
  page,
}) => {
  const studio = new StudioPage(page);
  const make = async (label: string, status?: "approved" | "retired") => {
    const name = studio.uniquePrompt(label);
    const created = await page.request.post("/api/style-sets", {
      data: { name, references: [{ imageUrl: "https://example.com/grid-a.png", strength: 1 }] },
    });
    expect(created.status()).toBe(201);
    const set: StyleSet = await created.json();
    if (status) {
      const changed = await page.request.post(`/api/style-sets/${set.id}/status`, {
        data: { status, version: 1, author: "Dee" },
      });
      expect(changed.ok(), await changed.text()).toBe(true);
    }
    return name;
  };
  const draft = await make("Grid draft");
  const approved = await make("Grid approved", "approved");
  const retired = await make("Grid retired", "retired");

  await studio.goto();
  await studio.prompt.fill(studio.uniquePrompt("a harbour"));
  await studio.builder.getByRole("button", { name: /^Grid/ }).click();
  const dialog = page.getByRole("dialog", { name: "Decision grid" });
  await dialog.getByRole("combobox", { name: "Axis 1: what varies" }).selectOption("styleSet");
  const values = dialog.getByRole("group", { name: "Axis 1 values" });
  await expect(values.getByRole("checkbox", { name: `${approved} version 1` })).toBeVisible();
  await expect(values.getByRole("checkbox", { name: `${draft} version 1` })).toBeVisible();
  await expect(values.getByRole("checkbox", { name: `${retired} version 1` })).toHaveCount(0);
  await expect(values).toContainText(/retired sets? (is|are) hidden here/);
  const row = (name: string) => values.getByText(name, { exact: true }).locator("..");
  await expect(row(approved).getByText("Approved", { exact: true })).toBeVisible();
  await expect(row(draft).getByText("Approved", { exact: true })).toHaveCount(0);
  // Every approved set sits above every draft, as in the picker.
  const order = await values
    .getByRole("checkbox")
    .evaluateAll((boxes) => boxes.map((b) => b.getAttribute("aria-label") ?? ""));
  expect(order.findIndex((l) => l.startsWith(approved))).toBeLessThan(
    order.findIndex((l) => l.startsWith(draft)),
  );
});
