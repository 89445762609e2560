// The studio's own view of a generation (one orchestrator workflow), shared by
// server and browser. Only `toGeneration` in lib/server/orchestrator builds these, so no
// component ever sees the SDK's shapes.
import type { KreaInput } from "@/lib/contract/krea/schema";

export const WORKFLOW_STATUSES = [
  "unassigned",
  "preparing",
  "scheduled",
  "processing",
  "succeeded",
  "failed",
  "expired",
  "canceled",
] as const;
export type GenerationStatus = (typeof WORKFLOW_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<GenerationStatus> = new Set([
  "succeeded",
  "failed",
  "expired",
  "canceled",
]);

export function isFinal(status: GenerationStatus): boolean {
  return FINAL_STATUSES.has(status);
}

export interface GenerationImage {
  /** blob id */
  id: string;
  jobId: string | null;
  url: string | null;
  urlExpiresAt: string | null;
  previewUrl: string | null;
  previewUrlExpiresAt: string | null;
  width: number | null;
  height: number | null;
  available: boolean;
  blockedReason: string | null;
  /** flagged mature by the orchestrator (nsfwLevel r, x or xxx): shown blurred until revealed */
  mature: boolean;
}

export interface GenerationJob {
  id: string;
  status: GenerationStatus;
  /** Buzz, exact (45.5) */
  cost: number;
  progress: number | null;
  queuePosition: number | null;
  startedAt: string | null;
  completedAt: string | null;
}

/** What the studio stores in a workflow's metadata at submit time (see lib/contract/generations/links.ts). */
export interface StudioMetadata {
  /** the prompt, shortened, for the orchestrator's metadata text search */
  prompt?: string;
  parentId?: string;
  /** how it was made from its parent: reuse, remix, rerun, tier, sweep */
  lineageKind?: string;
  pairId?: string;
  sweepId?: string;
  sweepKind?: string;
  /** strength sweeps: the reference whose strength varies */
  sweepRef?: number;
  /** `approved`: whether that version was the set's approved one at submit time (absent on older images) */
  styleSet?: { id: string; name: string; version: number; approved?: boolean };
  /** a decision-grid cell: the plan it belongs to and its index there */
  gridId?: string;
  gridCell?: number;
  /** how many cells the grid has (the gallery may have loaded only some) */
  gridSize?: number;
  [key: string]: unknown;
}

export interface Generation {
  id: string;
  status: GenerationStatus;
  final: boolean;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  /** the Krea input as submitted; null when the workflow is not one we can read */
  input: KreaInput | null;
  externalId: string | null;
  tags: string[];
  metadata: StudioMetadata;
  /** 0..1 from estimatedProgressRate while running, else null */
  progress: number | null;
  /** jobs ahead in the queue, when the orchestrator says */
  queuePosition: number | null;
  jobs: GenerationJob[];
  images: GenerationImage[];
  /** the orchestrator's quote: whole Buzz for the workflow */
  quotedBuzz: number;
  /** Buzz actually charged: debits minus credits on the workflow's transactions */
  chargedBuzz: number | null;
  /** errors reported in the step output */
  errors: string[];
  /** true when moderation blocked the step or any image */
  blocked: boolean;
  /** one sentence on why a final, unsuccessful generation ended, else null */
  failureReason: string | null;
}

export interface GenerationPage {
  items: Generation[];
  /** opaque cursor for the next page, or null at the end */
  next: string | null;
  /**
   * cursor for the page just before this one (newer items), or null at the top;
   * absent from pages that never came from the server (a first generation)
   */
  prev?: string | null;
}

/** Why one watched generation could not be read. */
export interface WatchError {
  kind: string;
  detail: string;
  /** false when asking again cannot help (deleted, not yours) */
  retryable: boolean;
}

/** Answer of `POST /api/workflows/watch`. */
export interface WatchResult {
  /** the latest state of every watched generation this server knows */
  items: Generation[];
  /** ids whose state could not be read, with why */
  errors: Record<string, WatchError>;
}
