import "server-only";
import { KREA_SETTINGS } from "@/lib/contract/krea/fields";
import { kreaInputSchema, type KreaInput } from "@/lib/contract/krea/schema";
import {
  isFinal,
  type Generation,
  type GenerationImage,
  type GenerationJob,
} from "@/lib/contract/generations/types";
import { workflowSchema, type WireImageBlob, type WireWorkflow } from "./workflow-schema";

// The one place where orchestrator Workflows become the studio's Generations.

export interface ToGenerationOptions {
  /** rewrites image URLs, e.g. the embedded engine's loopback URLs to same-origin paths */
  rewriteUrl?: (url: string) => string;
}

/** Reads the Krea settings back from a step's stored input; null when it is not a Krea step. */
function readInput(raw: Record<string, unknown> | null | undefined): KreaInput | null {
  if (!raw || raw.engine !== "fal" || raw.model !== "krea2") return null;
  const picked: Record<string, unknown> = {};
  for (const key of KREA_SETTINGS) if (raw[key] !== undefined) picked[key] = raw[key];
  const parsed = kreaInputSchema.safeParse(picked);
  return parsed.success ? parsed.data : null;
}

/** The spec's NSFWLevel values Civitai's own generator treats as mature. */
const MATURE_LEVELS = new Set(["r", "x", "xxx"]);

function toImage(blob: WireImageBlob, rewrite: (u: string) => string): GenerationImage {
  return {
    id: blob.id,
    jobId: blob.jobId,
    url: blob.url ? rewrite(blob.url) : null,
    urlExpiresAt: blob.urlExpiresAt,
    previewUrl: blob.previewUrl ? rewrite(blob.previewUrl) : null,
    previewUrlExpiresAt: blob.previewUrlExpiresAt,
    width: blob.width,
    height: blob.height,
    available: blob.available && Boolean(blob.url),
    blockedReason: blob.blockedReason,
    mature: blob.nsfwLevel !== null && MATURE_LEVELS.has(blob.nsfwLevel.toLowerCase()),
  };
}

const isBlockedText = (s: string) => /\bblocked\b/i.test(s);

function failureReason(
  w: WireWorkflow,
  errors: string[],
  images: GenerationImage[],
  blocked: boolean,
): string | null {
  if (w.status === "succeeded" || !isFinal(w.status)) return null;
  if (blocked) {
    return "Content moderation blocked this generation (the prompt or a reference image). Don't retry the same input: change the prompt or the references.";
  }
  switch (w.status) {
    case "canceled":
      return "Canceled. Images that had not finished were not charged.";
    case "expired":
      return "The orchestrator could not schedule this generation in time, so it expired. Nothing was charged for images that did not arrive; try again.";
    default: {
      const delivered = images.filter((i) => i.available).length;
      const first = errors[0] ? ` The orchestrator said: ${errors[0]}` : "";
      const partial =
        delivered > 0
          ? `${images.length - delivered} of ${images.length} images failed.`
          : "The generation failed.";
      return `${partial}${first}`;
    }
  }
}

export function toGeneration(raw: unknown, options: ToGenerationOptions = {}): Generation {
  const w = workflowSchema.parse(raw);
  const rewrite = options.rewriteUrl ?? ((u: string) => u);
  const krea = w.steps.find((s) => s.$type === "imageGen") ?? w.steps[0];

  const images = (krea?.output?.images ?? []).map((b) => toImage(b, rewrite));
  const errors = w.steps.flatMap((s) => s.output?.errors ?? []);
  const jobs: GenerationJob[] = (krea?.jobs ?? []).map((j) => ({
    id: j.id,
    status: j.status,
    cost: j.cost,
    progress: j.estimatedProgressRate,
    queuePosition: j.queuePosition?.precedingJobs ?? null,
    startedAt: j.startedAt,
    completedAt: j.completedAt,
  }));
  const blocked = images.some((i) => i.blockedReason) || errors.some(isBlockedText);

  const final = isFinal(w.status);
  let progress: number | null = null;
  if (!final) {
    const rates = jobs.map((j) => j.progress).filter((p): p is number => p !== null);
    progress =
      krea?.estimatedProgressRate ??
      (rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null);
    if (progress !== null) progress = Math.min(1, Math.max(0, progress));
  }
  const queued = jobs.map((j) => j.queuePosition).filter((q): q is number => q !== null);

  const list = w.transactions?.list ?? [];
  const chargedBuzz = list.length
    ? list.reduce((sum, t) => sum + (t.type === "credit" ? -t.amount : t.amount), 0)
    : null;

  return {
    id: w.id ?? "",
    status: w.status,
    final,
    createdAt: w.createdAt,
    startedAt: w.startedAt,
    completedAt: w.completedAt,
    input: readInput(krea?.input),
    externalId: w.externalId,
    tags: w.tags,
    metadata: w.metadata ?? {},
    progress,
    queuePosition: queued.length ? Math.min(...queued) : null,
    jobs,
    images,
    quotedBuzz: w.cost?.total ?? 0,
    chargedBuzz,
    errors,
    blocked,
    failureReason: failureReason(w, errors, images, blocked),
  };
}
