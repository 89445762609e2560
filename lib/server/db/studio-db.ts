import "server-only";
import path from "node:path";
import { dataDir } from "@/lib/server/db/data-dir";
import { openSqlite, type SqliteDatabase, type Migration } from "./sqlite";

// The studio's own database (<data dir>/studio.db): things designers create and
// share, such as style sets. The embedded engine keeps its data apart, in
// engine/engine.db, as a real orchestrator would.

export const STUDIO_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "style sets",
    sql: `
      CREATE TABLE style_sets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        -- the ordered references with strengths, as a JSON array: always read and
        -- written whole, and at most 10
        refs TEXT NOT NULL CHECK (json_valid(refs)),
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        -- soft delete, so Undo can bring a set back; purged after a week
        deleted_at INTEGER
      );
      CREATE INDEX style_sets_live_by_updated ON style_sets (updated_at DESC, id)
        WHERE deleted_at IS NULL;
    `,
  },
  {
    version: 2,
    name: "decision-grid plans",
    sql: `
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        -- account fingerprint + the click's Idempotency-Key: a repeated create returns the plan
        create_key TEXT NOT NULL UNIQUE,
        -- whom the cells are charged to (HMAC fingerprint, never the token) and how
        -- the server reaches them again after a restart
        account TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        planned INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'done', 'canceled')),
        picks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(picks)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX plans_by_created ON plans (created_at DESC);
      CREATE TABLE plan_cells (
        plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        coords TEXT NOT NULL,
        input TEXT NOT NULL CHECK (json_valid(input)),
        cost INTEGER NOT NULL,
        -- pending → sending (claimed; its externalId may have reached the
        -- orchestrator) → sent, or skipped (canceled before it was sent) or refused
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'skipped', 'refused')),
        workflow_id TEXT,
        status TEXT,
        charged INTEGER,
        error TEXT,
        PRIMARY KEY (plan_id, idx)
      );
    `,
  },
];

export function studioDbPath(): string {
  return path.join(dataDir(), "studio.db");
}

export function openStudioDb(file = studioDbPath()): SqliteDatabase {
  return openSqlite(file, STUDIO_MIGRATIONS);
}
