import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connectStudioDb,
  freshDbPlace,
  openStudioDb,
  testDialect,
  type TestDbPlace,
} from "@/lib/server/testing/test-db";
import { migrate } from "./migrate";
import { closeStudioDbs, pingStudioDb } from "./studio-db";
import { STUDIO_MIGRATIONS, type Db, type Migration } from "./migrations";

// Runs on SQLite, and on Postgres with DATABASE_URL set (npm run test:pg).
let dir: string;
let place: TestDbPlace;
const open: { destroy(): Promise<void> }[] = [];
function connect(): Db {
  const db = connectStudioDb(place.target);
  open.push(db);
  return db;
}
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-migrate-"));
  place = await freshDbPlace(dir);
});
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
  await place.drop();
  rmSync(dir, { recursive: true, force: true });
});

const v1: Migration = {
  version: 1,
  name: "notes",
  up: (db) =>
    db.schema
      .createTable("notes")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .execute(),
};
const v2: Migration = {
  version: 2,
  name: "titles",
  up: (db) => db.schema.alterTable("notes").addColumn("title", "text").execute(),
};
const versions = async (db: Db) =>
  await db.selectFrom("schema_migrations").select(["version", "name"]).orderBy("version").execute();

describe("migrate", () => {
  it("applies migrations once and records them", async () => {
    const db = connect();
    await migrate(db, testDialect, [v1]);
    await migrate(db, testDialect, [v1, v2]);
    await migrate(db, testDialect, [v1, v2]);
    expect(await versions(db)).toEqual([
      { version: 1, name: "notes" },
      { version: 2, name: "titles" },
    ]);
    await sql`INSERT INTO notes (id, title) VALUES (1, 'x')`.execute(db);
  });

  it("rolls a failing migration back entirely", async () => {
    const db = connect();
    const broken: Migration = {
      version: 2,
      name: "broken",
      async up(trx) {
        await trx.schema.createTable("half").addColumn("id", "integer").execute();
        await sql`THIS IS NOT SQL`.execute(trx);
      },
    };
    await migrate(db, testDialect, [v1]);
    await expect(migrate(db, testDialect, [v1, broken])).rejects.toThrow();
    // "half" was never created: the migration and its record went together.
    await expect(sql`SELECT * FROM half`.execute(db)).rejects.toThrow();
    expect(await versions(db)).toEqual([{ version: 1, name: "notes" }]);
  });

  it("refuses a database from a newer studio", async () => {
    const db = connect();
    await migrate(db, testDialect, [v1, v2]);
    await expect(migrate(db, testDialect, [v1])).rejects.toThrow(/newer than this studio knows/);
  });

  it("answers a health ping with its dialect", async () => {
    const dataDir = process.env.STUDIO_DATA_DIR;
    process.env.STUDIO_DATA_DIR = dir;
    try {
      expect(await pingStudioDb()).toMatchObject({ dialect: testDialect });
    } finally {
      await closeStudioDbs();
      process.env.STUDIO_DATA_DIR = dataDir;
    }
  });

  it("two instances starting at once on an empty database apply each migration once", async () => {
    const starts = await Promise.all([0, 1, 2].map(() => openStudioDb(place.target)));
    try {
      const db = starts[0]!.kysely;
      expect((await versions(db)).map((v) => v.version)).toEqual(
        STUDIO_MIGRATIONS.map((m) => m.version),
      );
    } finally {
      for (const s of starts) await s.close();
    }
  });
});
