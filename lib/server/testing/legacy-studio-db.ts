// The studio database as studios before the Kysely layer made it: migrations
// 1–5 as they shipped (raw SQLite), applied the way their migrator did, so the
// upgrade test opens a real old studio.db. Frozen: never edit.
import Database from "better-sqlite3";

const LEGACY_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
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
  {
    version: 3,
    name: "style set history and status",
    // History is append-only, enforced here and not only in the store: the triggers
    // refuse any UPDATE of a past version, and any DELETE while its set exists (the
    // bin's purge removes the set first). A version is appended right after the last.
    // Sets saved before history start it at their current version, with no diff.
    sql: `
      ALTER TABLE style_sets ADD COLUMN updated_by TEXT NOT NULL DEFAULT 'Someone';
      ALTER TABLE style_sets ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'approved', 'retired'));
      ALTER TABLE style_sets ADD COLUMN approved_version INTEGER;
      ALTER TABLE style_sets ADD COLUMN status_by TEXT;
      ALTER TABLE style_sets ADD COLUMN status_at INTEGER;

      CREATE TABLE style_set_versions (
        set_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        name TEXT NOT NULL,
        note TEXT NOT NULL,
        refs TEXT NOT NULL CHECK (json_valid(refs)),
        diff TEXT CHECK (diff IS NULL OR json_valid(diff)),
        author TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        restored_from INTEGER,
        PRIMARY KEY (set_id, version)
      );
      CREATE TRIGGER style_set_versions_no_update BEFORE UPDATE ON style_set_versions
      BEGIN
        SELECT RAISE(ABORT, 'style set history is append-only: a past version cannot be changed');
      END;
      CREATE TRIGGER style_set_versions_no_delete BEFORE DELETE ON style_set_versions
      WHEN EXISTS (SELECT 1 FROM style_sets WHERE id = OLD.set_id)
      BEGIN
        SELECT RAISE(ABORT, 'style set history is append-only: a past version cannot be deleted');
      END;
      CREATE TRIGGER style_set_versions_in_order BEFORE INSERT ON style_set_versions
      WHEN EXISTS (SELECT 1 FROM style_set_versions WHERE set_id = NEW.set_id)
        AND NEW.version <> (SELECT MAX(version) FROM style_set_versions WHERE set_id = NEW.set_id) + 1
      BEGIN
        SELECT RAISE(ABORT, 'style set history is append-only: a version must follow the last one');
      END;
      INSERT INTO style_set_versions (set_id, version, name, note, refs, diff, author, created_at)
        SELECT id, version, name, note, refs, NULL, updated_by, updated_at FROM style_sets;

      CREATE TABLE style_set_status_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        set_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'retired')),
        version INTEGER NOT NULL,
        author TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX style_set_status_events_by_set ON style_set_status_events (set_id, seq);
      CREATE TRIGGER style_set_status_events_no_update BEFORE UPDATE ON style_set_status_events
      BEGIN
        SELECT RAISE(ABORT, 'style set history is append-only: a status change cannot be changed');
      END;
      CREATE TRIGGER style_set_status_events_no_delete BEFORE DELETE ON style_set_status_events
      WHEN EXISTS (SELECT 1 FROM style_sets WHERE id = OLD.set_id)
      BEGIN
        SELECT RAISE(ABORT, 'style set history is append-only: a status change cannot be deleted');
      END;
    `,
  },
  {
    version: 4,
    name: "style set proof settings",
    // JSON of ProofSettings (test prompts, tier, seed), or NULL when none are set;
    // per version too, so a proof renders exactly what that version held.
    sql: `
      ALTER TABLE style_sets ADD COLUMN proof TEXT;
      ALTER TABLE style_set_versions ADD COLUMN proof TEXT;
    `,
  },
  {
    version: 5,
    name: "style set proofs",
    // Append-only like the history beside it: which workflow rendered which test
    // prompt of which version, so anyone can see why a version was approved.
    sql: `
      CREATE TABLE style_set_proofs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        set_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        prompt_index INTEGER NOT NULL,
        prompt TEXT NOT NULL,
        workflow_id TEXT NOT NULL,
        author TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX style_set_proofs_by_version ON style_set_proofs (set_id, version, seq);
      CREATE TRIGGER style_set_proofs_no_update BEFORE UPDATE ON style_set_proofs
      BEGIN
        SELECT RAISE(ABORT, 'style set proofs are append-only');
      END;
      CREATE TRIGGER style_set_proofs_no_delete BEFORE DELETE ON style_set_proofs
      WHEN EXISTS (SELECT 1 FROM style_sets WHERE id = OLD.set_id)
      BEGIN
        SELECT RAISE(ABORT, 'style set proofs are append-only');
      END;
    `,
  },
];

/** Writes a studio.db at schema version 5, as an old studio left it, and returns it open. */
export function createLegacyStudioDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  for (const m of LEGACY_MIGRATIONS) {
    db.exec(m.sql);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
      m.version,
      m.name,
      Date.now(),
    );
  }
  return db;
}
