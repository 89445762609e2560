// Durability: kill -9 the studio in the middle of a burst of style-set writes
// and engine writes (submits), restart it on the same data dir, and find every
// write that was acknowledged before the kill, and databases that pass SQLite's
// integrity check.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, test } from "./support/fixtures";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";

test("every acknowledged write survives kill -9 mid-burst, and nothing is corrupt", async () => {
  test.setTimeout(120_000);
  const dataDir = testDataDir("durability");
  const server = await StudioServer.launch({ port: extraPort(43), dataDir });
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const sets: string[] = [];
  const updated = new Map<string, string>();
  const workflows: string[] = [];
  let failedAfterKill = 0;
  let stop = false;

  const styleSetWriter = async (n: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await api.post("/api/style-sets", {
          data: {
            name: `durable ${n}-${i}`,
            references: [{ imageUrl: `https://images.example/${n}/${i}.png`, strength: 1 }],
          },
        });
        if (res.status() !== 201) continue;
        const set: { id: string } = await res.json();
        sets.push(set.id);
        const note = `edited ${randomUUID()}`;
        const patch = await api.patch(`/api/style-sets/${set.id}`, { data: { note, version: 1 } });
        if (patch.status() === 200) updated.set(set.id, note);
      } catch {
        failedAfterKill++;
      }
    }
  };
  const engineWriter = async (n: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await api.post("/api/workflows", {
          headers: { "idempotency-key": `durable-${n}-${i}-${randomUUID().slice(0, 8)}` },
          data: { prompt: `durable ${n}-${i}` },
        });
        if (res.status() === 201) workflows.push(((await res.json()) as { id: string }).id);
      } catch {
        failedAfterKill++;
      }
    }
  };

  const writers = [0, 1, 2, 3].map(styleSetWriter).concat([0, 1, 2].map(engineWriter));
  await expect.poll(() => sets.length + workflows.length, { timeout: 30_000 }).toBeGreaterThan(60);
  await server.crash();
  stop = true;
  await Promise.all(writers);
  await api.dispose();
  const acknowledged = { sets: sets.length, edits: updated.size, workflows: workflows.length };

  // Before the restart: both databases open cleanly and pass the integrity check.
  for (const file of [path.join(dataDir, "studio.db"), path.join(dataDir, "engine", "engine.db")]) {
    const db = new Database(file);
    expect(db.pragma("integrity_check", { simple: true }), file).toBe("ok");
    db.close();
  }

  await server.start();
  const after = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    for (const id of sets) {
      const res = await after.get(`/api/style-sets/${id}`);
      expect(res.status(), `style set ${id}`).toBe(200);
      const set: { note: string } = await res.json();
      if (updated.has(id)) expect(set.note).toBe(updated.get(id));
    }
    for (const id of workflows) {
      const res = await after.get(`/api/workflows/${id}`);
      expect(res.status(), `workflow ${id}`).toBe(200);
    }
    console.log(
      `durability: kill -9 during a burst; acknowledged ${acknowledged.sets} style sets, ${acknowledged.edits} edits, ${acknowledged.workflows} submits: all present after restart, 0 lost, integrity_check ok (${failedAfterKill} requests cut off by the kill)`,
    );
  } finally {
    await after.dispose();
    await server.dispose();
  }
});
