import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyDiff, EMPTY_CONTENT } from "@/lib/contract/style-sets/diff";
import { migrate } from "@/lib/server/db/migrate";
import { STUDIO_MIGRATIONS } from "@/lib/server/db/migrations";
import {
  connectStudioDb,
  freshDbPlace,
  openStudioDb,
  testDialect,
  type StudioDb,
  type TestDbPlace,
} from "@/lib/server/testing/test-db";
import { DbStyleSetStore } from "./db-store";
import { StyleSetConflictError } from "./store";

// Runs on SQLite, and on Postgres with DATABASE_URL set (npm run test:pg).
let dir: string;
let place: TestDbPlace;
const places: TestDbPlace[] = [];
const open: { close(): Promise<void> }[] = [];
function openStore(at = place) {
  const store = new DbStyleSetStore(openStudioDb(at.target));
  open.push(store);
  return store;
}
/** A second connection of its own, as another program (or a careless query) would have. */
async function rawDb(): Promise<StudioDb> {
  const db = await openStudioDb(place.target);
  open.push(db);
  return db;
}
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-style-set-history-"));
  place = await freshDbPlace(dir);
  places.push(place);
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const p of places.splice(0)) await p.drop();
  rmSync(dir, { recursive: true, force: true });
});

const a = { imageUrl: "https://images.example/a.png", strength: 1 };
const b = { imageUrl: "https://images.example/b.png", strength: -0.5 };

