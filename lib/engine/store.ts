// Reads and writes workflows, jobs, tags and ledger entries. Every write that
// must not be half-done (a workflow with its jobs and its debit; a final status
// with its refund) is one transaction.
import type { Db } from "./db";
import { Ledger } from "./ledger";
import { toJob, toWorkflow, type JobRow, type WorkflowRow } from "./rows";
import type { JobRecord, WorkflowExtras, WorkflowRecord, WorkflowStatus } from "./types";

export type SubmitOutcome =
  | { kind: "created"; workflow: WorkflowRecord }
  | { kind: "existing"; workflow: WorkflowRecord }
  | { kind: "insufficient"; balance: number };

export class Store {
  readonly ledger: Ledger;

  constructor(
    readonly db: Db,
    startingBuzz: number,
  ) {
    this.ledger = new Ledger(db, startingBuzz);
  }

  /**
   * Inserts a workflow with its jobs, tags and debit, or returns the existing
   * one for the same (user, externalId). Runs as an IMMEDIATE transaction so the
   * check and the insert cannot interleave with another writer; the unique
   * index backs that up if a second process shares the database.
   */
  submit(workflow: WorkflowRecord, jobs: JobRecord[], total: number): SubmitOutcome {
    const run = this.db.transaction((): SubmitOutcome => {
      if (workflow.externalId !== null) {
        const existing = this.findByExternalId(workflow.userId, workflow.externalId);
        if (existing) return { kind: "existing", workflow: existing };
      }
      const balance = this.ledger.balance(workflow.userId);
      if (balance < total) return { kind: "insufficient", balance };
      this.insertWorkflow(workflow, jobs);
      this.ledger.add(workflow.userId, {
        workflowId: workflow.id,
        type: "debit",
        amount: total,
        createdAt: workflow.createdAt,
        note: "submit",
      });
      return { kind: "created", workflow };
    });
    try {
      return run.immediate();
    } catch (error) {
      if (workflow.externalId !== null && isUniqueViolation(error)) {
        const existing = this.findByExternalId(workflow.userId, workflow.externalId);
        if (existing) return { kind: "existing", workflow: existing };
      }
      throw error;
    }
  }

