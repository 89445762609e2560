import { expect, test } from "@playwright/test";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";
import { cancelGeneration, createGeneration, uniquePrompt } from "./support/studio-api";

// These tests own their server: one restarts it, the other makes its image URLs
// expire after 2 s.

test("restarting the server loses nothing and the gallery picks up where it was", async ({
  page,
  playwright,
}) => {
  const server = await StudioServer.launch({
    port: extraPort(20),
    dataDir: testDataDir("restart"),
  });
  const request = await playwright.request.newContext({ baseURL: server.url });
  try {
    const earlier = uniquePrompt("Finished before the restart");
    const running = uniquePrompt("test:slow Running across the restart");
    await createGeneration(request, { prompt: earlier }, { wait: 20 });
    const g = await createGeneration(request, { prompt: running });

    const studio = new StudioPage(page);
    await page.goto(server.url);
    const card = studio.generation(running);
    await expect(card.getByRole("progressbar")).toBeVisible();

    await server.stop();
    await expect(
      studio.gallery.getByRole("status").filter({ hasText: "Reconnecting" }),
    ).toBeVisible();
    await server.start();

    // The page was never reloaded: its long-poll backed off, came back, and follows again.
    await expect(card.getByRole("progressbar")).toBeVisible();
    await cancelGeneration(request, g.id);
    await expect(card.getByText("Canceled", { exact: true })).toBeVisible({ timeout: 20_000 });

    await page.reload();
    await expect(studio.generation(earlier).getByText("Succeeded")).toBeVisible();
    await expect(studio.generation(running).getByText("Canceled", { exact: true })).toBeVisible();
  } finally {
    await request.dispose();
    await server.dispose();
  }
});

test("an expired image URL is renewed without a broken image", async ({ page, playwright }) => {
  const server = await StudioServer.launch({
    port: extraPort(21),
    dataDir: testDataDir("expiry"),
    env: { LOCAL_ENGINE_URL_TTL_SECONDS: "2" },
  });
  const request = await playwright.request.newContext({ baseURL: server.url });
  try {
    const prompt = uniquePrompt("A street market at night, neon on wet asphalt");
    await createGeneration(request, { prompt }, { wait: 20 });
    // Every URL the history will hand out is already past its expiry when the page renders.
    await new Promise((r) => setTimeout(r, 3_500));

    const refreshes: string[] = [];
    page.on("request", (r) => {
      if (/\/api\/blobs\/[^/]+\/refresh$/.test(r.url())) refreshes.push(r.url());
    });
    const studio = new StudioPage(page);
    await page.goto(server.url);
    const thumb = studio.generation(prompt).getByRole("img");
    await expect
      .poll(() => thumb.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(0);
    expect(refreshes.length).toBeGreaterThan(0);

    // The renewal answered the spec's Blob, without a preview: the card shows the
    // renewed original. Later that URL has expired too; the lightbox shows the same
    // original (the browser holds its bytes), never a broken image.
    await new Promise((r) => setTimeout(r, 3_500));
    const shown = await thumb.getAttribute("src");
    await studio.generation(prompt).getByRole("button", { name: "Open image 1 of 1" }).click();
    const full = studio.lightbox.getByRole("img", { name: new RegExp(`^${prompt}`) });
    await expect.poll(() => full.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1024);
    await expect(studio.lightbox.getByText("Couldn’t load")).toHaveCount(0);
    expect(await full.getAttribute("src")).toBe(shown);
  } finally {
    await request.dispose();
    await server.dispose();
  }
});