describe("style set history", () => {
  it("records every change as a version with its author and a diff that rebuilds it", async () => {
    const store = openStore();
    const set = await store.create({ name: "Noir", note: "", references: [a], author: "Ana" });
    await store.update(set.id, { references: [a, b], author: "Ben" }, 1);
    await store.update(set.id, { references: [b, { ...a, strength: 0.5 }], author: "Ana" }, 2);
    const { items } = await store.versions(set.id);
    expect(items.map((v) => [v.version, v.author])).toEqual([
      [3, "Ana"],
      [2, "Ben"],
      [1, "Ana"],
    ]);
    const [v3, v2, v1] = items;
    expect(v2!.diff!.added.map((x) => x.reference.imageUrl)).toEqual([b.imageUrl]);
    expect(v3!.diff!.strength).toMatchObject([{ from: 1, to: 0.5 }]);
    expect(v3!.diff!.moved).not.toHaveLength(0);
    // Each stored diff rebuilds the next version from the one before.
    let content = EMPTY_CONTENT;
    for (const v of [v1!, v2!, v3!]) {
      content = applyDiff(content, v.diff!);
      expect(content).toEqual({ name: v.name, note: v.note, references: v.references });
    }
    expect((await store.get(set.id))?.updatedBy).toBe("Ana");
  });

  it("restoring appends a version with the old content", async () => {
    const store = openStore();
    const set = await store.create({ name: "Noir", note: "first", references: [a] });
    await store.update(set.id, { note: "second", references: [b] }, 1);
    const restored = await store.restoreVersion(set.id, 1, 2, "Cleo");
    expect(restored).toMatchObject({
      version: 3,
      note: "first",
      references: [a],
      updatedBy: "Cleo",
    });
    const v3 = await store.version(set.id, 3);
    expect(v3.restoredFrom).toBe(1);
    expect((await store.version(set.id, 1)).note).toBe("first");
    await expect(store.restoreVersion(set.id, 1, 2)).rejects.toBeInstanceOf(StyleSetConflictError);
    await expect(store.restoreVersion(set.id, 9, 3)).rejects.toMatchObject({ status: 404 });
  });

  it("a stale change is a 409 that carries their change as a diff", async () => {
    const store = openStore();
    const set = await store.create({ name: "Noir", note: "", references: [a] });
    await store.update(set.id, { references: [a, b], author: "Ben" }, 1);
    const error = await store.update(set.id, { note: "mine" }, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StyleSetConflictError);
    const ext = (error as StyleSetConflictError).extensions;
    expect(ext?.theirChange).toMatchObject({ from: 1, to: 2, authors: ["Ben"] });
  });

  it("status: approve the version seen, an edit makes it a draft again, every change recorded", async () => {
    const store = openStore();
    const set = await store.create({ name: "Noir", note: "", references: [a] });
    const approved = await store.setStatus(set.id, "approved", 1, "Dee");
    expect(approved).toMatchObject({ status: "approved", approvedVersion: 1, statusBy: "Dee" });
    await expect(store.setStatus(set.id, "retired", 2)).rejects.toBeInstanceOf(
      StyleSetConflictError,
    );
    const edited = await store.update(set.id, { note: "x", author: "Eli" }, 1);
    expect(edited).toMatchObject({ status: "draft", approvedVersion: 1 });
    await store.setStatus(set.id, "retired", 2, "Dee");
    const { statusEvents } = await store.versions(set.id);
    expect(statusEvents.map((e) => [e.status, e.version, e.author])).toEqual([
      ["approved", 1, "Dee"],
      ["draft", 2, "Eli"],
      ["retired", 2, "Dee"],
    ]);
  });

  it("the database refuses any rewrite of a past version, whatever the code does", async () => {
    const store = openStore();
    const set = await store.create({ name: "Noir", note: "", references: [a] });
    await store.update(set.id, { note: "two" }, 1);
    const { kysely: db } = await rawDb();
    const refused = (statement: ReturnType<typeof sql>) =>
      expect(statement.execute(db)).rejects.toThrow(/append-only/);
    await refused(sql`UPDATE style_set_versions SET note = 'forged' WHERE set_id = ${set.id}`);
    await refused(sql`DELETE FROM style_set_versions WHERE set_id = ${set.id} AND version = 1`);
    // An upsert over version 1: SQLite's REPLACE, Postgres's ON CONFLICT DO UPDATE.
    await refused(
      testDialect === "sqlite"
        ? sql`INSERT OR REPLACE INTO style_set_versions (set_id, version, name, note, refs, author, created_at) VALUES (${set.id}, 1, 'x', 'x', '[]', 'x', 0)`
        : sql`INSERT INTO style_set_versions (set_id, version, name, note, refs, author, created_at) VALUES (${set.id}, 1, 'x', 'x', '[]', 'x', 0) ON CONFLICT (set_id, version) DO UPDATE SET note = 'x'`,
    );
    await refused(
      sql`INSERT INTO style_set_versions (set_id, version, name, note, refs, author, created_at) VALUES (${set.id}, 7, 'x', 'x', '[]', 'x', 0)`,
    );
    // no rows yet: nothing to refuse
    await sql`UPDATE style_set_status_events SET author = 'x'`.execute(db);
    await store.setStatus(set.id, "approved", 2);
    await refused(sql`UPDATE style_set_status_events SET author = 'x'`);
    await refused(sql`DELETE FROM style_set_status_events`);
    if (testDialect === "postgres") await refused(sql`TRUNCATE style_set_versions`);
    expect((await store.version(set.id, 1)).note).toBe("");
  });

  it("proofs are append-only in the database too", async () => {
    const store = openStore();
    const proof = { prompts: ["a cat"], tier: "medium" as const, seed: 1 };
    const set = await store.create({ name: "Noir", note: "", references: [a] });
    await store.update(set.id, { proof }, 1);
    await store.recordProofs(set.id, 2, [{ promptIndex: 0, workflowId: "wf_1" }]);
    const { kysely: db } = await rawDb();
    await expect(sql`UPDATE style_set_proofs SET workflow_id = 'wf_2'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM style_set_proofs`.execute(db)).rejects.toThrow(/append-only/);
    expect((await store.proofs(set.id, 2)).map((p) => p.workflowId)).toEqual(["wf_1"]);
  });

  it("a set saved before history starts its history at its current version", async () => {
    // The schema as it was before history (migrations 1 and 2), with a set at version 4.
    const old = connectStudioDb(place.target);
    await migrate(old, testDialect, STUDIO_MIGRATIONS.slice(0, 2));
    await sql`INSERT INTO style_sets (id, name, note, refs, version, created_at, updated_at) VALUES ('ss_aaaaaaaaaaaaaaaaaaaa', 'Old', '', '[]', 4, 0, 0)`.execute(
      old,
    );
    await old.destroy();
    const store = openStore();
    const { items } = await store.versions("ss_aaaaaaaaaaaaaaaaaaaa");
    expect(items).toMatchObject([{ version: 4, diff: null, author: "Someone" }]);
    const next = await store.update("ss_aaaaaaaaaaaaaaaaaaaa", { note: "new" }, 4);
    expect(next.version).toBe(5);
  });
});

