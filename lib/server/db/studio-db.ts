import "server-only";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, sql, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dataDir } from "@/lib/server/db/data-dir";
import { env } from "@/lib/server/env";
import { migrate, writeTransaction } from "./migrate";
import { STUDIO_MIGRATIONS, type Db, type Dialect } from "./migrations";

// The studio's own database: style sets, grid plans, images, idempotency
// records. SQLite in <data dir>/studio.db by default; PostgreSQL when
// DATABASE_URL is set, so several instances share it. One Kysely schema and one
// set of migrations for both (migrations.ts); stores take a StudioDb and never
// know which. The embedded engine keeps its data apart, in engine/engine.db.

export interface StudioDb {
  readonly kysely: Db;
  readonly dialect: Dialect;
  /** A write transaction (BEGIN IMMEDIATE on SQLite). Use only `trx` inside. */
  write<T>(work: (trx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StudioDbTarget =
  { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

export function studioDbPath(): string {
  return path.join(dataDir(), "studio.db");
}

/** Where this process's studio database is: DATABASE_URL, else studio.db in the data dir. */
export function studioDbTarget(): StudioDbTarget {
  const url = env().DATABASE_URL;
  return url ? { dialect: "postgres", url } : { dialect: "sqlite", file: studioDbPath() };
}

// BIGINT (our millisecond times) and COUNT come back from pg as strings by
// default; every number we keep is far below 2^53.
const INT8 = 20;
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text") =>
    oid === INT8
      ? Number
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** Connects without touching the schema (openStudioDb migrates; tests build old schemas). */
export function connectStudioDb(target: StudioDbTarget): Db {
  if (target.dialect === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      types: pgTypes,
      application_name: "krea-prompt-studio",
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    return new Kysely({ dialect: new PostgresDialect({ pool }) });
  }
  mkdirSync(path.dirname(target.file), { recursive: true });
  const sqlite = new Database(target.file);
  try {
    // WAL so readers never wait on the writer; synchronous=NORMAL because WAL
    // keeps commits atomic across a crash; busy_timeout so a second process on
    // the same data dir waits for the write lock instead of failing.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Opens the database and brings its schema up to date (safe with another instance starting). */
export async function openStudioDb(target: StudioDbTarget = studioDbTarget()): Promise<StudioDb> {
  const kysely = connectStudioDb(target);
  const label = target.dialect === "sqlite" ? path.basename(target.file) : "the studio database";
  try {
    await migrate(kysely, target.dialect, STUDIO_MIGRATIONS, label);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  return {
    kysely,
    dialect: target.dialect,
    write: (work) => writeTransaction(kysely, target.dialect, work),
    close: () => kysely.destroy(),
  };
}

declare global {
  // A `var` is how TypeScript types a property of globalThis.
  var __kreaStudioDbs: Map<string, Promise<StudioDb>> | undefined;
}

/**
 * The process's database, opened once per target and kept on globalThis because
 * Next may evaluate this module more than once (per bundle, on dev reloads).
 * Keyed by target: tests point STUDIO_DATA_DIR (or DATABASE_URL) elsewhere per suite.
 */
export function getStudioDb(): Promise<StudioDb> {
  const dbs = (globalThis.__kreaStudioDbs ??= new Map());
  const target = studioDbTarget();
  const key = target.dialect === "sqlite" ? target.file : target.url;
  let db = dbs.get(key);
  if (!db) {
    db = openStudioDb(target);
    // A failed open (Postgres down at boot) is not remembered: the next request tries again.
    db.catch(() => dbs.get(key) === db && dbs.delete(key));
    dbs.set(key, db);
  }
  return db;
}

/** Closes every open studio database (tests, shutdown); the next call opens afresh. */
export async function closeStudioDbs(): Promise<void> {
  const dbs = globalThis.__kreaStudioDbs;
  globalThis.__kreaStudioDbs = undefined;
  for (const db of dbs?.values() ?? []) await (await db.catch(() => null))?.close();
}

/**
 * One timed round trip to the studio's database (opening it first if needed),
 * for /api/health. Throws what the database threw when it cannot answer.
 */
export async function pingStudioDb(): Promise<{ dialect: Dialect; latencyMs: number }> {
  const started = performance.now();
  const db = await getStudioDb();
  await sql`SELECT 1`.execute(db.kysely);
  return { dialect: db.dialect, latencyMs: Math.round(performance.now() - started) };
}
