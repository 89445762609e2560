import "server-only";
import { sql } from "kysely";
import type { Db, Dialect, Migration } from "./migrations";

// Brings a database's schema up to date at start-up. Each migration runs in its
// own transaction together with its row in schema_migrations, so a failing one
// leaves no trace, and under a lock, so two instances starting at once cannot
// both apply one: SQLite's write lock (BEGIN IMMEDIATE), a Postgres advisory
// lock held until the transaction ends. Each re-reads the version inside the lock.

/** Any constant both instances agree on: "krea" in ASCII. */
const MIGRATION_LOCK = 0x6b726561;

/** Runs `work` in a write transaction: BEGIN IMMEDIATE on SQLite, an ordinary one on Postgres. */
export async function writeTransaction<T>(
  db: Db,
  dialect: Dialect,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  if (dialect === "postgres") return db.transaction().execute(work);
  // Kysely's SQLite driver has one connection behind a mutex: holding it keeps
  // this process's other queries out, and IMMEDIATE takes the file's write lock
  // up front, so two writers queue instead of failing half-way.
  return db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    try {
      const result = await work(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn);
      throw error;
    }
  });
}

const BUSY_WAIT_MS = 5_000;

/**
 * BEGIN IMMEDIATE, waiting for another connection's write lock without
 * blocking the event loop: SQLite's busy_timeout sleeps in this thread, which
 * would stall the very transaction (of this process) it waits for.
 */
async function beginImmediate(conn: Db): Promise<void> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  await sql`PRAGMA busy_timeout = 0`.execute(conn);
  try {
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      try {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        return;
      } catch (error) {
        const busy = error instanceof Error && "code" in error && error.code === "SQLITE_BUSY";
        if (!busy || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  } finally {
    await sql`PRAGMA busy_timeout = 5000`.execute(conn);
  }
}

async function appliedVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom("schema_migrations")
    .select((eb) => eb.fn.max("version").as("v"))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

async function locked<T>(db: Db, dialect: Dialect, work: (trx: Db) => Promise<T>): Promise<T> {
  return writeTransaction(db, dialect, async (trx) => {
    if (dialect === "postgres")
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    return work(trx);
  });
}

export async function migrate(
  db: Db,
  dialect: Dialect,
  migrations: readonly Migration[],
  label = "the database",
): Promise<void> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} must have version ${i + 1}`);
  });
  await locked(db, dialect, async (trx) => {
    await trx.schema
      .createTable("schema_migrations")
      .ifNotExists()
      .addColumn("version", "integer", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("applied_at", "bigint", (c) => c.notNull())
      .execute();
    const applied = await appliedVersion(trx);
    if (applied > migrations.length) {
      throw new Error(
        `${label} has schema version ${applied}, newer than this studio knows (${migrations.length}); use a newer studio or another database`,
      );
    }
  });
  for (const m of migrations) {
    await locked(db, dialect, async (trx) => {
      // Re-read inside the lock: another instance may have applied it meanwhile.
      if ((await appliedVersion(trx)) >= m.version) return;
      await m.up(trx, dialect);
      await trx
        .insertInto("schema_migrations")
        .values({ version: m.version, name: m.name, applied_at: Date.now() })
        .execute();
    });
  }
}
