import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";
import { createGeneration, uniquePrompt } from "./support/studio-api";
import { readStoredZip } from "./support/zip";

// With a real token the image URLs live on the orchestrator's hosts, another
// origin than the studio, which may send no CORS headers. This server's engine
// signs its URLs on http://localhost:<port> while the page is on 127.0.0.1, and
// the engine sends no CORS headers: downloads and zips must still work.

test("single and zip downloads work when the images live on another origin without CORS", async ({
  page,
  playwright,
}) => {
  const port = extraPort(25);
  const imageOrigin = `http://localhost:${port}`;
  const server = await StudioServer.launch({
    port,
    dataDir: testDataDir("cross-origin"),
    env: { LOCAL_ENGINE_PUBLIC_URL: `${imageOrigin}/api/local-engine` },
  });
  const request = await playwright.request.newContext({ baseURL: server.url });
  try {
    const prompt = uniquePrompt("Two lanterns on a jetty");
    const g = await createGeneration(request, { prompt, quantity: 2, seed: 777 }, { wait: 20 });
    const url = g.images[0]?.url ?? "";
    expect(new URL(url).origin).toBe(imageOrigin);

    const studio = new StudioPage(page);
    await page.goto(server.url);
    const card = studio.generation(prompt);
    // The page may show images from there (the CSP allows the engine's public origin)…
    const thumb = card.getByRole("img").first();
    await expect
      .poll(() => thumb.evaluate((el: HTMLImageElement) => el.naturalWidth))
      .toBeGreaterThan(0);
    // …but cannot read their bytes: a browser-side fetch fails.
    const browserFetch = await page.evaluate(async (u) => {
      try {
        await fetch(u);
        return "read";
      } catch {
        return "refused";
      }
    }, url);
    expect(browserFetch).toBe("refused");

    // One image, from the image menu.
    await card.getByRole("button", { name: "Open image 1 of 2" }).hover();
    await card.getByRole("button", { name: "Actions for image 1 of 2" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Download" }).click();
    const single = await downloading;
    expect(single.suggestedFilename()).toBe("krea-777-1.jpg");
    const bytes = await readFile((await single.path())!);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);

    // Both images as a zip, with their sidecars and the manifest.
    await card.getByRole("checkbox", { name: "Select image 1 of 2" }).click();
    await card.getByRole("checkbox", { name: "Select image 2 of 2" }).click();
    const bar = page.getByRole("region", { name: "Selection" });
    await expect(bar).toContainText("2 selected");
    const zipping = page.waitForEvent("download");
    await bar.getByRole("button", { name: "Download zip" }).click();
    const zip = await zipping;
    expect(zip.suggestedFilename()).toMatch(/^krea-images-.*\.zip$/);
    const files = readStoredZip(await readFile((await zip.path())!));
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
    expect(manifest).toMatchObject({ count: 2, failed: 0 });
    for (const n of [1, 2]) {
      const base = `krea-777-${g.id}-${n}`;
      expect(files.get(`${base}.jpg`)?.length ?? 0).toBeGreaterThan(100);
      expect(JSON.parse(files.get(`${base}.json`)!.toString("utf8"))).toMatchObject({
        prompt,
        seed: 777,
        image: { n },
      });
    }
    await expect(page.getByText("Downloaded 2 images as a zip")).toBeVisible();
  } finally {
    await request.dispose();
    await server.dispose();
  }
});
