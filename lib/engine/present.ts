// Builds the orchestrator's response shapes (Workflow, ImageGenStep, ImageBlob,
// WorkflowStepJob) from stored records. Every read signs fresh URLs, and
// progress and queue positions are computed at read time from the clock.
import { randomUUID } from "node:crypto";
import { isAlive } from "./blob-store";
import { OUTPUT_SIZES } from "./krea-facts";
import { isFinal, jobProgress, stepProgress, stepStatus, testWords } from "./lifecycle";
import type { QueueEstimate } from "./scheduler";
import type { UrlSigner } from "./signing";
import type {
  Blob,
  BlobRecord,
  ImageBlob,
  ImageGenStep,
  JobRecord,
  LedgerEntry,
  NormalizedTemplate,
  StoredStep,
  Workflow,
  WorkflowExtras,
  WorkflowRecord,
  WorkflowStepJob,
} from "./types";

export interface PresentContext {
  signer: UrlSigner;
  /** absolute URL the engine's routes live under, e.g. http://127.0.0.1:3000/api/local-engine */
  baseUrl: string;
  now: number;
  queue: Map<string, QueueEstimate>;
  /** fault injection: sign URLs that have already expired; true to expire this URL */
  expireUrl?: () => boolean;
  /** `hideMatureContent`: mature blobs come back unavailable and without URLs */
  hideMature?: boolean;
}

/**
 * The spec marks mature content with a blob's `nsfwLevel` (NSFWLevel: "Mature
 * content includes R rated"); `test:mature` images are rated "x".
 */
export const MATURE_LEVEL = "x";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function contentUrl(ctx: Pick<PresentContext, "baseUrl">, token: string): string {
  return `${ctx.baseUrl}/v2/consumer/blobs/content/${token}`;
}

