import "server-only";
import type { Generated } from "kysely";

// The studio's tables as TypeScript sees them through Kysely, for SQLite and
// Postgres alike (migrations.ts creates them). Times are milliseconds since the
// epoch (BIGINT on Postgres, read back as numbers: studio-db.ts); JSON columns
// are TEXT in both, written and parsed by the stores.

export interface StyleSetsTable {
  id: string;
  name: string;
  note: string;
  refs: string;
  version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  updated_by: Generated<string>;
  status: Generated<"draft" | "approved" | "retired">;
  approved_version: number | null;
  status_by: string | null;
  status_at: number | null;
  proof: string | null;
}

export interface StyleSetVersionsTable {
  set_id: string;
  version: number;
  name: string;
  note: string;
  refs: string;
  diff: string | null;
  author: string;
  created_at: number;
  restored_from: number | null;
  proof: string | null;
}

export interface StyleSetStatusEventsTable {
  seq: Generated<number>;
  set_id: string;
  status: "draft" | "approved" | "retired";
  version: number;
  author: string;
  at: number;
}

export interface StyleSetProofsTable {
  seq: Generated<number>;
  set_id: string;
  version: number;
  prompt_index: number;
  prompt: string;
  workflow_id: string;
  author: string;
  at: number;
}

export interface PlansTable {
  id: string;
  create_key: string;
  account: string;
  source: string;
  title: string;
  spec: string;
  planned: number;
  state: "running" | "done" | "canceled";
  picks: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface PlanCellsTable {
  plan_id: string;
  idx: number;
  coords: string;
  input: string;
  cost: number;
  state: "pending" | "sending" | "sent" | "skipped" | "refused";
  workflow_id: string | null;
  status: string | null;
  charged: number | null;
  error: string | null;
}

export interface ImagesTable {
  kind: "thumbnail" | "original";
  id: string;
  mime: string;
  bytes: Uint8Array;
  created_at: number;
}

export interface IdempotencyRecordsTable {
  scope: string;
  workflow_id: string;
  created_at: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface StudioSchema {
  style_sets: StyleSetsTable;
  style_set_versions: StyleSetVersionsTable;
  style_set_status_events: StyleSetStatusEventsTable;
  style_set_proofs: StyleSetProofsTable;
  plans: PlansTable;
  plan_cells: PlanCellsTable;
  images: ImagesTable;
  idempotency_records: IdempotencyRecordsTable;
  schema_migrations: SchemaMigrationsTable;
}
