// Row shapes of the engine's tables and their mapping to records. Only the
// engine writes these tables, so the JSON columns are trusted to hold what the
// store put there (the row types say so to better-sqlite3's typed statements).
import type { JobPlan, JobRecord, LedgerEntry, WorkflowRecord, WorkflowStatus } from "./types";

export interface WorkflowRow {
  id: string;
  user_id: string;
  external_id: string | null;
  created_at: number;
  started_at: number | null;
  completed_at: number | null;
  status: WorkflowStatus;
  metadata: string;
  tags: string;
  extras: string;
  steps: string;
  cost_base: number;
  cost_factors: string;
  deleted_at: number | null;
}

export interface JobRow {
  id: string;
  workflow_id: string;
  step_index: number;
  job_index: number;
  status: WorkflowStatus;
  cost: number;
  plan: JobPlan;
  duration_ms: number;
  queued_at: number;
  started_at: number | null;
  completed_at: number | null;
  error: string | null;
  blob_id: string;
}

export interface LedgerRow {
  workflow_id: string | null;
  type: "debit" | "credit";
  amount: number;
  created_at: number;
  note: string;
}

export function toWorkflow(row: WorkflowRow): WorkflowRecord {
  return {
    id: row.id,
    userId: row.user_id,
    externalId: row.external_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    status: row.status,
    metadata: JSON.parse(row.metadata),
    tags: JSON.parse(row.tags),
    extras: JSON.parse(row.extras),
    steps: JSON.parse(row.steps),
    costBase: row.cost_base,
    costFactors: JSON.parse(row.cost_factors),
    deletedAt: row.deleted_at,
  };
}

export function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    stepIndex: row.step_index,
    jobIndex: row.job_index,
    status: row.status,
    cost: row.cost,
    plan: row.plan,
    durationMs: row.duration_ms,
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    error: row.error,
    blobId: row.blob_id,
  };
}

export function toLedger(row: LedgerRow): LedgerEntry {
  return {
    workflowId: row.workflow_id,
    type: row.type,
    amount: row.amount,
    createdAt: row.created_at,
    note: row.note,
  };
}
