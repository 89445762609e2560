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
];

export function studioDbPath(): string {
  return path.join(dataDir(), "studio.db");
}

export function openStudioDb(file = studioDbPath()): SqliteDatabase {
  return openSqlite(file, STUDIO_MIGRATIONS);
}
