// Decisions behind following unfinished generations: which ids one long-poll
// watches, how long to wait after a failure, and which answers may overwrite
// what the cache holds. Pure, so the rules are tested without a browser.
import type { Generation } from "@/lib/contract/generations/types";

/** The watch route takes at most 50 ids; past that the newest are followed first. */
export const MAX_WATCHED = 50;
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 15_000;

/**
 * The unfinished generations to follow, newest first (the order the cache
 * keeps), minus those the orchestrator no longer knows, sorted so the same set
 * always makes the same query key.
 */
export function selectWatchIds(
  generations: readonly Generation[],
  excluded: ReadonlySet<string> = new Set(),
  max = MAX_WATCHED,
): string[] {
  const ids: string[] = [];
  for (const g of generations) {
    if (ids.length >= max) break;
    if (!g.final && !excluded.has(g.id)) ids.push(g.id);
  }
  return ids.sort();
}

/** 1 s, 2 s, 4 s … at most 15 s; `failureCount` counts failures before this one. */
export function backoffDelay(failureCount: number): number {
  const n = Math.max(0, Math.min(failureCount, 10));
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** n);
}

/**
 * Whether an answer may replace the cached generation. A final state is never
 * replaced by an unfinished one: a long-poll that left before a cancel landed
 * must not bring a canceled card back to life.
 */
export function shouldReplace(cached: Generation | undefined, incoming: Generation): boolean {
  if (!cached) return true;
  return !(cached.final && !incoming.final);
}

export interface WatchErrorInfo {
  kind: string;
  detail: string;
  retryable: boolean;
}

/**
 * Why the studio can no longer read a generation, under the card's label "No
 * longer on the orchestrator".
 */
export function lostReason(error: WatchErrorInfo): string {
  if (error.kind === "not_found") {
    return "It was deleted, or made with another token. Nothing here will change any more.";
  }
  return error.detail;
}
