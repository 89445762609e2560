// How far along an unfinished generation is, for the gallery's progress bar.
// The orchestrator's estimatedProgressRate is used when it has one; otherwise
// elapsed time is read against the tier's typical time. The time estimate is
// asymptotic and capped below 100 %, so a slow job never shows "done" before it is.
import { TYPICAL_SECONDS } from "@/lib/contract/krea/options";
import { isFinal, type Generation, type GenerationJob } from "@/lib/contract/generations/types";

/** The time-based estimate never passes this: only the orchestrator says "done". */
export const ESTIMATE_CEILING = 0.95;
/** A reported rate can reach 1 before the workflow is final; keep a sliver back. */
const UNFINISHED_CEILING = 0.99;

export type ProgressPhase = "queued" | "running" | "done";

export interface ProgressEstimate {
  /** 0..1 */
  fraction: number;
  phase: ProgressPhase;
  /** seconds since the generation was created (what the designer has waited) */
  elapsedSeconds: number;
  /** images finished so far, when the orchestrator reports jobs */
  imagesDone: number;
  imagesTotal: number;
}

const seconds = (from: string | null, to: number): number => {
  const start = from ? Date.parse(from) : NaN;
  return Number.isFinite(start) ? Math.max(0, (to - start) / 1000) : 0;
};

/**
 * Fraction of the typical time that has passed, bent so it approaches the
 * ceiling without reaching it: ~86 % of the ceiling at the tier's slowest
 * typical time, ~98 % at twice that.
 */
export function timeFraction(elapsedSeconds: number, typicalSeconds: number): number {
  if (!(elapsedSeconds > 0) || !(typicalSeconds > 0)) return 0;
  return ESTIMATE_CEILING * (1 - Math.exp((-2 * elapsedSeconds) / typicalSeconds));
}

function jobFraction(job: GenerationJob, typical: number, now: number): number {
  if (isFinal(job.status)) return 1;
  if (!job.startedAt) return 0; // still queued
  return Math.max(job.progress ?? 0, timeFraction(seconds(job.startedAt, now), typical));
}

export function estimateProgress(g: Generation, now: number): ProgressEstimate {
  const imagesTotal = g.jobs.length || g.input?.quantity || g.images.length || 1;
  const imagesDone = g.jobs.length
    ? g.jobs.filter((j) => j.status === "succeeded").length
    : g.images.filter((i) => i.available).length;

  if (g.final) {
    return {
      fraction: 1,
      phase: "done",
      elapsedSeconds: seconds(g.createdAt, g.completedAt ? Date.parse(g.completedAt) : now),
      imagesDone,
      imagesTotal,
    };
  }

  // Jobs of a batch run in parallel, so each is measured against one image's
  // typical time from its own start; queued jobs count as nothing done yet.
  const typical = TYPICAL_SECONDS[g.input?.size ?? "medium"].max;
  const started = Boolean(g.startedAt) || g.status === "processing";
  let fraction: number;
  if (g.jobs.length > 0) {
    fraction = g.jobs.reduce((sum, j) => sum + jobFraction(j, typical, now), 0) / g.jobs.length;
  } else {
    fraction = started ? timeFraction(seconds(g.startedAt ?? g.createdAt, now), typical) : 0;
  }
  fraction = Math.min(UNFINISHED_CEILING, Math.max(fraction, g.progress ?? 0, 0));

  return {
    fraction,
    phase: started ? "running" : "queued",
    elapsedSeconds: seconds(g.createdAt, now),
    imagesDone,
    imagesTotal,
  };
}
