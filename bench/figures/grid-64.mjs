// Figure 11: a 64-cell decision grid on the fast engine. From the click on Start
// to the grid view saying all 64 are done, against the engine's own time for the
// same work (first workflow created → last completed, read from the workflows);
// and what following the grid cost upstream: requests per cell and the most in
// flight at once, as the studio's plan runner counted them.
import { launchBrowser } from "../lib/browser.mjs";

export async function grid64(studioUrl) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(studioUrl);
    await page.getByRole("textbox", { name: "Prompt" }).fill(`bench grid ${Date.now()}`);
    // The builder's Grid button (the gallery's filter bar has a "Grids" toggle too).
    await page
      .getByRole("form", { name: "Krea v2 settings" })
      .getByRole("button", { name: /^Grid/ })
      .click();
    const dialog = page.getByRole("dialog", { name: "Decision grid" });
    await dialog.getByRole("button", { name: "Add axis" }).click();
    await dialog.getByRole("combobox", { name: "Axis 3: what varies" }).selectOption("seed");
    await dialog.getByRole("textbox", { name: "Axis 3: seeds" }).fill("8 random");
    await dialog
      .getByRole("status")
      .getByText(/^64 cells/)
      .waitFor();
    const raise = dialog.getByRole("button", { name: /^Raise my limit/ });
    if (await raise.isVisible()) await raise.click();
    const start = dialog.getByRole("button", { name: /^Start grid/ });
    const clicked = performance.now();
    await start.click();
    await page.waitForURL(/\/grids\//);
    await page.getByText(/Done · 64 of 64 done/).waitFor({ timeout: 300_000 });
    const shownMs = performance.now() - clicked;
    const id = page.url().split("/").pop();
    const plan = await (await fetch(`${studioUrl}/api/plans/${id}`)).json();
    const created = plan.cells.map((c) => Date.parse(c.generation.createdAt));
    const completed = plan.cells.map((c) => Date.parse(c.generation.completedAt));
    return {
      cells: plan.cells.length,
      shownMs,
      engineMs: Math.max(...completed) - Math.min(...created),
      upstreamPerCell: plan.upstream.requests / plan.cells.length,
      maxInFlight: plan.upstream.maxInFlight,
    };
  } finally {
    await browser.close();
  }
}
