import { readFile } from "node:fs/promises";
import type { StyleSetVersion } from "../lib/contract/style-sets/history";
import type { StyleSet } from "../lib/contract/style-sets/schema";
import { expect, test } from "./support/fixtures";
import { pngFile } from "./support/references";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";
import { StyleSetPages, uniqueName } from "./support/style-set-pages";

// An export is portable: taken on one studio (its signed URLs live 5 s here),
// imported on a second studio with its own data dir after those URLs expired.
// The history and status come along, the uploaded image is uploaded to the
// second studio's orchestrator, and the set generates there.

test("export on one studio, import on another after the first one's URLs expired: history, status and images arrive", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const first = await StudioServer.launch({
    port: extraPort(48),
    dataDir: testDataDir("transfer-first"),
    env: { LOCAL_ENGINE_URL_TTL_SECONDS: "5" },
  });
  const second = await StudioServer.launch({
    port: extraPort(49),
    dataDir: testDataDir("transfer-second"),
  });
  const a = await playwright.request.newContext({ baseURL: first.url });
  const b = await playwright.request.newContext({ baseURL: second.url });
  try {
    const png = await pngFile("dunes.png", "#c2a477");
    const up = await a.post("/api/uploads", {
      multipart: {
        file: { name: "dunes.png", mimeType: png.type, buffer: Buffer.from(png.base64, "base64") },
      },
    });
    expect(up.status(), await up.text()).toBe(201);
    const blob: { id: string; url: string; urlExpiresAt: string; thumbnailId: string } =
      await up.json();
    const uploaded = {
      imageUrl: blob.url,
      strength: 1.5,
      blobId: blob.id,
      thumbnailId: blob.thumbnailId,
      urlExpiresAt: blob.urlExpiresAt,
      label: "dunes.png",
    };
    const link = { imageUrl: "https://example.com/ink.png", strength: -0.5, label: "ink.png" };
    const name = uniqueName("Travel");
    const created = await a.post("/api/style-sets", {
      data: { name, references: [uploaded], author: "Ana" },
    });
    const set: StyleSet = await created.json();
    await a.patch(`/api/style-sets/${set.id}`, {
      data: { references: [uploaded, link], version: 1, author: "Ben" },
    });
    await a.post(`/api/style-sets/${set.id}/status`, {
      data: { status: "approved", version: 2, author: "Dee" },
    });

    // Export from the first studio's page, as a designer would.
    const pages = new StyleSetPages(page);
    await page.goto(`${first.url}/style-sets`);
    const downloading = page.waitForEvent("download");
    await pages
      .card(name)
      .getByRole("link", { name: `Export “${name}” as JSON` })
      .click();
    const text = await readFile(await (await downloading).path(), "utf8");
    const file = JSON.parse(text);
    expect(file.version).toBe(2);
    expect(Object.keys(file.images)).toEqual([blob.thumbnailId]);

    // The first studio's signed URL is dead before the file moves on.
    await expect
      .poll(async () => (await a.get(blob.url)).status(), { timeout: 20_000 })
      .not.toBe(200);
    await first.stop();

    await page.goto(`${second.url}/style-sets`);
    await pages.signAs("Eve");
    const choosing = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Import…" }).click();
    await (
      await choosing
    ).setFiles({ name: "travel.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(
      page.locator("[data-sonner-toast]").filter({ hasText: "Imported 1 style set" }),
    ).toBeVisible();
    const card = pages.card(name);
    await expect(card).toContainText("version 2 · by Ben");
    await expect(card.getByText("Approved", { exact: true })).toBeVisible();

    const moved: StyleSet = await (await b.get(`/api/style-sets/${set.id}`)).json();
    expect(moved).toMatchObject({ status: "approved", approvedVersion: 2 });
    const [there, publicLink] = moved.references;
    expect(publicLink).toEqual(link);
    expect(there?.blobId).not.toBe(blob.id);
    expect(there?.imageUrl.startsWith(second.url)).toBe(true);
    expect((await b.get(there!.imageUrl)).status()).toBe(200);
    expect((await b.get(`/api/thumbnails/${there!.thumbnailId}`)).status()).toBe(200);
    const { items }: { items: StyleSetVersion[] } = await (
      await b.get(`/api/style-sets/${set.id}/versions`)
    ).json();
    expect(items.map((v) => [v.version, v.author])).toEqual([
      [2, "Ben"],
      [1, "Ana"],
    ]);
    expect(items[1]?.references[0]?.blobId).toBe(there?.blobId);

    // The set generates on the second studio.
    const res = await b.post(`/api/workflows?wait=30&styleSet=${set.id}&styleSetVersion=2`, {
      headers: { "Idempotency-Key": `transfer-${Date.now()}` },
      data: {
        prompt: "a caravan at dusk",
        imageStyleReferences: moved.references.map(({ imageUrl, strength }) => ({
          imageUrl,
          strength,
        })),
      },
    });
    expect(res.ok(), await res.text()).toBe(true);
    expect((await res.json()).metadata.styleSet).toMatchObject({
      id: set.id,
      version: 2,
      approved: true,
    });
  } finally {
    await a.dispose();
    await b.dispose();
    await first.dispose();
    await second.dispose();
  }
});
