import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyDiff, EMPTY_CONTENT } from "@/lib/contract/style-sets/diff";
import { migrate } from "@/lib/server/db/sqlite";
import { STUDIO_MIGRATIONS } from "@/lib/server/db/studio-db";
import { SqliteStyleSetStore } from "./sqlite-store";
import { StyleSetConflictError } from "./store";

let dir: string;
let file: string;
const open: SqliteStyleSetStore[] = [];
function openStore() {
  const store = SqliteStyleSetStore.open(file);
  open.push(store);
  return store;
}
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-style-set-history-"));
  file = path.join(dir, "studio.db");
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
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
    const db = new Database(file);
    try {
      expect(() =>
        db.prepare("UPDATE style_set_versions SET note = 'forged' WHERE set_id = ?").run(set.id),
      ).toThrow(/append-only/);
      expect(() =>
        db.prepare("DELETE FROM style_set_versions WHERE set_id = ? AND version = 1").run(set.id),
      ).toThrow(/append-only/);
      expect(() =>
        db
          .prepare(
            "INSERT OR REPLACE INTO style_set_versions (set_id, version, name, note, refs, author, created_at) VALUES (?, 1, 'x', 'x', '[]', 'x', 0)",
          )
          .run(set.id),
      ).toThrow(/append-only/);
      expect(() =>
        db
          .prepare(
            "INSERT INTO style_set_versions (set_id, version, name, note, refs, author, created_at) VALUES (?, 7, 'x', 'x', '[]', 'x', 0)",
          )
          .run(set.id),
      ).toThrow(/append-only/);
      expect(() =>
        db.prepare("UPDATE style_set_status_events SET author = 'x'").run(),
      ).not.toThrow(); // no rows yet: nothing to refuse
      await store.setStatus(set.id, "approved", 2);
      expect(() => db.prepare("UPDATE style_set_status_events SET author = 'x'").run()).toThrow(
        /append-only/,
      );
    } finally {
      db.close();
    }
    expect((await store.version(set.id, 1)).note).toBe("");
  });

  it("a set saved before history starts its history at its current version", async () => {
    // The schema as it was before history (migrations 1 and 2), with a set at version 4.
    const old = new Database(file);
    migrate(old, STUDIO_MIGRATIONS.slice(0, 2));
    old
      .prepare(
        "INSERT INTO style_sets (id, name, note, refs, version, created_at, updated_at) VALUES ('ss_aaaaaaaaaaaaaaaaaaaa', 'Old', '', '[]', 4, 0, 0)",
      )
      .run();
    old.close();
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

    const otherDir = mkdtempSync(path.join(tmpdir(), "krea-style-set-history-other-"));
    const other = SqliteStyleSetStore.open(path.join(otherDir, "studio.db"));
    try {
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
    } finally {
      other.close();
      rmSync(otherDir, { recursive: true, force: true });
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
    const other = SqliteStyleSetStore.open(path.join(otherDir, "studio.db"));
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
      other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe("an edit that makes an approved set a draft", () => {
  it("is signed by the editor on the set as in its history", async () => {
    let clock = Date.parse("2026-03-01T10:00:00Z");
    const store = SqliteStyleSetStore.open(file, { now: () => (clock += 1000) });
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
