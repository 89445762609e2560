// Runs jobs for real: each image of a quantity is a job; up to `concurrency`
// run at once and the rest wait in FIFO order with a queue position. A running
// job is a timer; when it fires, the image is rendered and stored, then the job
// is marked succeeded with its real completion time and long-polls wake. The
// database is the truth: timers are rebuilt from it on start-up, so a restart
// loses nothing (jobs already past their planned end finish at once).
import type { BlobStore } from "./blob-store";
import type { SpeedProfile } from "./config";
import type { FaultInjector } from "./faults";
import { OUTPUT_SIZES } from "./krea-facts";
import {
  BLOCKED_MESSAGE,
  EXPIRED_MESSAGE,
  failedMessage,
  isFinal,
  netCharge,
  runTime,
  stepStatus,
  workflowStatus,
} from "./lifecycle";
import { firstReferenceFailure, type ReferenceCheckContext } from "./reference-check";
import { renderImage, renderPreview } from "./render";
import type { Store } from "./store";
import type { JobRecord, WorkflowRecord } from "./types";

const INJECTED_FAILURE = (jobId: string) =>
  `job ${jobId} failed mid-run: the image service returned an error (injected fault)`;

export interface QueueEstimate {
  precedingJobs: number;
  startAt: number;
  completeAt: number;
}

interface SchedulerOptions {
  concurrency: number;
  profile: SpeedProfile;
  log: (line: string) => void;
  faults?: FaultInjector;
  /** how style references are judged when a job starts (see reference-check.ts) */
  references: ReferenceCheckContext;
}

