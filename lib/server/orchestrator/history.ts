import "server-only";
import {
  isFiltered,
  matchesFilters,
  queryWords,
  type DateRange,
  type GalleryFilters,
} from "@/lib/contract/generations/filters";
import { FAVOURITE_TAG, TAG_PREFIX } from "@/lib/contract/generations/links";
import type { GenerationPage } from "@/lib/contract/generations/types";
import type { OrchestratorTarget } from "./target";
import { listGenerations } from "./workflows";

// The filtered history. The orchestrator filters by tags (exact) and dates; the
// studio wrote the facts it filters on as tags at submit time
// (lib/contract/generations/links.ts). What the orchestrator cannot say exactly — every
// search word in the prompt, a status — the studio checks on each workflow as it
// pages through, reading a bounded number of upstream pages per request and
// handing back the cursor to continue, so a rare match never turns one request
// into a scan of everything. The spec's `query` ("matches workflows through
// metadata") is never sent: how it matches is left open, and a match narrower
// than ours would hide generations (README "Library").

/** Upstream pages read per request at most; the client continues with the cursor. */
export const MAX_SCAN_PAGES = 5;
/** Upstream page size while post-filtering: fewer round trips for rare matches. */
export const SCAN_PAGE_SIZE = 100;

export interface UpstreamFilter {
  tags: string[];
  excludeFailed: boolean;
  /** some filter is only checked by the studio */
  postFilter: boolean;
}

export function upstreamFilterFor(f: GalleryFilters): UpstreamFilter {
  const tags: string[] = [];
  if (f.size) tags.push(`${TAG_PREFIX.size}${f.size}`);
  if (f.ratio) tags.push(`${TAG_PREFIX.ratio}${f.ratio}`);
  if (f.creativity) tags.push(`${TAG_PREFIX.creativity}${f.creativity}`);
  if (f.seed !== null) tags.push(`${TAG_PREFIX.seed}${f.seed}`);
  if (f.styleSet) tags.push(`${TAG_PREFIX.styleSet}${f.styleSet}`);
  if (f.fav) tags.push(FAVOURITE_TAG);
  return {
    tags,
    excludeFailed: f.status === "succeeded" || f.status === "running",
    postFilter: queryWords(f.q).length > 0 || f.status !== null,
  };
}

export interface HistoryOptions {
  cursor?: string;
  take: number;
  range: DateRange;
  signal?: AbortSignal;
  /** tests shrink the scan to see its bounds */
  scan?: { pageSize: number; maxPages: number };
}

export async function listHistory(
  target: OrchestratorTarget,
  filters: GalleryFilters,
  { cursor, take, range, signal, scan }: HistoryOptions,
): Promise<GenerationPage> {
  const up = upstreamFilterFor(filters);
  const base = {
    tags: up.tags,
    excludeFailed: up.excludeFailed,
    fromDate: range.from !== null ? new Date(range.from).toISOString() : undefined,
    toDate: range.to !== null ? new Date(range.to).toISOString() : undefined,
    signal,
  };
  if (!isFiltered(filters)) return listGenerations(target, { ...base, cursor, take });

  const items: GenerationPage["items"] = [];
  let next: string | null = cursor ?? null;
  const { pageSize, maxPages } = scan ?? { pageSize: SCAN_PAGE_SIZE, maxPages: MAX_SCAN_PAGES };
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await listGenerations(target, {
      ...base,
      cursor: next ?? undefined,
      take: up.postFilter ? pageSize : take,
    });
    // Every item is checked, even those the tags already chose: an
    // orchestrator that ignores a parameter must not widen the view.
    items.push(...page.items.filter((g) => matchesFilters(g, filters, range)));
    next = page.next;
    if (!next || items.length >= take) break;
  }
  return { items, next };
}
