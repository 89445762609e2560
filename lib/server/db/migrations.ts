import "server-only";
import { sql, type Kysely } from "kysely";
import { APPEND_ONLY_PROOFS, APPEND_ONLY_VERSIONS } from "./append-only";
import type { StudioSchema } from "./schema";

// The studio's schema, once, for SQLite and Postgres: Kysely's schema builder
// writes each dialect's DDL, and only what SQL cannot say portably (JSON checks,
// the append-only triggers in append-only.ts) is chosen per dialect here.
// Migrations 1–5 were SQLite scripts before the database layer; a studio.db they
// made is at version 5 already and gets only what follows. Never edit or
// renumber a shipped migration: add the next one.

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<StudioSchema>;

export interface Migration {
  /** 1, 2, 3 … in order */
  version: number;
  name: string;
  up(db: Db, dialect: Dialect): Promise<void>;
}

const STATUSES = sql`('draft', 'approved', 'retired')`;

/** A CHECK that the column holds JSON (SQLite's json_valid; a failing cast on Postgres). */
function isJson(dialect: Dialect, column: string) {
  return dialect === "sqlite"
    ? sql<boolean>`json_valid(${sql.ref(column)})`
    : sql<boolean>`${sql.ref(column)}::jsonb IS NOT NULL`;
}

async function run(db: Db, statements: readonly string[]): Promise<void> {
  // One statement a call: better-sqlite3 prepares one at a time.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** An append-only row counter: SQLite's AUTOINCREMENT, a Postgres identity. */
const seqType = (d: Dialect) => (d === "sqlite" ? "integer" : "bigserial");

export const STUDIO_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "style sets",
    async up(db, d) {
      await db.schema
        .createTable("style_sets")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
        // the ordered references with strengths, a JSON array read and written whole (at most 10)
        .addColumn("refs", "text", (c) => c.notNull().check(isJson(d, "refs")))
        .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        // soft delete, so Undo can bring a set back; purged after a week
        .addColumn("deleted_at", "bigint")
        .execute();
      await db.schema
        .createIndex("style_sets_live_by_updated")
        .on("style_sets")
        .columns(["updated_at desc", "id"])
        .where(sql.ref("deleted_at"), "is", null)
        .execute();
    },
  },
  {
    version: 2,
    name: "decision-grid plans",
    async up(db, d) {
      await db.schema
        .createTable("plans")
        .addColumn("id", "text", (c) => c.primaryKey())
        // account fingerprint + the click's Idempotency-Key: a repeated create returns the plan
        .addColumn("create_key", "text", (c) => c.notNull().unique())
        // whom the cells are charged to (HMAC fingerprint, never the token) and how to reach them
        .addColumn("account", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("spec", "text", (c) => c.notNull().check(isJson(d, "spec")))
        .addColumn("planned", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) =>
          c.notNull().check(sql`state IN ('running', 'done', 'canceled')`),
        )
        .addColumn("picks", "text", (c) => c.notNull().defaultTo("[]").check(isJson(d, "picks")))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("plans_by_created")
        .on("plans")
        .column("created_at desc")
        .execute();
      await db.schema
        .createTable("plan_cells")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("coords", "text", (c) => c.notNull())
        .addColumn("input", "text", (c) => c.notNull().check(isJson(d, "input")))
        .addColumn("cost", "integer", (c) => c.notNull())
        // pending → sending (claimed; its externalId may have reached the orchestrator)
        // → sent, or skipped (canceled before it was sent) or refused
        .addColumn("state", "text", (c) =>
          c.notNull().check(sql`state IN ('pending', 'sending', 'sent', 'skipped', 'refused')`),
        )
        .addColumn("workflow_id", "text")
        .addColumn("status", "text")
        .addColumn("charged", "integer")
        .addColumn("error", "text")
        .addPrimaryKeyConstraint("plan_cells_pk", ["plan_id", "idx"])
        .execute();
    },
  },
  {
    version: 3,
    name: "style set history and status",
    // Sets saved before history start it at their current version, with no diff.
    async up(db, d) {
      // One column a statement: SQLite adds one at a time.
      const styleSets = () => db.schema.alterTable("style_sets");
      await styleSets()
        .addColumn("updated_by", "text", (c) => c.notNull().defaultTo("Someone"))
        .execute();
      await styleSets()
        .addColumn("status", "text", (c) =>
          c
            .notNull()
            .defaultTo("draft")
            .check(sql`status IN ${STATUSES}`),
        )
        .execute();
      await styleSets().addColumn("approved_version", "integer").execute();
      await styleSets().addColumn("status_by", "text").execute();
      await styleSets().addColumn("status_at", "bigint").execute();
      await db.schema
        .createTable("style_set_versions")
        .addColumn("set_id", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("refs", "text", (c) => c.notNull().check(isJson(d, "refs")))
        .addColumn("diff", "text", (c) => c.check(sql`diff IS NULL OR ${isJson(d, "diff")}`))
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("restored_from", "integer")
        .addPrimaryKeyConstraint("style_set_versions_pk", ["set_id", "version"])
        .execute();
      await db.schema
        .createTable("style_set_status_events")
        .addColumn("seq", seqType(d), (c) =>
          d === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn("set_id", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ${STATUSES}`))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("style_set_status_events_by_set")
        .on("style_set_status_events")
        .columns(["set_id", "seq"])
        .execute();
      await run(db, APPEND_ONLY_VERSIONS[d]);
      await sql`INSERT INTO style_set_versions (set_id, version, name, note, refs, diff, author, created_at)
        SELECT id, version, name, note, refs, NULL, updated_by, updated_at FROM style_sets`.execute(
        db,
      );
    },
  },
  {
    version: 4,
    name: "style set proof settings",
    // JSON of ProofSettings (test prompts, tier, seed), or NULL when none are set;
    // per version too, so a proof renders exactly what that version held.
    async up(db) {
      await db.schema.alterTable("style_sets").addColumn("proof", "text").execute();
      await db.schema.alterTable("style_set_versions").addColumn("proof", "text").execute();
    },
  },
  {
    version: 5,
    name: "style set proofs",
    // Append-only like the history beside it: which workflow rendered which test
    // prompt of which version, so anyone can see why a version was approved.
    async up(db, d) {
      await db.schema
        .createTable("style_set_proofs")
        .addColumn("seq", seqType(d), (c) =>
          d === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn("set_id", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("prompt_index", "integer", (c) => c.notNull())
        .addColumn("prompt", "text", (c) => c.notNull())
        .addColumn("workflow_id", "text", (c) => c.notNull())
        .addColumn("author", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("style_set_proofs_by_version")
        .on("style_set_proofs")
        .columns(["set_id", "version", "seq"])
        .execute();
      await run(db, APPEND_ONLY_PROOFS[d]);
    },
  },
  {
    version: 6,
    name: "images and idempotency records",
    // Upload originals and reference thumbnails (before: files in the data dir,
    // which a second instance cannot see), and which Idempotency-Key made which
    // workflow, so any instance answers a replay 200.
    async up(db, d) {
      await db.schema
        .createTable("images")
        .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('thumbnail', 'original')`))
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("mime", "text", (c) => c.notNull())
        .addColumn("bytes", d === "sqlite" ? "blob" : "bytea", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("images_pk", ["kind", "id"])
        .execute();
      await db.schema
        .createTable("idempotency_records")
        // a hash of orchestrator, token and key: never the token itself
        .addColumn("scope", "text", (c) => c.primaryKey())
        .addColumn("workflow_id", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("idempotency_records_by_created")
        .on("idempotency_records")
        .column("created_at")
        .execute();
    },
  },
];
