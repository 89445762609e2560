// The decision grid end to end on the embedded engine: tier × creativity × two
// seeds (16 cells) costed before sending, sent by the server exactly once through
// a reload and a restart (the engine's ledger counts the workflows), the matrix,
// picks and their summary, and the contact sheet read back. Then 64 cells with
// the default rate limits on: no 429 ever reaches the page.
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import type { PlanView } from "../lib/contract/grid/schema";
import { pdfPageCount, pdfStrings } from "./support/pdf-text";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";

async function openGridDialog(page: Page, prompt: string) {
  const studio = new StudioPage(page);
  await studio.prompt.fill(prompt);
  await studio.builder.getByRole("button", { name: /^Grid/ }).click();
  const dialog = page.getByRole("dialog", { name: "Decision grid" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function addSeedAxis(page: Page, seeds: string) {
  const dialog = page.getByRole("dialog", { name: "Decision grid" });
  await dialog.getByRole("button", { name: "Add axis" }).click();
  await dialog.getByRole("combobox", { name: "Axis 3: what varies" }).selectOption("seed");
  await dialog.getByRole("textbox", { name: "Axis 3: seeds" }).fill(seeds);
}

const ledgerOf = async (server: StudioServer) => {
  const res = await fetch(`${server.url}/api/local-engine/_engine/ledger`, {
    headers: { authorization: "Bearer local-studio" },
  });
  return (await res.json()) as { workflows: number; debits: number };
};

test("a 16-cell grid: exact total first, sent once through a reload and a restart, picked and exported", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // One send a second, so the reload and the restart both land mid-plan.
  const server = await StudioServer.launch({
    port: extraPort(21),
    dataDir: testDataDir("grid-16"),
    env: { STUDIO_PLAN_PACE: "60,1" },
  });
  try {
    await page.goto(server.url);
    const dialog = await openGridDialog(page, "a lighthouse at dusk");
    const summary = dialog.getByRole("status");
    // An axis that does not read gives no count at all, not one without it.
    await addSeedAxis(page, "11, x");
    await expect(summary).toContainText("The cost shows once every axis is valid: fix axis 3");
    await expect(summary).not.toContainText("cells ·");
    await dialog.getByRole("textbox", { name: "Axis 3: seeds" }).fill("11, 22");
    await expect(summary).toContainText("16 cells · 936 Buzz");
    await expect(summary).toContainText("8 × medium at 39 Buzz — confirmed by the orchestrator");
    await expect(summary).toContainText("8 × large at 78 Buzz — confirmed by the orchestrator");
    // Over the default limit of 300: it cannot go until the limit is raised.
    const start = dialog.getByRole("button", { name: "Start grid · 936 Buzz" });
    await expect(start).toBeDisabled();
    await dialog.getByRole("button", { name: "Raise my limit to 936 Buzz" }).click();
    await start.click();
    await page.waitForURL(/\/grids\/g_[a-z0-9]{16}$/);
    const id = page.url().split("/").pop()!;

    const progress = page.getByRole("progressbar", { name: "Cells done" });
    const done = async () => Number(await progress.getAttribute("aria-valuenow"));
    await expect.poll(done, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await page.reload();
    await expect.poll(done, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
    const before = await done();
    expect(before).toBeLessThan(16);
    await server.stop();
    await server.start();
    await expect(page.getByText(/Done · 16 of 16 done · 936 of 936 Buzz spent/)).toBeVisible({
      timeout: 90_000,
    });
    expect(await ledgerOf(server)).toMatchObject({ workflows: 16, debits: 936 });
    // The header counts the grid this tab started, though the server sent its cells.
    const sessionSpent = page.getByRole("banner").getByText("936 Buzz", { exact: true });
    await expect(sessionSpent).toBeVisible();

    const plan: PlanView = await (await fetch(`${server.url}/api/plans/${id}`)).json();
    const sent = plan.cells.map((c) => {
      const i = c.generation?.input;
      return `${i?.size}/${i?.creativity}/${i?.seed}/${i?.prompt}`;
    });
    const expected = ["medium", "large"].flatMap((size) =>
      ["raw", "low", "medium", "high"].flatMap((creativity) =>
        [11, 22].map((seed) => `${size}/${creativity}/${seed}/a lighthouse at dusk`),
      ),
    );
    expect(sent).toEqual(expected);

    // The matrix: tier columns, creativity rows, one tab per seed; 8 + 8 cells.
    const matrix = page.getByRole("table");
    await expect(matrix.getByRole("columnheader", { name: "Large" })).toBeVisible();
    await expect(matrix.getByRole("rowheader", { name: "High" })).toBeVisible();
    await expect(matrix.getByRole("button", { pressed: false })).toHaveCount(8);
    await page.getByRole("tab", { name: "Seed 22" }).click();
    await expect(
      matrix.getByRole("button", { name: /^Large, High, seed 22: Succeeded, 78 Buzz/ }),
    ).toBeVisible();
    await expect(matrix.getByRole("button", { pressed: false })).toHaveCount(8);
    await page.getByRole("tab", { name: "Seed 11" }).click();

    // Two cells by click: the wipe view opens; then 2 picks the second one.
    await matrix.getByRole("button", { name: /^Medium, Raw, seed 11/ }).click();
    await matrix.getByRole("button", { name: /^Large, Raw, seed 11/ }).click();
    const wipe = page.getByRole("dialog", {
      name: /^Wipe view: medium, raw, seed 11 vs large, raw, seed 11/,
    });
    await expect(wipe).toBeVisible();
    // In the wipe view 1 zooms, so the pick is a button there; focus goes back to the cell.
    await wipe.getByRole("button", { name: "Pick Large, Raw, seed 11" }).click();
    await expect(wipe).toBeHidden();
    await expect(matrix.getByRole("button", { name: /^Large, Raw, seed 11/ })).toBeFocused();
    const picks = page.getByRole("region", { name: "Picks" });
    await expect(picks).toContainText(
      "Large chosen in 1 of 8 rows; that one costs +39 Buzz more than medium",
    );
    // By keyboard alone: arrows, Space twice, Escape out of the wipe view, 2.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await expect(page.getByRole("dialog", { name: /^Wipe view/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(matrix.getByRole("button", { name: /^Large, Low, seed 11/ })).toBeFocused();
    await page.keyboard.press("2");
    await expect(picks).toContainText(
      "Large chosen in 2 of 8 rows; those 2 cost +78 Buzz more than medium",
    );
    // Enter opens a cell.
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Large, Low, seed 11" })).toBeVisible();
    await page.keyboard.press("Escape");
    // Picks are saved with the plan.
    await page.reload();
    await expect(page.getByRole("region", { name: "Picks" })).toContainText(
      "Large chosen in 2 of 8 rows",
    );

    // The contact sheet: 16 labelled cells on two landscape pages, and a PNG of both.
    const pdf = new Uint8Array(
      await (await fetch(`${server.url}/api/plans/${id}/sheet?format=pdf`)).arrayBuffer(),
    );
    expect(await pdfPageCount(pdf)).toBe(2);
    const strings = pdfStrings(pdf);
    for (const line of expected) {
      const [size, creativity, seed] = line.split("/");
      const buzz = size === "large" ? 78 : 39;
      expect(
        strings.some((t) =>
          new RegExp(
            `^#\\d+ seed ${seed} · ${size} · ${creativity} · no refs · ${buzz} Buzz$`,
          ).test(t),
        ),
        line,
      ).toBe(true);
    }
    expect(strings.filter((t) => t === "WINNER")).toHaveLength(2);
    expect(strings).toContain("Prompt: a lighthouse at dusk");
    const png = Buffer.from(
      await (
        await fetch(`${server.url}/api/plans/${id}/sheet?format=png&paper=letter`)
      ).arrayBuffer(),
    );
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 792 * 2, 612 * 2 * 2]);
    // Back in the studio, same tab: still counted.
    await page.goto(server.url);
    await expect(sessionSpent).toBeVisible();
  } finally {
    await server.stop();
  }
});

test("a 64-cell grid with the default rate limits completes and no 429 reaches the page", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const server = await StudioServer.launch({
    port: extraPort(22),
    dataDir: testDataDir("grid-64"),
    env: { STUDIO_RATE_LIMIT: "" },
  });
  const refused: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 429) refused.push(r.url());
  });
  try {
    await page.goto(server.url);
    const dialog = await openGridDialog(page, "sixty-four lighthouses");
    await addSeedAxis(page, "8 random");
    await expect(dialog.getByRole("status")).toContainText("64 cells · 3,744 Buzz");
    await dialog.getByRole("button", { name: "Raise my limit to 3,744 Buzz" }).click();
    await dialog.getByRole("button", { name: "Start grid · 3,744 Buzz" }).click();
    await page.waitForURL(/\/grids\//);
    await expect(page.getByText(/Done · 64 of 64 done · 3,744 of 3,744 Buzz spent/)).toBeVisible({
      timeout: 150_000,
    });
    expect(refused).toEqual([]);
    expect(await ledgerOf(server)).toMatchObject({ workflows: 64, debits: 3744 });
  } finally {
    await server.stop();
  }
});

