import "server-only";
import {
  isFiltered,
  matchesFilters,
  queryWords,
  type DateRange,
  type GalleryFilters,
} from "@/lib/contract/generations/filters";
import { FAVOURITE_TAG, TAG_PREFIX } from "@/lib/contract/generations/links";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import { AppError } from "@/lib/server/http/problem";
import {
  afterCursor,
  beforeCursor,
  compareNewest,
  parseHistoryCursor,
  positionOf,
  upstreamCursor,
  type Position,
} from "./history-cursor";
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
  // One grid is its exact tag; "every grid" has no single tag, so the studio checks gridId.
  if (f.grid && f.grid !== "any") tags.push(`${TAG_PREFIX.grid}${f.grid}`);
  return {
    tags,
    excludeFailed: f.status === "succeeded" || f.status === "running",
    postFilter: queryWords(f.q).length > 0 || f.status !== null || f.grid === "any",
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
  options: HistoryOptions,
): Promise<GenerationPage> {
  const parsed = options.cursor ? parseHistoryCursor(options.cursor) : null;
  if (options.cursor && parsed === null) {
    throw new AppError("bad_request", {
      detail: "This history cursor was not made by the studio: start again without one.",
      fieldErrors: { cursor: ["not a cursor the studio handed out"] },
    });
  }
  if (parsed && parsed.kind !== "upstream") {
    return listByPosition(target, filters, options, parsed.kind, parsed);
  }
  const page = await listForward(target, filters, { ...options, cursor: parsed?.cursor });
  return {
    items: page.items,
    next: page.next === null ? null : upstreamCursor(page.next),
    // The first page is the top of the history; any later one can be read back to.
    prev: options.cursor && page.items[0] ? beforeCursor(positionOf(page.items[0])) : null,
  };
}

function upstreamBase(filters: GalleryFilters, range: DateRange, signal?: AbortSignal) {
  const up = upstreamFilterFor(filters);
  return {
    up,
    base: {
      tags: up.tags,
      excludeFailed: up.excludeFailed,
      fromDate: range.from !== null ? new Date(range.from).toISOString() : undefined,
      toDate: range.to !== null ? new Date(range.to).toISOString() : undefined,
      signal,
    },
  };
}

async function listForward(
  target: OrchestratorTarget,
  filters: GalleryFilters,
  { cursor, take, range, signal, scan }: HistoryOptions,
): Promise<{ items: Generation[]; next: string | null }> {
  const { up, base } = upstreamBase(filters, range, signal);
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

/**
 * The `take` items just newer ("before": scrolling back up) or just older
 * ("after") than a position, newest first. The orchestrator is asked for the
 * dates from the position on, oldest first for "before", and every item is
 * checked against the position itself, since a date bound includes its own
 * millisecond. The read is bounded as the forward scan is; when it stops short
 * the cursor continues from the last item it looked at.
 */
async function listByPosition(
  target: OrchestratorTarget,
  filters: GalleryFilters,
  { take, range, signal, scan }: HistoryOptions,
  direction: "before" | "after",
  anchor: Position,
): Promise<GenerationPage> {
  const { up, base } = upstreamBase(filters, range, signal);
  const at = Date.parse(anchor.createdAt);
  const newer = direction === "before";
  const bounds = newer
    ? { fromDate: new Date(Math.max(at, range.from ?? at)).toISOString() }
    : // toDate is inclusive and whole milliseconds: one more keeps a finer timestamp in.
      { toDate: new Date(Math.min(at + 1, range.to ?? at + 1)).toISOString() };
  const { pageSize, maxPages } = scan ?? { pageSize: SCAN_PAGE_SIZE, maxPages: MAX_SCAN_PAGES };
  const items: Generation[] = [];
  let cursor: string | undefined;
  let last: Position = anchor;
  let more = false;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await listGenerations(target, {
      ...base,
      ...bounds,
      ascending: newer || undefined,
      cursor,
      take: up.postFilter ? pageSize : take + 1,
    });
    let cut = false;
    for (const g of page.items) {
      const side = compareNewest(positionOf(g), anchor);
      if (newer ? side <= 0 : side >= 0) continue;
      if (items.length >= take) {
        cut = true;
        break;
      }
      last = positionOf(g);
      if (matchesFilters(g, filters, range)) items.push(g);
    }
    more = cut || page.next !== null;
    if (cut || !page.next) break;
    cursor = page.next;
  }
  const stoppedShort = more && items.length < take;
  if (newer) {
    items.reverse();
    const newest = items[0] ? positionOf(items[0]) : last;
    const oldest = items.at(-1);
    return {
      items,
      prev: more ? beforeCursor(stoppedShort ? last : newest) : null,
      // The anchor itself is older, so there is always more that way.
      next: afterCursor(oldest ? positionOf(oldest) : anchor),
    };
  }
  const oldest = items.at(-1);
  return {
    items,
    next: more ? afterCursor(stoppedShort || !oldest ? last : positionOf(oldest)) : null,
    prev: beforeCursor(items[0] ? positionOf(items[0]) : anchor),
  };
}