describe("export and import with history", () => {
  it("round-trips versions, authors, times and status into another studio; appends onto an existing set", async () => {
    const source = openStore();
    const set = await source.create({ name: "Noir", note: "", references: [a], author: "Ana" });
    await source.update(set.id, { references: [a, b], author: "Ben" }, 1);
    await source.setStatus(set.id, "approved", 2, "Dee");
    const file = JSON.parse(JSON.stringify(await source.exportSets([set.id])));

    const otherPlace = await freshDbPlace(dir, "other.db");
    places.push(otherPlace);
    const other = openStore(otherPlace);
    {
      const [copy] = await other.importSets(file);
      expect(copy).toMatchObject({
        id: set.id,
        name: "Noir",
        version: 2,
        status: "approved",
        approvedVersion: 2,
      });
      const { items, statusEvents } = await other.versions(copy!.id);
      const was = await source.versions(set.id);
      expect(items.map((v) => [v.version, v.author, v.createdAt, v.references])).toEqual(
        was.items.map((v) => [v.version, v.author, v.createdAt, v.references]),
      );
      expect(statusEvents).toEqual(was.statusEvents);

      // Edited there, then brought back: only the new version is appended here.
      await other.update(copy!.id, { note: "from the other studio", author: "Eve" }, 2);
      const back = JSON.parse(JSON.stringify(await other.exportSets([copy!.id])));
      const [appended] = await source.importSets(back, { existing: "append" });
      expect(appended).toMatchObject({ id: set.id, version: 3, note: "from the other studio" });
      expect((await source.version(set.id, 3)).author).toBe("Eve");
      // Without append, the same file makes a copy.
      const [second] = await source.importSets(back);
      expect(second!.id).not.toBe(set.id);
    }
  });
});

describe("proof settings in export and import", () => {
  it("round-trip per version, onto a new studio and appended onto an existing set", async () => {
    const proof = { prompts: ["a red door"], tier: "large" as const, seed: 7 };
    const later = { ...proof, prompts: ["a red door", "a harbour"] };
    const source = openStore();
    const set = await source.create({ name: "Noir", note: "", references: [a], author: "Ana" });
    await source.update(set.id, { proof, author: "Ana" }, 1);
    await source.update(set.id, { note: "wet", author: "Ben" }, 2);
    const file = JSON.parse(JSON.stringify(await source.exportSets([set.id])));

    const otherDir = mkdtempSync(path.join(tmpdir(), "krea-style-set-history-other-"));
    const otherPlace = await freshDbPlace(otherDir);
    places.push(otherPlace);
    const other = openStore(otherPlace);
    try {
      const [copy] = await other.importSets(file);
      expect(copy!.proof).toEqual(proof);
      const { items } = await other.versions(copy!.id);
      expect(items.map((v) => [v.version, v.proof])).toEqual([
        [3, proof],
        [2, proof],
        [1, null],
      ]);
      // A proof change made there comes back as a version of its own, nothing else.
      await other.update(copy!.id, { proof: later, author: "Eve" }, 3);
      const back = JSON.parse(JSON.stringify(await other.exportSets([copy!.id])));
      const [appended] = await source.importSets(back, { existing: "append" });
      expect(appended).toMatchObject({ version: 4, proof: later });
      expect((await source.versions(set.id)).items.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe("an edit that makes an approved set a draft", () => {
  it("is signed by the editor on the set as in its history", async () => {
    let clock = Date.parse("2026-03-01T10:00:00Z");
    const store = new DbStyleSetStore(openStudioDb(place.target), {
      now: () => (clock += 1000),
    });
    open.push(store);
    const set = await store.create({ name: "Noir", note: "", references: [a], author: "Ana" });
    await store.setStatus(set.id, "approved", 1, "Dee");
    const edited = await store.update(set.id, { note: "wet", author: "Ben" }, 1);
    const { statusEvents } = await store.versions(set.id);
    expect(statusEvents.at(-1)).toMatchObject({ status: "draft", author: "Ben" });
    expect(edited).toMatchObject({ status: "draft", statusBy: "Ben" });
    expect(edited.statusAt).toBe(statusEvents.at(-1)!.at);
  });
});
