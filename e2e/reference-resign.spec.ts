import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Generation, GenerationPage } from "../lib/contract/generations/types";
import { pngFile, ReferencesPanel } from "./support/references";
import { uniquePrompt } from "./support/studio-api";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";

// Signed reference URLs that expired between generations are renewed by the
// studio's server on every submit path (lib/server/references/resign.ts). The server's
// engine signs URLs for 6 s, so the uploaded reference's URL has long expired
// when the later submits go out; they must all succeed, and what the engine
// received must be a URL signed after it expired.

const TTL_SECONDS = 6;

/** The embedded engine's content token carries its expiry (unix seconds) in readable claims. */
function expiryOf(url: string): { blobId: string; expiresAt: number } {
  const token = new URL(url).pathname.split("/").pop() ?? "";
  const claims = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8"));
  return { blobId: claims.b, expiresAt: claims.e * 1000 };
}

async function listed(request: APIRequestContext, prompt: string): Promise<Generation[]> {
  const res = await request.get("/api/workflows?take=100");
  expect(res.ok()).toBe(true);
  const page: GenerationPage = await res.json();
  return page.items.filter((g) => g.input?.prompt === prompt);
}

/** Waits until `count` generations with this prompt exist and have all finished. */
async function finished(request: APIRequestContext, prompt: string, count: number) {
  let all: Generation[] = [];
  await expect
    .poll(
      async () => {
        all = await listed(request, prompt);
        return all.length === count && all.every((g) => g.final);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return all;
}

/** The reference URLs of a workflow as the engine stored them: the body it received. */
async function receivedReferences(request: APIRequestContext, id: string): Promise<string[]> {
  const res = await request.get(`/api/local-engine/v2/consumer/workflows/${id}`, {
    headers: { authorization: "Bearer local-studio" },
  });
  expect(res.ok()).toBe(true);
  const workflow = (await res.json()) as {
    steps: { input: { imageStyleReferences: { imageUrl: string }[] } }[];
  };
  return workflow.steps.flatMap((s) => s.input.imageStyleReferences.map((r) => r.imageUrl));
}

/**
 * Writes the prompt, waits until the page is live (its character count follows the
 * typing only once React runs), then drops one uploaded reference into the builder.
 */
async function startBuilder(
  studio: StudioPage,
  refs: ReferencesPanel,
  prompt: string,
  colour: string,
) {
  await studio.prompt.fill(prompt);
  await expect(studio.builder.getByText(`${prompt.length} / 5000`)).toBeVisible();
  await refs.drop({ files: [await pngFile("moodboard.png", colour)] });
  await expect(refs.rows).toHaveCount(1);
  await refs.settled();
}

test("Remix, Reuse + Generate, Try on large and a creativity sweep renew an expired reference URL", async ({
  page,
  playwright,
}) => {
  test.setTimeout(150_000);
  const server = await StudioServer.launch({
    port: extraPort(31),
    dataDir: testDataDir("resign"),
    env: { LOCAL_ENGINE_URL_TTL_SECONDS: String(TTL_SECONDS) },
  });
  const request = await playwright.request.newContext({ baseURL: server.url });
  try {
    const studio = new StudioPage(page);
    const refs = new ReferencesPanel(page);
    await page.goto(server.url);
    const prompt = uniquePrompt("A lighthouse in fog");
    await startBuilder(studio, refs, prompt, "#aa3366");
    await studio.generate.click();
    const [first] = await finished(request, prompt, 1);
    expect(first?.status).toBe("succeeded");
    const [sentFirst] = await receivedReferences(request, first!.id);
    const stale = expiryOf(sentFirst!);

    // Wait until the URL the first generation carries has expired.
    await expect.poll(() => Date.now(), { timeout: 20_000 }).toBeGreaterThan(stale.expiresAt);
    const resubmitted = Date.now();
    const card = studio.gallery.locator(`[data-generation-ids="${first!.id}"]`);
    const cardAction = async (name: RegExp) => {
      await card.getByRole("button", { name: "Generation actions" }).click();
      await page.getByRole("menuitem", { name }).click();
    };

    await cardAction(/^Remix \(new seed\)/);
    await finished(request, prompt, 2);

    // Reuse loads the rows from the generation: they know no blob, only the expired URL.
    await cardAction(/^Reuse settings/);
    await expect(refs.rows).toHaveCount(1);
    await studio.generate.click();
    await finished(request, prompt, 3);

    await cardAction(/^Try on large, same seed/);
    await finished(request, prompt, 4);

    await studio.builder.getByRole("button", { name: /^Creativity sweep/ }).click();
    const all = await finished(request, prompt, 8);

    for (const g of all) expect(g.status, g.id).toBe("succeeded");
    for (const g of all.filter((g) => g.id !== first!.id)) {
      const [sent] = await receivedReferences(request, g.id);
      expect(sent, g.id).not.toBe(sentFirst);
      const fresh = expiryOf(sent!);
      expect(fresh.blobId).toBe(stale.blobId);
      // Signed after the old one had expired, and valid when it was sent.
      expect(fresh.expiresAt, g.id).toBeGreaterThan(resubmitted);
    }
  } finally {
    await request.dispose();
    await server.dispose();
  }
});

test("a reference whose blob is gone is refused before anything is spent, and the builder says so on its row", async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  const server = await StudioServer.launch({
    port: extraPort(32),
    dataDir: testDataDir("resign-gone"),
    env: { LOCAL_ENGINE_URL_TTL_SECONDS: String(TTL_SECONDS), LOCAL_ENGINE_BLOB_TTL_SECONDS: "10" },
  });
  const request = await playwright.request.newContext({ baseURL: server.url });
  try {
    const studio = new StudioPage(page);
    const refs = new ReferencesPanel(page);
    await page.goto(server.url);
    const prompt = uniquePrompt("A harbour at dawn");
    await startBuilder(studio, refs, prompt, "#3366aa");
    await studio.generate.click();
    const [first] = await finished(request, prompt, 1);
    const [sent] = await receivedReferences(request, first!.id);
    const { blobId } = expiryOf(sent!);

    // The reference's blob outlives nothing unused: wait until the engine has let it go.
    await expect
      .poll(
        async () =>
          (
            await request.head(`/api/local-engine/v2/consumer/blobs/${blobId}`, {
              headers: { authorization: "Bearer local-studio" },
            })
          ).status(),
        { timeout: 30_000 },
      )
      .toBe(404);

    const card = studio.gallery.locator(`[data-generation-ids="${first!.id}"]`);
    await card.getByRole("button", { name: "Generation actions" }).click();
    await page.getByRole("menuitem", { name: /^Reuse settings/ }).click();
    await expect(refs.rows).toHaveCount(1);
    await studio.generate.click();

    await expect(refs.row(1)).toContainText(
      /Reference 1 \(“Uploaded image”\) cannot be used: the orchestrator no longer has its image/,
    );
    await expect(studio.toast(/Nothing was sent or charged/)).toBeVisible();
    expect(await listed(request, prompt)).toHaveLength(1);
  } finally {
    await request.dispose();
    await server.dispose();
  }
});
