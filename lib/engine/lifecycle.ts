/**
 * How a workflow's jobs behave and how statuses roll up.
 *
 * Test words (case-insensitive, anywhere in a step's prompt) let the studio and
 * its tests reach every outcome on demand:
 * - `test:blocked` — the jobs run, then the step fails as moderation-blocked:
 *   output `errors` gets BLOCKED_MESSAGE and every image is `available: false`
 *   with `blockedReason: "blocked"` (the spec has no `reason` field on steps).
 * - `test:fail` — the step's last job fails halfway through its run; the others
 *   succeed; step and workflow end `failed`.
 * - `test:expire` — no job is ever assigned; the workflow ends `expired` after
 *   the speed profile's `expireAfter` (~3 s on `fast`).
 * - `test:slow` — every job takes ~30 s whatever the speed, so a test can
 *   cancel or reload mid-generation.
 * - `test:mature` — every image of the step is rated mature (`nsfwLevel`), so
 *   `hideMatureContent` hides its URLs.
 * Jobs that deliver nothing are refunded when the workflow ends.
 */
import type { SpeedProfile } from "./config";
import { fnv1a } from "./ids";
import { STYLE_REFERENCE_PREMIUM, wholeBuzz } from "./krea-facts";
import { FINAL, type JobPlan, type JobRecord, type StoredStep, type WorkflowStatus } from "./types";

export const BLOCKED_MESSAGE =
  "blocked: the prompt or a reference image hit content moderation (local engine test word)";
export const EXPIRED_MESSAGE =
  "expired: no worker picked up the job before it timed out (local engine test word test:expire)";
export const failedMessage = (jobId: string) =>
  `job ${jobId} failed: the image service returned an error (local engine test word test:fail)`;

export interface TestWords {
  blocked: boolean;
  fail: boolean;
  expire: boolean;
  slow: boolean;
  mature: boolean;
}

export function testWords(prompt: string): TestWords {
  const p = prompt.toLowerCase();
  return {
    blocked: p.includes("test:blocked"),
    fail: p.includes("test:fail"),
    expire: p.includes("test:expire"),
    slow: p.includes("test:slow"),
    mature: p.includes("test:mature"),
  };
}

export function planJob(words: TestWords, jobIndex: number, quantity: number): JobPlan {
  if (words.expire) return "expire";
  if (words.blocked) return "blocked";
  if (words.fail && jobIndex === quantity - 1) return "fail";
  return "succeed";
}

/** A job's run time, drawn from its id so it is stable across restarts. */
export function jobDuration(jobId: string, step: StoredStep, profile: SpeedProfile): number {
  const range = testWords(step.input.prompt).slow
    ? profile.slow
    : profile.perImage[step.input.size];
  const unit = fnv1a(jobId) / 4294967296;
  return Math.round(range.min + unit * (range.max - range.min));
}

/** How long a started job runs before its timer fires: failing jobs stop halfway. */
export function runTime(job: Pick<JobRecord, "plan" | "durationMs">): number {
  return job.plan === "fail" ? Math.round(job.durationMs / 2) : job.durationMs;
}

export function isFinal(status: WorkflowStatus): boolean {
  return FINAL.has(status);
}

/** A step's status from its jobs. */
export function stepStatus(jobs: JobRecord[]): WorkflowStatus {
  if (jobs.length === 0) return "succeeded";
  if (jobs.every((j) => isFinal(j.status))) {
    if (jobs.every((j) => j.status === "succeeded")) return "succeeded";
    if (jobs.some((j) => j.status === "canceled")) return "canceled";
    if (jobs.some((j) => j.status === "failed")) return "failed";
    return "expired";
  }
  return jobs.some((j) => j.status !== "unassigned") ? "processing" : "unassigned";
}

/** A workflow's status from its steps'. */
export function workflowStatus(steps: WorkflowStatus[]): WorkflowStatus {
  if (steps.every(isFinal)) {
    if (steps.every((s) => s === "succeeded")) return "succeeded";
    if (steps.includes("canceled")) return "canceled";
    if (steps.includes("failed")) return "failed";
    return "expired";
  }
  return steps.some((s) => s !== "unassigned") ? "processing" : "unassigned";
}

/** What a workflow should finally cost: only delivered images are paid for. */
export function netCharge(steps: StoredStep[], jobs: JobRecord[]): number {
  let exact = 0;
  for (const job of jobs) {
    if (job.status === "succeeded") exact += steps[job.stepIndex]?.perImage ?? 0;
  }
  return wholeBuzz(exact);
}

export function quote(steps: StoredStep[]): { total: number; factors: Record<string, number> } {
  const exact = steps.reduce((sum, s) => sum + s.perImage * s.input.quantity, 0);
  const factors: Record<string, number> = {};
  for (const s of steps) {
    // One step (the studio's case) gets plain keys; several are told apart by step name.
    const prefix = steps.length > 1 ? `${s.name}.` : "";
    factors[`${prefix}perImage`] = s.perImage;
    factors[`${prefix}quantity`] = s.input.quantity;
    if (s.input.imageStyleReferences.length > 0) {
      factors[`${prefix}styleReferencePremium`] = STYLE_REFERENCE_PREMIUM;
    }
  }
  return { total: wholeBuzz(exact), factors };
}

/** Progress of a job from elapsed time: 0 while queued, rising while it runs, null once final. */
export function jobProgress(job: JobRecord, now: number): number | null {
  if (isFinal(job.status)) return null;
  if (job.status !== "processing" || job.startedAt === null) return 0;
  const fraction = (now - job.startedAt) / Math.max(1, job.durationMs);
  return Math.round(Math.min(0.99, Math.max(0, fraction)) * 1000) / 1000;
}

export function stepProgress(jobs: JobRecord[], now: number): number | null {
  if (jobs.length === 0 || jobs.every((j) => isFinal(j.status))) return null;
  const sum = jobs.reduce(
    (acc, j) => acc + (isFinal(j.status) ? 1 : (jobProgress(j, now) ?? 0)),
    0,
  );
  return Math.round((sum / jobs.length) * 1000) / 1000;
}
