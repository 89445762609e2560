// History survives kill -9: edits race on a few sets (409s included), the studio
// is killed mid-burst and restarted on the same data dir. Every acknowledged
// version is in the history with exactly the content that was acknowledged, the
// history has no gap, each stored diff rebuilds its version, and the database
// still refuses to rewrite a past version.
import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import Database from "better-sqlite3";
import { applyDiff, EMPTY_CONTENT, type VersionContent } from "@/lib/contract/style-sets/diff";
import type { StyleSetVersion } from "@/lib/contract/style-sets/history";
import { expect, test } from "./support/fixtures";
import { extraPort, StudioServer, testDataDir } from "./support/studio-server";

test("kill -9 during edits leaves every acknowledged version intact and the history append-only", async () => {
  test.setTimeout(120_000);
  const dataDir = testDataDir("history-durability");
  const server = await StudioServer.launch({ port: extraPort(47), dataDir });
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const acknowledged = new Map<string, VersionContent>(); // "id@version" → content
  let edits = 0;
  let stop = false;

  const ids: string[] = [];
  for (const n of [0, 1, 2]) {
    const res = await api.post("/api/style-sets", {
      data: { name: `History ${n}`, references: [], author: "Ana" },
    });
    const set: { id: string } = await res.json();
    ids.push(set.id);
  }
  const writer = async (n: number) => {
    const id = ids[n % ids.length]!;
    let version = 1;
    for (let i = 0; !stop; i++) {
      const note = `writer ${n} edit ${i}`;
      const references = [
        { imageUrl: `https://images.example/${n}-${i % 4}.png`, strength: (i % 5) / 2 - 1 },
      ];
      try {
        const res = await api.patch(`/api/style-sets/${id}`, {
          data: { note, references, version, author: n % 2 ? "Ben" : "Ana" },
        });
        const body: { version: number; name: string; current?: { version: number } } =
          await res.json();
        if (res.status() === 200) {
          acknowledged.set(`${id}@${body.version}`, { name: body.name, note, references });
          version = body.version;
          edits++;
        } else if (res.status() === 409 && body.current) {
          version = body.current.version;
        }
      } catch {
        // cut off by the kill
      }
    }
  };

  const writers = [0, 1, 2, 3, 4, 5].map(writer);
  await expect.poll(() => edits, { timeout: 30_000 }).toBeGreaterThan(40);
  await server.crash();
  stop = true;
  await Promise.all(writers);
  await api.dispose();

  const file = path.join(dataDir, "studio.db");
  const db = new Database(file);
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  db.close();

  await server.start();
  const after = await playwrightRequest.newContext({ baseURL: server.url });
  const seen = new Set<string>();
  try {
    for (const id of ids) {
      const res = await after.get(`/api/style-sets/${id}/versions`);
      expect(res.status()).toBe(200);
      const { items }: { items: StyleSetVersion[] } = await res.json();
      const current: { version: number } = await (await after.get(`/api/style-sets/${id}`)).json();
      // No gap: versions current..1, newest first.
      expect(items.map((v) => v.version)).toEqual(
        Array.from({ length: current.version }, (_, i) => current.version - i),
      );
      let content = EMPTY_CONTENT;
      for (const v of [...items].reverse()) {
        content = applyDiff(content, v.diff!);
        expect(content).toEqual({ name: v.name, note: v.note, references: v.references });
        seen.add(`${id}@${v.version}`);
        const acked = acknowledged.get(`${id}@${v.version}`);
        if (acked) expect({ name: v.name, note: v.note, references: v.references }).toEqual(acked);
      }
    }
    expect([...acknowledged.keys()].filter((key) => !seen.has(key))).toEqual([]);

    // Even written straight into the file, a past version cannot be changed.
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("UPDATE style_set_versions SET note = 'forged'").run()).toThrow(
        /append-only/,
      );
    } finally {
      raw.close();
    }
    console.log(
      `history durability: kill -9 after ${edits} acknowledged edits on ${ids.length} sets: every one in the history, no gaps, diffs rebuild each version, integrity_check ok`,
    );
  } finally {
    await after.dispose();
    await server.dispose();
  }
});