function signed(ctx: PresentContext, blobId: string, rendition: "original" | "preview") {
  const expiresAt = ctx.expireUrl?.()
    ? Math.floor(ctx.now / 1000) - 60
    : ctx.signer.expiryFor(ctx.now);
  const token = ctx.signer.sign({ blobId, rendition, expiresAt, download: false, filename: null });
  return { url: contentUrl(ctx, token), expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** An available blob with fresh signed URLs (uploads, refresh, finished jobs). */
export function presentBlob(blob: BlobRecord, ctx: PresentContext): ImageBlob {
  const original = signed(ctx, blob.id, "original");
  const preview = signed(ctx, blob.id, "preview");
  return {
    type: "image",
    id: blob.id,
    available: true,
    url: original.url,
    urlExpiresAt: original.expiresAt,
    previewUrl: preview.url,
    previewUrlExpiresAt: preview.expiresAt,
    width: blob.width,
    height: blob.height,
    jobId: blob.jobId,
    blockedReason: null,
  };
}

/**
 * Refresh's answer: the spec's `Blob` as written (no preview, no size). Clients
 * must not count on a `previewUrl` there and fall back to the fresh `url`.
 */
export function presentRefreshedBlob(blob: BlobRecord, ctx: PresentContext): Blob {
  const original = signed(ctx, blob.id, "original");
  return {
    type: "image",
    id: blob.id,
    available: true,
    url: original.url,
    urlExpiresAt: original.expiresAt,
    jobId: blob.jobId,
    blockedReason: null,
  };
}

function presentImage(
  step: StoredStep,
  job: JobRecord,
  blob: BlobRecord | undefined,
  ctx: PresentContext,
): ImageBlob {
  const mature = testWords(step.input.prompt).mature;
  // An output past its blob lifetime is gone upstream too: no URL to hand out.
  const delivered = job.status === "succeeded" && blob && isAlive(blob, ctx.now);
  if (delivered && !(mature && ctx.hideMature)) {
    const image = presentBlob(blob, ctx);
    return mature ? { ...image, nsfwLevel: MATURE_LEVEL } : image;
  }
  // Known before the job runs, so the gallery can size its skeleton.
  const { width, height } = OUTPUT_SIZES[step.input.aspectRatio];
  // Delivered yet here: a mature image under hideMatureContent keeps its rating, loses its URLs.
  const hidden: Partial<ImageBlob> = delivered ? { nsfwLevel: MATURE_LEVEL } : {};
  return {
    ...hidden,
    type: "image",
    id: job.blobId,
    available: false,
    url: null,
    urlExpiresAt: null,
    previewUrl: null,
    previewUrlExpiresAt: null,
    width,
    height,
    jobId: job.id,
    blockedReason: job.plan === "blocked" && job.status === "failed" ? "blocked" : null,
  };
}

function presentJob(job: JobRecord, ctx: PresentContext): WorkflowStepJob {
  const out: WorkflowStepJob = {
    id: job.id,
    status: job.status,
    cost: job.cost,
    startedAt: iso(job.startedAt),
    completedAt: iso(job.completedAt),
    estimatedProgressRate: jobProgress(job, ctx.now),
  };
  if (job.status === "unassigned") {
    const estimate = ctx.queue.get(job.id);
    out.queuePosition =
      job.plan === "expire" || !estimate
        ? { support: "unavailable", precedingJobs: null, startAt: null, completeAt: null }
        : {
            support: "available",
            precedingJobs: estimate.precedingJobs,
            startAt: iso(estimate.startAt),
            completeAt: iso(estimate.completeAt),
          };
  }
  return out;
}

function presentStep(
  step: StoredStep,
  jobs: JobRecord[],
  blobs: Map<string, BlobRecord>,
  ctx: PresentContext,
): ImageGenStep {
  const status = stepStatus(jobs);
  const started = jobs.map((j) => j.startedAt).filter((t): t is number => t !== null);
  const completed = jobs.map((j) => j.completedAt).filter((t): t is number => t !== null);
  const errors = [...new Set(jobs.map((j) => j.error).filter((e): e is string => e !== null))];
  const output: NonNullable<ImageGenStep["output"]> = {
    images: jobs.map((job) => presentImage(step, job, blobs.get(job.blobId), ctx)),
  };
  if (errors.length > 0) output.errors = errors;
  return {
    $type: "imageGen",
    name: step.name,
    priority: step.priority,
    timeout: step.timeout,
    retries: step.retries,
    metadata: step.metadata,
    status,
    startedAt: iso(started.length > 0 ? Math.min(...started) : null),
    completedAt: iso(isFinal(status) && completed.length > 0 ? Math.max(...completed) : null),
    estimatedProgressRate: stepProgress(jobs, ctx.now),
    input: step.input,
    output,
    jobs: jobs.map((job) => presentJob(job, ctx)),
  };
}

function envelope(extras: WorkflowExtras) {
  const out: Pick<Workflow, "arguments" | "callbacks" | "tips" | "upgradeMode" | "currencies"> &
    Partial<Pick<Workflow, "nsfwLevel" | "experimental" | "allowMatureContent">> = {
    arguments: extras.arguments,
    callbacks: extras.callbacks,
    tips: extras.tips,
    upgradeMode: extras.upgradeMode,
    currencies: extras.currencies,
  };
  if (extras.nsfwLevel !== undefined) out.nsfwLevel = extras.nsfwLevel;
  if (extras.experimental !== undefined) out.experimental = extras.experimental;
  if (extras.allowMatureContent !== undefined) out.allowMatureContent = extras.allowMatureContent;
  return out;
}

export interface WorkflowView {
  workflow: WorkflowRecord;
  jobs: JobRecord[];
  ledger: LedgerEntry[];
  blobs: Map<string, BlobRecord>;
}

export function presentWorkflow(view: WorkflowView, ctx: PresentContext): Workflow {
  const { workflow: w, jobs, ledger, blobs } = view;
  return {
    id: w.id,
    createdAt: new Date(w.createdAt).toISOString(),
    transactions: {
      list: ledger.map((e) => ({ type: e.type, amount: e.amount, accountType: "yellow" })),
    },
    metadata: w.metadata,
    status: w.status,
    startedAt: iso(w.startedAt),
    completedAt: iso(w.completedAt),
    tags: w.tags,
    steps: w.steps.map((step, i) =>
      presentStep(
        step,
        jobs.filter((j) => j.stepIndex === i),
        blobs,
        ctx,
      ),
    ),
    cost: {
      base: w.costBase,
      total: w.costBase,
      tips: { civitai: 0, creators: 0 },
      factors: w.costFactors,
    },
    forceRefunded: false,
    externalId: w.externalId,
    ...envelope(w.extras),
  };
}

/** The whatif answer: what a submit would cost and look like; nothing is stored. */
export function presentWhatIf(
  template: NormalizedTemplate,
  quote: { total: number; factors: Record<string, number> },
  balance: number,
  now: number,
): Workflow {
  return {
    id: null,
    createdAt: new Date(now).toISOString(),
    transactions: {
      list: [{ type: "debit", amount: quote.total, accountType: "yellow" }],
      insufficientBuzz: balance < quote.total,
    },
    metadata: template.metadata,
    status: "unassigned",
    startedAt: null,
    completedAt: null,
    tags: template.tags,
    steps: template.steps.map((step) => ({
      $type: "imageGen",
      name: step.name,
      priority: step.priority,
      timeout: step.timeout,
      retries: step.retries,
      metadata: step.metadata,
      status: "unassigned",
      startedAt: null,
      completedAt: null,
      estimatedProgressRate: null,
      input: step.input,
      // Throwaway ids: the jobs a submit would create, never stored.
      jobs: Array.from({ length: step.input.quantity }, () => ({
        id: randomUUID(),
        status: "unassigned" as const,
        cost: step.perImage,
        startedAt: null,
        completedAt: null,
        estimatedProgressRate: null,
      })),
    })),
    cost: {
      base: quote.total,
      total: quote.total,
      tips: { civitai: 0, creators: 0 },
      factors: quote.factors,
    },
    forceRefunded: false,
    externalId: template.externalId,
    ...envelope(template.extras),
  };
}
