// The engine's own records (what it stores) and the orchestrator shapes it
// answers with (Workflow, WorkflowStep, ImageBlob … from the OpenAPI spec).
// The response types mirror the spec by hand rather than importing the SDK's:
// the engine is the server side of that contract and the contract test checks
// its answers against the spec itself.
import type { AspectRatio, Creativity, KreaSize } from "./krea-facts";

export type WorkflowStatus =
  | "unassigned"
  | "preparing"
  | "scheduled"
  | "processing"
  | "succeeded"
  | "failed"
  | "expired"
  | "canceled";

export const FINAL: ReadonlySet<WorkflowStatus> = new Set([
  "succeeded",
  "failed",
  "expired",
  "canceled",
]);

export type Priority = "high" | "normal" | "low";

/** A Krea input as stored: defaults applied; seed null only on whatif previews. */
export interface StoredInput {
  engine: "fal";
  model: "krea2";
  operation: "createImage";
  prompt: string;
  size: KreaSize;
  aspectRatio: AspectRatio;
  creativity: Creativity;
  quantity: number;
  seed: number | null;
  imageStyleReferences: { imageUrl: string; strength: number }[];
  /** spec fields the engine keeps and echoes (it always renders JPEG) */
  outputFormat?: "jpeg" | "png" | "webP";
  imageMetadata?: string | null;
}

export interface StoredStep {
  name: string;
  priority: Priority;
  metadata: Record<string, unknown>;
  timeout: string | null;
  retries: number | null;
  input: StoredInput;
  /** exact Buzz per image, e.g. 45.5 */
  perImage: number;
}

/** WorkflowTemplate fields the engine keeps and echoes but does not act on. */
export interface WorkflowExtras {
  arguments: Record<string, unknown>;
  callbacks: unknown[];
  tips: { civitai: number; creators: number };
  upgradeMode: "manual" | "automatic";
  currencies: string[];
  nsfwLevel?: string;
  experimental?: boolean | null;
  allowMatureContent?: boolean | null;
}

export interface NormalizedTemplate {
  steps: StoredStep[];
  tags: string[];
  metadata: Record<string, unknown>;
  externalId: string | null;
  extras: WorkflowExtras;
}

/** What a job will do when it runs, decided at submit from the test words. */
export type JobPlan = "succeed" | "fail" | "blocked" | "expire";

export interface WorkflowRecord {
  id: string;
  userId: string;
  externalId: string | null;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  status: WorkflowStatus;
  metadata: Record<string, unknown>;
  tags: string[];
  extras: WorkflowExtras;
  steps: StoredStep[];
  costBase: number;
  costFactors: Record<string, number>;
  deletedAt: number | null;
}

export interface JobRecord {
  id: string;
  workflowId: string;
  stepIndex: number;
  jobIndex: number;
  status: WorkflowStatus;
  cost: number;
  plan: JobPlan;
  durationMs: number;
  queuedAt: number;
  startedAt: number | null;
  completedAt: number | null;
  error: string | null;
  blobId: string;
}

export interface LedgerEntry {
  workflowId: string | null;
  type: "debit" | "credit";
  amount: number;
  createdAt: number;
  note: string;
}

export interface BlobRecord {
  id: string;
  userId: string;
  kind: "output" | "upload";
  mime: string;
  width: number;
  height: number;
  size: number;
  etag: string;
  jobId: string | null;
  createdAt: number;
  lifetimeEndsAt: number;
}

// ---- Response shapes (OpenAPI schemas of the same names) ----

/** The spec's base `Blob` (what refresh answers). */
export type Blob = Omit<ImageBlob, "width" | "height" | "previewUrl" | "previewUrlExpiresAt">;

export interface ImageBlob {
  type: "image";
  id: string;
  available: boolean;
  url: string | null;
  urlExpiresAt: string | null;
  previewUrl: string | null;
  previewUrlExpiresAt: string | null;
  width: number | null;
  height: number | null;
  jobId: string | null;
  blockedReason: string | null;
  /** the spec's NSFWLevel; set on mature images only */
  nsfwLevel?: string;
}

export interface QueuePosition {
  support: "available" | "unavailable" | "unsupported";
  precedingJobs: number | null;
  startAt: string | null;
  completeAt: string | null;
}

export interface WorkflowStepJob {
  id: string;
  status: WorkflowStatus;
  cost: number;
  startedAt: string | null;
  completedAt: string | null;
  estimatedProgressRate: number | null;
  queuePosition?: QueuePosition;
}

export interface ImageGenStep {
  $type: "imageGen";
  name: string;
  priority: Priority;
  timeout: string | null;
  retries: number | null;
  metadata: Record<string, unknown>;
  status: WorkflowStatus;
  startedAt: string | null;
  completedAt: string | null;
  estimatedProgressRate: number | null;
  input: StoredInput;
  output?: { images: ImageBlob[]; errors?: string[] };
  jobs: WorkflowStepJob[];
}

export interface TransactionInfo {
  type: "debit" | "credit";
  amount: number;
  accountType: "yellow";
  id?: string | null;
}

export interface Workflow {
  id: string | null;
  createdAt: string;
  transactions: { list: TransactionInfo[]; insufficientBuzz?: boolean | null };
  metadata: Record<string, unknown>;
  status: WorkflowStatus;
  startedAt: string | null;
  completedAt: string | null;
  tags: string[];
  arguments: Record<string, unknown>;
  steps: ImageGenStep[];
  callbacks: unknown[];
  tips: { civitai: number; creators: number };
  cost: {
    base: number;
    total: number;
    tips: { civitai: number; creators: number };
    factors: Record<string, number>;
  };
  upgradeMode: "manual" | "automatic";
  currencies: string[];
  forceRefunded: boolean;
  externalId: string | null;
  nsfwLevel?: string;
  experimental?: boolean | null;
  allowMatureContent?: boolean | null;
}
