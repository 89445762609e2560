import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Generation } from "../lib/contract/generations/types";
import type { StyleSet } from "../lib/contract/style-sets/schema";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { pngFile, ReferencesPanel } from "./support/references";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";
import { uniquePrompt } from "./support/studio-api";

// An orchestrator blob dies when unused for 30 days; this server's engine lets
// it die after 6 s. A set whose blob has expired still applies and generates:
// the studio uploads its kept copy again and fixes the set. A reference it has
// no copy of is marked on the Style sets page.

interface Uploaded {
  id: string;
  url: string;
  displayUrl: string;
  urlExpiresAt: string | null;
  thumbnailId: string;
}

async function upload(request: APIRequestContext, name: string, colour: string): Promise<Uploaded> {
  const file = await pngFile(name, colour);
  const response = await request.post("/api/uploads", {
    multipart: { file: { name, mimeType: file.type, buffer: Buffer.from(file.base64, "base64") } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function createSet(
  request: APIRequestContext,
  name: string,
  references: Record<string, unknown>[],
): Promise<StyleSet> {
  const response = await request.post("/api/style-sets", { data: { name, references } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

test("a set whose blob expired applies and generates; one that cannot be restored is marked", async ({
  page,
  playwright,
}) => {
  const server = await StudioServer.launch({
    port: extraPort(26),
    dataDir: testDataDir("blob-expiry"),
    env: { LOCAL_ENGINE_BLOB_TTL_SECONDS: "6" },
  });
  const request = await playwright.request.newContext({ baseURL: server.url });
  try {
    const dunes = await upload(request, "dunes.png", "#c2a477");
    const setName = `Dunes ${Date.now().toString(36)}`;
    const set = await createSet(request, setName, [
      {
        imageUrl: dunes.url,
        strength: 1.5,
        blobId: dunes.id,
        thumbnailId: dunes.thumbnailId,
        urlExpiresAt: dunes.urlExpiresAt,
        label: "dunes.png",
      },
    ]);
    // The same expired blob, but the studio has no copy of it (no thumbnail id to find one by).
    const ghostName = `Ghost ${Date.now().toString(36)}`;
    await createSet(request, ghostName, [
      { imageUrl: dunes.url, strength: 1, blobId: dunes.id, label: "ghost.png" },
    ]);
    // Unused for longer than its lifetime: the blob is gone.
    await expect
      .poll(async () => (await request.get(dunes.displayUrl)).status(), { timeout: 20_000 })
      .toBe(404);

    const studio = new StudioPage(page);
    const refs = new ReferencesPanel(page);
    await page.goto(server.url);
    const prompt = uniquePrompt("Wind-carved dunes at dusk");
    await studio.prompt.fill(prompt);
    await refs.section.getByRole("button", { name: "Style sets" }).click();
    const picker = page.getByRole("dialog", { name: "Style sets" });
    await picker.getByRole("button", { name: `Apply “${setName}”` }).click();
    await expect(picker).toBeHidden();
    await expect.poll(() => refs.names()).toEqual(["Reference 1: dunes.png"]);
    await expect(refs.strengthField(1)).toHaveValue("1.5");
    await studio.generate.click();

    let generation: Generation | undefined;
    await expect
      .poll(async () => {
        const list = await (await request.get("/api/workflows?take=20")).json();
        generation = list.items.find((g: Generation) => g.input?.prompt === prompt);
        return generation?.id ?? null;
      })
      .not.toBeNull();
    const done: Generation = await (
      await request.get(`/api/workflows/${generation!.id}?wait=30`)
    ).json();
    expect(done.status).toBe("succeeded");
    // The engine got a reference that works: the kept original, uploaded again.
    const sent = done.input?.imageStyleReferences ?? [];
    expect(sent).toHaveLength(1);
    expect(sent[0]?.strength).toBe(1.5);
    expect(sent[0]?.imageUrl).not.toBe(dunes.url);
    expect((await request.get(sent[0]!.imageUrl)).status()).toBe(200);
    // The set now holds the new blob, fixed in place: still version 1, still linked.
    const fixed: StyleSet = await (await request.get(`/api/style-sets/${set.id}`)).json();
    expect(fixed.version).toBe(1);
    expect(fixed.references[0]?.blobId).not.toBe(dunes.id);
    expect(fixed.references[0]?.imageUrl).toBe(sent[0]?.imageUrl);
    expect(done.metadata.styleSet).toMatchObject({ name: setName, version: 1 });

    // The Style sets page marks the reference nothing can bring back, and says what to do.
    await page.goto(`${server.url}/style-sets`);
    const ghost = page
      .getByRole("list", { name: "Saved style sets" })
      .getByRole("article", { name: ghostName, exact: true });
    await expect(ghost).toContainText(
      "Reference 1 (“ghost.png”) can't be restored: its image expired on the orchestrator and this studio has no copy of it. Remove it from the set, or add the same image again and update the set.",
    );
    await expect(ghost.getByRole("list", { name: `References of “${ghostName}”` })).toContainText(
      "can't be restored",
    );
    const healthy = page
      .getByRole("list", { name: "Saved style sets" })
      .getByRole("article", { name: setName, exact: true });
    await expect(healthy).toBeVisible();
    await expect(healthy).not.toContainText("can't be restored");
    await expectNoSeriousA11yViolations(page);
  } finally {
    await request.dispose();
    await server.dispose();
  }
});