test("a canceled grid settles on the page without a reload: cells canceled, Buzz refunded", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  // test:slow keeps every cell running for ~30 s, so the cancel lands mid-render.
  const dialog = await openGridDialog(page, `test:slow a harbour ${Date.now().toString(36)}`);
  await dialog.getByRole("button", { name: "Raise my limit to 468 Buzz" }).click();
  await dialog.getByRole("button", { name: "Start grid · 468 Buzz" }).click();
  await page.waitForURL(/\/grids\//);
  const progress = page.getByText(/ · \d+ of 8 done · /);
  await expect(progress).toContainText(/^Running/);
  await page.getByRole("button", { name: "Cancel grid" }).click();
  await expect(progress).toHaveText(/^Canceled · 8 of 8 done · 0 of 468 Buzz spent/, {
    timeout: 30_000,
  });
  // Sent cells canceled, the rest never sent: none still shows as generating.
  await expect(
    page
      .getByRole("table")
      .getByRole("button", { name: /: (Canceled|Not sent \(grid canceled\))/ }),
  ).toHaveCount(8);
  // The header follows the plan down to the refund.
  await expect(page.getByRole("banner").getByText("0 Buzz", { exact: true })).toBeVisible();
});

test("{a|b} groups in the prompt are listed as axes, so the cell count adds up", async ({
  page,
}) => {
  await page.goto("/");
  const dialog = await openGridDialog(page, "Poster, {bold serif|geometric sans} headline");
  await expect(dialog.getByText("Axis 3: Prompt choice 1")).toBeVisible();
  await expect(dialog.getByText("bold serif · geometric sans")).toBeVisible();
  await expect(dialog.getByRole("status")).toContainText("16 cells");
  // Turned off, the braces are one prompt again and the axis goes.
  await dialog.getByRole("checkbox", { name: /Read \{a\|b\} in the prompt as axes/ }).uncheck();
  await expect(dialog.getByText("Axis 3: Prompt choice 1")).toBeHidden();
  await expect(dialog.getByRole("status")).toContainText("8 cells");
});

test("closing the grid dialog keeps its axes for the next opening", async ({ page }) => {
  await page.goto("/");
  const dialog = await openGridDialog(page, "a kept setup");
  await addSeedAxis(page, "11, 22, 33");
  await expect(dialog.getByRole("status")).toContainText("24 cells");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await new StudioPage(page).builder.getByRole("button", { name: /^Grid/ }).click();
  await expect(dialog.getByRole("textbox", { name: "Axis 3: seeds" })).toHaveValue("11, 22, 33");
  await expect(dialog.getByRole("status")).toContainText("24 cells");
});
