import "server-only";
import { createHash } from "node:crypto";
import { spendEntry, type SpendEntry } from "@/lib/contract/generations/spend";
import type { OrchestratorTarget } from "./target";
import { listGenerations } from "./workflows";

// What the spend summary reads: every studio workflow's charge, tier and date,
// paged through the history. Bounded (MAX_SPEND_PAGES × SPEND_PAGE_SIZE
// workflows, newest first: past that "all time" is the most recent ones, and
// the summary says so) and cached briefly per account, so opening the popover
// again does not page through the history again. Only a cache: the orchestrator's
// history is the record of what was charged, so nothing of it goes to the studio
// database; another instance scans for itself.

export const SPEND_PAGE_SIZE = 100;
export const MAX_SPEND_PAGES = 20;
export const SPEND_CACHE_MS = 30_000;

interface Scan {
  entries: SpendEntry[];
  complete: boolean;
  at: number;
}

const cache = new Map<string, Promise<Scan>>();

const cacheKey = (t: OrchestratorTarget) =>
  createHash("sha256").update(`${t.baseUrl}\n${t.token}`).digest("hex");

async function scan(target: OrchestratorTarget): Promise<Scan> {
  const entries: SpendEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_SPEND_PAGES; page++) {
    const result = await listGenerations(target, { cursor, take: SPEND_PAGE_SIZE });
    entries.push(...result.items.map(spendEntry));
    if (!result.next) return { entries, complete: true, at: Date.now() };
    cursor = result.next;
  }
  return { entries, complete: false, at: Date.now() };
}

export async function spendEntries(target: OrchestratorTarget, now = Date.now()): Promise<Scan> {
  const key = cacheKey(target);
  const cached = cache.get(key);
  if (cached) {
    const value = await cached.catch(() => null);
    if (value && now - value.at < SPEND_CACHE_MS) return value;
  }
  const fresh = scan(target);
  cache.set(key, fresh);
  if (cache.size > 100) cache.delete(cache.keys().next().value ?? "");
  // A failed scan is not remembered: the next request tries again.
  fresh.catch(() => cache.get(key) === fresh && cache.delete(key));
  return fresh;
}

/** Forget the cached scan, e.g. after a submit, so the next summary includes it. */
export function forgetSpend(target: OrchestratorTarget): void {
  cache.delete(cacheKey(target));
}
