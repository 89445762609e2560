import "server-only";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";

// Opens a SQLite database the way every studio store wants it and brings its
// schema up to date. WAL so readers never wait on the writer; synchronous=NORMAL
// because WAL keeps commits atomic across a crash (a power cut may lose the last
// commits, never consistency); busy_timeout so a second process on the same
// data dir (another `next dev` worker) waits instead of failing.

export type SqliteDatabase = Database.Database;

export interface Migration {
  /** 1, 2, 3 … in order; never edit or renumber a shipped one */
  version: number;
  name: string;
  sql: string;
}

export function openSqlite(file: string, migrations: readonly Migration[]): SqliteDatabase {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db, migrations, path.basename(file));
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Applies the migrations not yet in `schema_migrations`, each in its own
 * IMMEDIATE transaction together with its row there, so two processes starting
 * at once cannot both apply one, and a failing migration leaves no trace.
 */
export function migrate(
  db: SqliteDatabase,
  migrations: readonly Migration[],
  label = "the database",
): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} must have version ${i + 1}`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = () => {
    const row: unknown = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get();
    return row && typeof row === "object" && "v" in row && typeof row.v === "number" ? row.v : 0;
  };
  if (applied() > migrations.length) {
    throw new Error(
      `${label} has schema version ${applied()}, newer than this studio knows (${migrations.length}); use a newer studio or another STUDIO_DATA_DIR`,
    );
  }
  for (const m of migrations) {
    db.transaction(() => {
      // Re-read inside the lock: another process may have applied it meanwhile.
      if (applied() >= m.version) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        Date.now(),
      );
    }).immediate();
  }
}
