// Ctrl+C and `npm start` again with a tab open, mid-generation. The old server
// used to live on for ~70 s (the tab's long-polls kept it busy) holding the
// engine's lock; the new engine gave up at once and the gallery said "Local
// engine kept failing" for good while /api/health said ok.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { StudioPage } from "./support/studio-page";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";

test("a restart with a page open: prompt exit, the engine takes its lock back, the page recovers by itself", async ({
  page,
  playwright,
}) => {
  test.setTimeout(180_000);
  const dataDir = testDataDir("restart-cli");
  const server = await StudioServer.launch({ port: extraPort(44), dataDir, cli: true });
  const api = await playwright.request.newContext({ baseURL: server.url });
  try {
    const studio = new StudioPage(page);
    await page.goto(server.url);
    const prompt = studio.uniquePrompt("test:slow a restart mid-generation, a tin robot");
    await studio.prompt.fill(prompt);
    await studio.generate.click();
    const card = studio.generation(prompt);
    await expect(card.getByRole("progressbar")).toBeVisible();

    // Ctrl+C: the whole process group is gone within a few seconds, long-poll or not.
    let gone = false;
    void server.interrupt().then(() => (gone = true));
    await expect.poll(() => gone, { timeout: 8_000 }).toBe(true);
    expect(server.output).toContain("shutting down");

    // The next start overlaps an engine that has not let go yet (a live pid holds the
    // lock, as the old server did for a minute): it must wait, and say so truthfully.
    const lock = path.join(dataDir, "engine", "engine.lock");
    mkdirSync(path.dirname(lock), { recursive: true });
    writeFileSync(lock, String(process.pid));
    await server.start({ listening: true });
    await expect
      .poll(async () => {
        const res = await api.get("/api/health");
        return { status: res.status(), engine: (await res.json()).localEngine?.state };
      })
      .toEqual({ status: 503, engine: "waiting" });
    await expect(studio.header.getByText(/Local engine is starting/)).toBeVisible();

    // It lets go: the engine takes the lock by itself and the page, never reloaded, recovers.
    rmSync(lock);
    await expect
      .poll(async () => (await api.get("/api/health")).status(), { timeout: 10_000 })
      .toBe(200);
    expect((await (await api.get("/api/health")).json()).localEngine).toEqual({ state: "ready" });
    await expect(card.getByText("Succeeded")).toBeVisible({ timeout: 90_000 });
    await expect(studio.header.getByText(/kept failing|is starting/)).toHaveCount(0);
    expect(server.output).not.toContain("could not start");
  } finally {
    await api.dispose();
    await server.dispose();
  }
});
