import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLegacyStudioDb } from "@/lib/server/testing/legacy-studio-db";
import { DbStyleSetStore } from "@/lib/server/style-sets/db-store";
import { closeStudioDbs } from "@/lib/server/db/studio-db";
import { readOriginal } from "@/lib/server/references/originals";
import { readThumbnail } from "@/lib/server/references/thumbnails";
import { openStudioDb } from "./studio-db";
import { STUDIO_MIGRATIONS } from "./migrations";

// A data dir an older studio (migrations 1–5, before the database layer) left
// behind: studio.db with sets, history, a status change, a proof and a grid,
// and thumbnails and originals as files. It opens as it is and keeps it all.

// SQLite by nature, also in the Postgres pass: DATABASE_URL is set aside meanwhile.
let dir: string;
let databaseUrl: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-upgrade-"));
  databaseUrl = process.env.DATABASE_URL;
  process.env.STUDIO_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
});
afterEach(async () => {
  await closeStudioDbs();
  delete process.env.STUDIO_DATA_DIR;
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  rmSync(dir, { recursive: true, force: true });
});

const ID = "ss_aaaaaaaaaaaaaaaaaaaa";
const REFS = JSON.stringify([{ imageUrl: "https://images.example/a.png", strength: 1 }]);
const PROOF = JSON.stringify({ prompts: ["a cat"], tier: "medium", seed: 7 });

function oldStudio(file: string): void {
  const db = createLegacyStudioDb(file);
  db.prepare(
    `INSERT INTO style_sets (id, name, note, refs, version, created_at, updated_at, updated_by, status, approved_version, status_by, status_at, proof)
     VALUES (?, 'Noir', 'two', ?, 2, 1000, 2000, 'Ben', 'approved', 2, 'Dee', 3000, ?)`,
  ).run(ID, REFS, PROOF);
  const version = db.prepare(
    `INSERT INTO style_set_versions (set_id, version, name, note, refs, diff, author, created_at, proof)
     VALUES (?, ?, 'Noir', ?, ?, NULL, ?, ?, ?)`,
  );
  version.run(ID, 1, "one", REFS, "Ana", 1000, null);
  version.run(ID, 2, "two", REFS, "Ben", 2000, PROOF);
  db.prepare(
    "INSERT INTO style_set_status_events (set_id, status, version, author, at) VALUES (?, 'approved', 2, 'Dee', 3000)",
  ).run(ID);
  db.prepare(
    "INSERT INTO style_set_proofs (set_id, version, prompt_index, prompt, workflow_id, author, at) VALUES (?, 2, 0, 'a cat', 'wf_1', 'Dee', 2500)",
  ).run(ID);
  db.prepare(
    `INSERT INTO plans (id, create_key, account, source, title, spec, planned, state, created_at, updated_at)
     VALUES ('g_aaaaaaaaaaaaaaaa', 'acct:key', 'acct', 'local', 'Old grid', '{}', 39, 'done', 1, 2)`,
  ).run();
  db.close();
}

describe("upgrading a studio.db from before the database layer", () => {
  it("opens it at version 5, adds only what follows, and keeps every row and rule", async () => {
    const file = path.join(dir, "studio.db");
    oldStudio(file);
    const db = await openStudioDb({ dialect: "sqlite", file });
    const applied = await db.kysely
      .selectFrom("schema_migrations")
      .select("version")
      .orderBy("version")
      .execute();
    expect(applied.map((r) => r.version)).toEqual(STUDIO_MIGRATIONS.map((m) => m.version));

    const store = new DbStyleSetStore(Promise.resolve(db));
    expect(await store.get(ID)).toMatchObject({
      name: "Noir",
      note: "two",
      version: 2,
      status: "approved",
      approvedVersion: 2,
      updatedBy: "Ben",
      proof: { prompts: ["a cat"], tier: "medium", seed: 7 },
    });
    const { items, statusEvents } = await store.versions(ID);
    expect(items.map((v) => [v.version, v.author, v.note])).toEqual([
      [2, "Ben", "two"],
      [1, "Ana", "one"],
    ]);
    expect(statusEvents).toMatchObject([{ status: "approved", version: 2, author: "Dee" }]);
    expect((await store.proofs(ID, 2)).map((p) => p.workflowId)).toEqual(["wf_1"]);
    // The grid is kept as it was.
    const grid = await db.kysely.selectFrom("plans").select(["title", "state"]).execute();
    expect(grid).toEqual([{ title: "Old grid", state: "done" }]);

    // The old triggers still hold, and the history goes on after the upgrade.
    await expect(
      sql`UPDATE style_set_versions SET note = 'forged'`.execute(db.kysely),
    ).rejects.toThrow(/append-only/);
    const next = await store.update(ID, { note: "three", author: "Eve" }, 2);
    expect(next).toMatchObject({ version: 3, status: "draft" });
    await db.close();
  });

  it("still serves the thumbnails and originals it kept as files", async () => {
    const id = "ab".padEnd(64, "c");
    mkdirSync(path.join(dir, "thumbnails", "ab"), { recursive: true });
    mkdirSync(path.join(dir, "originals", "ab"), { recursive: true });
    writeFileSync(path.join(dir, "thumbnails", "ab", `${id}.webp`), "thumb");
    writeFileSync(path.join(dir, "originals", "ab", `${id}.png`), "original");
    expect((await readThumbnail(id))?.toString()).toBe("thumb");
    expect(await readOriginal(id)).toEqual({ bytes: Buffer.from("original"), mime: "image/png" });
    expect(await readThumbnail("ab".padEnd(64, "d"))).toBeNull();
  });
});
