// The engine's SQLite database: workflows, their jobs and tags, blobs, and the
// per-user Buzz ledger. WAL so long-poll reads never wait on the writer, and
// synchronous=NORMAL because WAL keeps commits atomic across a crash (a kill -9
// loses at most the last commits, never consistency).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";

export type Db = Database.Database;

/** Each entry moves the schema one version up; never edit a shipped one. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE workflows (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    external_id TEXT,
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    completed_at INTEGER,
    status TEXT NOT NULL,
    metadata TEXT NOT NULL,
    -- lower-cased metadata JSON, for the case-insensitive ?query= match
    metadata_search TEXT NOT NULL,
    tags TEXT NOT NULL,
    -- the template's pass-through fields (callbacks, arguments, tips, …)
    extras TEXT NOT NULL,
    steps TEXT NOT NULL,
    cost_base INTEGER NOT NULL,
    cost_factors TEXT NOT NULL,
    deleted_at INTEGER
  );
  -- Idempotency: one workflow per (user, externalId), enforced by the database.
  CREATE UNIQUE INDEX workflows_external_id ON workflows(user_id, external_id)
    WHERE external_id IS NOT NULL;
  -- Keyset pagination walks this index in either direction.
  CREATE INDEX workflows_by_user_created ON workflows(user_id, created_at, id);

  CREATE TABLE workflow_tags (
    workflow_id TEXT NOT NULL REFERENCES workflows(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (workflow_id, tag)
  ) WITHOUT ROWID;

  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL REFERENCES workflows(id),
    step_index INTEGER NOT NULL,
    job_index INTEGER NOT NULL,
    status TEXT NOT NULL,
    cost REAL NOT NULL,
    -- what the job will do: succeed, fail, blocked or expire (test words)
    plan TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    queued_at INTEGER NOT NULL,
    started_at INTEGER,
    completed_at INTEGER,
    error TEXT,
    blob_id TEXT NOT NULL
  );
  CREATE INDEX jobs_by_workflow ON jobs(workflow_id, step_index, job_index);
  CREATE INDEX jobs_unfinished ON jobs(status) WHERE status IN ('unassigned', 'processing');

  CREATE TABLE blobs (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    job_id TEXT,
    created_at INTEGER NOT NULL,
    -- refreshed by POST /blobs/{id}/refresh (the orchestrator's 30-day TTL)
    lifetime_ends_at INTEGER NOT NULL
  );

  CREATE TABLE ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    workflow_id TEXT REFERENCES workflows(id),
    type TEXT NOT NULL CHECK (type IN ('debit', 'credit')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    created_at INTEGER NOT NULL,
    note TEXT NOT NULL
  );
  CREATE INDEX ledger_by_user ON ledger(user_id);
  CREATE INDEX ledger_by_workflow ON ledger(workflow_id);
  `,
];

export function openDatabase(engineDir: string): Db {
  mkdirSync(engineDir, { recursive: true });
  const db = new Database(path.join(engineDir, "engine.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Another process on the same data dir (a second `next dev` worker) waits instead of failing.
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(
      `engine.db is schema version ${current}, newer than this engine (${MIGRATIONS.length}); use a newer studio or another STUDIO_DATA_DIR`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? "");
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
