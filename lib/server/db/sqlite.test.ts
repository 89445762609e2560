import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type Migration } from "./sqlite";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-sqlite-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const v1: Migration = {
  version: 1,
  name: "notes",
  sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY)",
};
const v2: Migration = {
  version: 2,
  name: "titles",
  sql: "ALTER TABLE notes ADD COLUMN title TEXT",
};

describe("openSqlite", () => {
  it("applies migrations once, records them, and uses WAL", () => {
    const file = path.join(dir, "a.db");
    const db = openSqlite(file, [v1]);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    const again = openSqlite(file, [v1, v2]);
    const rows = again
      .prepare("SELECT version, name FROM schema_migrations ORDER BY version")
      .all();
    expect(rows).toEqual([
      { version: 1, name: "notes" },
      { version: 2, name: "titles" },
    ]);
    again.prepare("INSERT INTO notes (title) VALUES ('x')").run();
    again.close();
  });

  it("rolls a failing migration back entirely", () => {
    const file = path.join(dir, "b.db");
    const broken: Migration = {
      version: 2,
      name: "broken",
      sql: "CREATE TABLE half (id INTEGER); THIS IS NOT SQL",
    };
    expect(() => openSqlite(file, [v1, broken])).toThrow();
    const db = openSqlite(file, [v1]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get()).toEqual({ v: 1 });
    db.close();
  });

  it("refuses a database from a newer studio", () => {
    const file = path.join(dir, "c.db");
    openSqlite(file, [v1, v2]).close();
    expect(() => openSqlite(file, [v1])).toThrow(/newer than this studio knows/);
  });
});