  /** Also used directly by tests to seed many finished workflows quickly. */
  insertWorkflow(w: WorkflowRecord, jobs: JobRecord[]): void {
    this.db
      .prepare(
        `INSERT INTO workflows (id, user_id, external_id, created_at, started_at, completed_at, status,
           metadata, metadata_search, tags, extras, steps, cost_base, cost_factors, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        w.id,
        w.userId,
        w.externalId,
        w.createdAt,
        w.startedAt,
        w.completedAt,
        w.status,
        JSON.stringify(w.metadata),
        JSON.stringify(w.metadata).toLowerCase(),
        JSON.stringify(w.tags),
        JSON.stringify(w.extras),
        JSON.stringify(w.steps),
        w.costBase,
        JSON.stringify(w.costFactors),
        w.deletedAt,
      );
    this.writeTags(w.id, w.tags);
    const insertJob = this.db.prepare(
      `INSERT INTO jobs (id, workflow_id, step_index, job_index, status, cost, plan, duration_ms,
         queued_at, started_at, completed_at, error, blob_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const j of jobs) {
      insertJob.run(
        j.id,
        j.workflowId,
        j.stepIndex,
        j.jobIndex,
        j.status,
        j.cost,
        j.plan,
        j.durationMs,
        j.queuedAt,
        j.startedAt,
        j.completedAt,
        j.error,
        j.blobId,
      );
    }
  }

  findByExternalId(userId: string, externalId: string): WorkflowRecord | null {
    const row = this.db
      .prepare<[string, string], WorkflowRow>(
        "SELECT * FROM workflows WHERE user_id = ? AND external_id = ?",
      )
      .get(userId, externalId);
    return row ? toWorkflow(row) : null;
  }

  /** A live workflow of this user, or null (unknown, deleted, or someone else's). */
  workflowFor(userId: string, id: string): WorkflowRecord | null {
    const row = this.db
      .prepare<[string, string], WorkflowRow>(
        "SELECT * FROM workflows WHERE id = ? AND user_id = ? AND deleted_at IS NULL",
      )
      .get(id, userId);
    return row ? toWorkflow(row) : null;
  }

  workflow(id: string): WorkflowRecord | null {
    const row = this.db
      .prepare<[string], WorkflowRow>("SELECT * FROM workflows WHERE id = ?")
      .get(id);
    return row ? toWorkflow(row) : null;
  }

  job(id: string): JobRecord | null {
    const row = this.db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE id = ?").get(id);
    return row ? toJob(row) : null;
  }

  jobsOf(workflowIds: string[]): Map<string, JobRecord[]> {
    const rows = this.db
      .prepare<[string], JobRow>(
        `SELECT * FROM jobs WHERE workflow_id IN (SELECT value FROM json_each(?))
         ORDER BY workflow_id, step_index, job_index`,
      )
      .all(JSON.stringify(workflowIds));
    return groupBy(rows.map(toJob), (j) => j.workflowId);
  }

  /** Unfinished jobs in the order they were queued. */
  unfinishedJobs(): JobRecord[] {
    return this.db
      .prepare<[], JobRow>(
        `SELECT * FROM jobs WHERE status IN ('unassigned', 'processing')
         ORDER BY queued_at, workflow_id, step_index, job_index`,
      )
      .all()
      .map(toJob);
  }

  startJob(id: string, at: number): void {
    this.db
      .prepare(
        "UPDATE jobs SET status = 'processing', started_at = ? WHERE id = ? AND status = 'unassigned'",
      )
      .run(at, id);
  }

  /** Moves a live job to a final status; false when it was already final (canceled meanwhile). */
  finishJob(id: string, status: WorkflowStatus, at: number, error: string | null): boolean {
    const result = this.db
      .prepare(
        `UPDATE jobs SET status = ?, completed_at = ?, error = ?
         WHERE id = ? AND status IN ('unassigned', 'processing')`,
      )
      .run(status, at, error, id);
    return result.changes > 0;
  }

  cancelJobs(workflowId: string, at: number): void {
    this.db
      .prepare(
        `UPDATE jobs SET status = 'canceled', completed_at = ?
         WHERE workflow_id = ? AND status IN ('unassigned', 'processing')`,
      )
      .run(at, workflowId);
  }

  /** Writes the aggregated status, with the refund credit when it becomes final. */
  settle(
    w: WorkflowRecord,
    state: { status: WorkflowStatus; startedAt: number | null; completedAt: number | null },
    credit: number,
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE workflows SET status = ?, started_at = ?, completed_at = ? WHERE id = ?")
        .run(state.status, state.startedAt, state.completedAt, w.id);
      if (credit > 0) {
        this.ledger.add(w.userId, {
          workflowId: w.id,
          type: "credit",
          amount: credit,
          createdAt: state.completedAt ?? Date.now(),
          note: `refund: ${state.status}`,
        });
      }
    })();
  }

  unfinishedWorkflowIds(): string[] {
    return this.db
      .prepare<[], { id: string }>(
        "SELECT id FROM workflows WHERE status NOT IN ('succeeded', 'failed', 'expired', 'canceled')",
      )
      .all()
      .map((r) => r.id);
  }

  setTags(id: string, tags: string[]): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE workflows SET tags = ? WHERE id = ?").run(JSON.stringify(tags), id);
      this.db.prepare("DELETE FROM workflow_tags WHERE workflow_id = ?").run(id);
      this.writeTags(id, tags);
    })();
  }

  setMetadata(id: string, metadata: Record<string, unknown>): void {
    const json = JSON.stringify(metadata);
    this.db
      .prepare("UPDATE workflows SET metadata = ?, metadata_search = ? WHERE id = ?")
      .run(json, json.toLowerCase(), id);
  }

  setExtras(id: string, extras: WorkflowExtras): void {
    this.db.prepare("UPDATE workflows SET extras = ? WHERE id = ?").run(JSON.stringify(extras), id);
  }

  softDelete(id: string, at: number): void {
    this.db.prepare("UPDATE workflows SET deleted_at = ? WHERE id = ?").run(at, id);
  }

  countWorkflows(): number {
    return this.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM workflows").get()?.n ?? 0;
  }

  private writeTags(id: string, tags: string[]): void {
    const insert = this.db.prepare(
      "INSERT OR IGNORE INTO workflow_tags (workflow_id, tag) VALUES (?, ?)",
    );
    for (const tag of tags) insert.run(id, tag);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