export class Scheduler {
  /** running job id → planned end (ms) */
  private readonly running = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private queue: { jobId: string; workflowId: string; durationMs: number }[] = [];
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  /** job id → the reference check started with the job: null, or the step error */
  private readonly verifying = new Map<string, Promise<string | null>>();
  private estimates: Map<string, QueueEstimate> | null = null;
  private closed = false;
  private rendered = 0;

  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly options: SchedulerOptions,
  ) {}

  /** Takes a freshly submitted workflow's jobs. */
  admit(workflow: WorkflowRecord, jobs: JobRecord[]): void {
    for (const job of jobs) {
      if (job.plan === "expire") this.scheduleExpiry(workflow);
      else
        this.queue.push({ jobId: job.id, workflowId: job.workflowId, durationMs: job.durationMs });
    }
    this.changed();
    this.pump();
  }

  /** Rebuilds queue and timers from the database after a (re)start. */
  resume(): void {
    const now = Date.now();
    const jobs = this.store.unfinishedJobs();
    for (const job of jobs) {
      if (job.status === "processing" && job.startedAt !== null) {
        const end = job.startedAt + runTime(job);
        this.running.set(job.id, end);
        this.timers.set(
          job.id,
          setTimeout(() => this.finish(job.id), Math.max(0, end - now)),
        );
      } else if (job.plan === "expire") {
        const workflow = this.store.workflow(job.workflowId);
        if (workflow) this.scheduleExpiry(workflow);
      } else {
        this.queue.push({ jobId: job.id, workflowId: job.workflowId, durationMs: job.durationMs });
      }
    }
    // A crash between a job update and its workflow's roll-up is repaired here.
    for (const id of this.store.unfinishedWorkflowIds()) this.settle(id);
    if (jobs.length > 0)
      this.options.log(`[local-engine] resumed ${jobs.length} unfinished job(s)`);
    this.changed();
    this.pump();
  }

  cancel(workflowId: string): void {
    this.queue = this.queue.filter((q) => q.workflowId !== workflowId);
    for (const job of this.store.jobsOf([workflowId]).get(workflowId) ?? []) {
      this.verifying.delete(job.id);
      if (this.running.delete(job.id)) clearTimeout(this.timers.get(job.id));
      this.timers.delete(job.id);
    }
    clearTimeout(this.expiryTimers.get(workflowId));
    this.expiryTimers.delete(workflowId);
    this.store.cancelJobs(workflowId, Date.now());
    this.settle(workflowId);
    this.changed();
    this.pump();
  }

  /** Resolves when the workflow is final, after `ms`, on abort, or on close. */
  waitForFinal(workflowId: string, ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(workflowId) ?? new Set<() => void>();
      this.waiters.set(workflowId, set);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(workflowId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done, { once: true });
      set.add(done);
    });
  }

  /** Queue positions and estimated start/finish of every waiting job. */
  queueEstimates(now: number): Map<string, QueueEstimate> {
    if (this.estimates) return this.estimates;
    // Simulate the slots: each waiting job takes the slot that frees up first.
    const slots = [...this.running.values()].map((end) => Math.max(now, end));
    while (slots.length < this.options.concurrency) slots.push(now);
    const out = new Map<string, QueueEstimate>();
    this.queue.forEach((q, index) => {
      slots.sort((a, b) => a - b);
      const startAt = slots.shift() ?? now;
      const completeAt = startAt + q.durationMs;
      slots.push(completeAt);
      out.set(q.jobId, { precedingJobs: index, startAt, completeAt });
    });
    this.estimates = out;
    return out;
  }

  get stats() {
    let longPolls = 0;
    for (const set of this.waiters.values()) longPolls += set.size;
    return {
      running: this.running.size,
      queued: this.queue.length,
      imagesRendered: this.rendered,
      longPolls,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of [...this.timers.values(), ...this.expiryTimers.values()])
      clearTimeout(timer);
    this.timers.clear();
    this.expiryTimers.clear();
    for (const set of [...this.waiters.values()]) for (const done of [...set]) done();
    await Promise.allSettled([...this.inflight]);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.options.concurrency && this.queue.length > 0) {
      const next = this.queue.shift();
      if (!next) break;
      const job = this.store.job(next.jobId);
      if (!job || job.status !== "unassigned") continue;
      const now = Date.now();
      this.store.startJob(job.id, now);
      // FAL fetches the references when the job starts: judge them as of now.
      this.verifying.set(job.id, this.checkReferences(job, now));
      const end = now + runTime(job);
      this.running.set(job.id, end);
      this.timers.set(
        job.id,
        setTimeout(() => this.finish(job.id), end - now),
      );
      this.settle(job.workflowId);
    }
    this.changed();
  }

  private finish(jobId: string): void {
    this.timers.delete(jobId);
    const work = this.complete(jobId)
      .catch((error: unknown) => {
        // A render or disk error fails the job rather than leaving it running forever.
        this.options.log(`[local-engine] job ${jobId} crashed: ${String(error)}`);
        if (!this.closed)
          this.store.finishJob(
            jobId,
            "failed",
            Date.now(),
            `job ${jobId} failed: ${String(error)}`,
          );
      })
      .finally(() => {
        this.inflight.delete(work);
        if (this.closed) return;
        this.running.delete(jobId);
        const job = this.store.job(jobId);
        if (job) this.settle(job.workflowId);
        this.changed();
        this.pump();
      });
    this.inflight.add(work);
  }

  private async complete(jobId: string): Promise<void> {
    const job = this.store.job(jobId);
    if (!job || job.status !== "processing") return;
    const started = this.verifying.get(job.id);
    this.verifying.delete(job.id);
    // A job resumed after a restart has no check in flight: judge its references now.
    const referenceFailure = await (started ?? this.checkReferences(job, Date.now()));
    if (this.closed) return;
    if (referenceFailure) {
      this.store.finishJob(job.id, "failed", Date.now(), referenceFailure);
      return;
    }
    if (job.plan === "fail") {
      this.store.finishJob(job.id, "failed", Date.now(), failedMessage(job.id));
      return;
    }
    if (this.options.faults?.failJob()) {
      this.store.finishJob(job.id, "failed", Date.now(), INJECTED_FAILURE(job.id));
      return;
    }
    if (job.plan === "blocked") {
      this.store.finishJob(job.id, "failed", Date.now(), BLOCKED_MESSAGE);
      return;
    }
    const workflow = this.store.workflow(job.workflowId);
    const step = workflow?.steps[job.stepIndex];
    if (!workflow || !step) return;
    const input = step.input;
    const bytes = await renderImage({
      prompt: input.prompt,
      seed: input.seed ?? 0,
      aspectRatio: input.aspectRatio,
      creativity: input.creativity,
      size: input.size,
      styleReferences: input.imageStyleReferences,
      index: job.jobIndex,
    });
    // Closing mid-render: leave the job processing; resume re-renders it (same bytes).
    if (this.closed) return;
    const { size, etag } = await this.blobs.writeBytes(job.blobId, bytes);
    // The preview is ready when the job is, as on the orchestrator: the gallery's
    // first request for it never waits on a resize.
    await this.blobs.storePreview(job.blobId, await renderPreview(bytes));
    if (this.closed) return;
    const now = Date.now();
    const { width, height } = OUTPUT_SIZES[input.aspectRatio];
    this.store.db.transaction(() => {
      // Canceled while rendering: the job stays canceled and the file is just unreferenced.
      if (!this.store.finishJob(job.id, "succeeded", now, null)) return;
      this.blobs.insertRow({
        id: job.blobId,
        userId: workflow.userId,
        kind: "output",
        mime: "image/jpeg",
        width,
        height,
        size,
        etag,
        jobId: job.id,
        createdAt: now,
        lifetimeEndsAt: now + this.blobs.lifetimeMs,
      });
      this.rendered++;
    })();
  }

  private checkReferences(job: JobRecord, now: number): Promise<string | null> {
    const step = this.store.workflow(job.workflowId)?.steps[job.stepIndex];
    const references = step?.input.imageStyleReferences ?? [];
    if (references.length === 0) return Promise.resolve(null);
    return firstReferenceFailure(references, this.options.references, now).catch(
      (error: unknown) => `style references could not be checked: ${String(error)}`,
    );
  }

  private scheduleExpiry(workflow: WorkflowRecord): void {
    if (this.expiryTimers.has(workflow.id)) return;
    const delay = Math.max(0, workflow.createdAt + this.options.profile.expireAfter - Date.now());
    const timer = setTimeout(() => {
      this.expiryTimers.delete(workflow.id);
      const now = Date.now();
      for (const job of this.store.jobsOf([workflow.id]).get(workflow.id) ?? []) {
        if (job.plan === "expire") this.store.finishJob(job.id, "expired", now, EXPIRED_MESSAGE);
      }
      this.settle(workflow.id);
      this.changed();
    }, delay);
    this.expiryTimers.set(workflow.id, timer);
  }

  /** Rolls jobs up into the workflow's status; refunds and wakes waiters once it is final. */
  private settle(workflowId: string): void {
    const workflow = this.store.workflow(workflowId);
    if (!workflow || isFinal(workflow.status)) return;
    const jobs = this.store.jobsOf([workflowId]).get(workflowId) ?? [];
    const status = workflowStatus(
      workflow.steps.map((_, i) => stepStatus(jobs.filter((j) => j.stepIndex === i))),
    );
    const started = jobs.map((j) => j.startedAt).filter((t): t is number => t !== null);
    const completed = jobs.map((j) => j.completedAt).filter((t): t is number => t !== null);
    const final = isFinal(status);
    const completedAt = final ? Math.max(workflow.createdAt, ...completed) : null;
    let credit = 0;
    if (final) {
      const entries = this.store.ledger.entriesOf([workflowId]).get(workflowId) ?? [];
      const debited = entries.filter((e) => e.type === "debit").reduce((s, e) => s + e.amount, 0);
      const credited = entries.filter((e) => e.type === "credit").reduce((s, e) => s + e.amount, 0);
      credit = Math.max(0, debited - credited - netCharge(workflow.steps, jobs));
    }
    const startedAt = started.length > 0 ? Math.min(...started) : null;
    if (status === workflow.status && startedAt === workflow.startedAt && !final) return;
    this.store.settle(workflow, { status, startedAt, completedAt }, credit);
    if (final) {
      for (const done of [...(this.waiters.get(workflowId) ?? [])]) done();
    }
  }

  private changed(): void {
    this.estimates = null;
  }
}
