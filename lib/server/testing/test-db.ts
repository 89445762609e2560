// Where a test's studio database lives: a file in the test's own folder by
// default; with DATABASE_URL set (npm run test:pg), a fresh schema of that
// Postgres for each call, so test files running in parallel never share rows.
import path from "node:path";
import pg from "pg";
import {
  connectStudioDb,
  openStudioDb,
  type StudioDb,
  type StudioDbTarget,
} from "@/lib/server/db/studio-db";

/** The Postgres the run was started with, read before any test points DATABASE_URL elsewhere. */
const BASE_URL = process.env.DATABASE_URL || undefined;
let counter = 0;

export const testDialect = BASE_URL ? "postgres" : "sqlite";

/** `url` with its connections' search_path set to `schema`. */
function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

export interface TestDbPlace {
  target: StudioDbTarget;
  /** Drops the schema (Postgres); the caller removes its folder. */
  drop(): Promise<void>;
}

/** A new, empty database place: `<dir>/<name>` for SQLite, a new schema for Postgres. */
export async function freshDbPlace(dir: string, name = "studio.db"): Promise<TestDbPlace> {
  if (!BASE_URL) {
    return { target: { dialect: "sqlite", file: path.join(dir, name) }, drop: async () => {} };
  }
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    target: { dialect: "postgres", url: withSchema(BASE_URL, schema) },
    async drop() {
      const client = new pg.Client({ connectionString: BASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/**
 * Points the studio's own database (getStudioDb) at a fresh place for a suite:
 * the data dir already is; with Postgres also DATABASE_URL. Returns the undo.
 */
export async function pointStudioDbAtFreshPlace(dataDir: string): Promise<() => Promise<void>> {
  if (!BASE_URL) return async () => {};
  const before = process.env.DATABASE_URL;
  const place = await freshDbPlace(dataDir);
  if (place.target.dialect === "postgres") process.env.DATABASE_URL = place.target.url;
  return async () => {
    process.env.DATABASE_URL = before;
    await place.drop();
  };
}

export { connectStudioDb, openStudioDb, type StudioDb };
