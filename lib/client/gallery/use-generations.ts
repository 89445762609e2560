"use client";
// The generation history for the gallery's current filters: one infinite query
// per filtered view over GET /api/workflows, newest first, paged by the
// orchestrator's cursor. The builder inserts new generations into every cached
// view they match and the watch keeps unfinished ones current, so a view is
// never refetched behind the designer's back (with 10,000 generations that
// would be 300+ requests). The view holds at most HISTORY_MAX_PAGES pages around
// where the designer is: scrolling on drops the farthest page, and scrolling back
// reads it again with the page's backward cursor (`prev`), so memory stays flat
// however far the history goes.
import { useInfiniteQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import {
  flattenGenerations,
  generationsKey,
  type GenerationsData,
} from "@/lib/client/gallery/cache";
import { firstPageOf } from "@/lib/client/gallery/cache-updates";
import { historyQuery, type GalleryFilters } from "@/lib/contract/generations/filters";
import { nextPageParam } from "@/lib/client/gallery/next-page";
import { historySharing } from "@/lib/client/gallery/shared-generations";
import { keepLeadingPages } from "@/lib/client/gallery/trim-history";
import type { GenerationPage } from "@/lib/contract/generations/types";
import { apiFetch } from "@/lib/client/platform/api-client";
import { useGalleryFilters } from "./use-gallery-filters";

export const HISTORY_PAGE_SIZE = 30;
/**
 * Pages a view holds at once: a screen of cards and about a screen each way.
 * Five pages kept the heap back at the top at 1.68× its size at load (bench figure 9).
 */
export const HISTORY_MAX_PAGES = 3;

type HistoryKey = ReturnType<typeof generationsKey>;

export function useGenerations() {
  const { filters } = useGalleryFilters();
  return useHistory(filters);
}

export function useHistory(filters: GalleryFilters) {
  const queryClient = useQueryClient();
  const key = generationsKey(filters);
  const query = useInfiniteQuery<GenerationPage, Error, GenerationsData, HistoryKey, string | null>(
    {
      queryKey: key,
      initialPageParam: null,
      getNextPageParam: (last, _pages, _lastCursor, cursors) => nextPageParam(last, cursors),
      getPreviousPageParam: (first) => first.prev ?? undefined,
      maxPages: HISTORY_MAX_PAGES,
      queryFn: async ({ pageParam, signal }) => {
        const params = historyQuery(filters);
        params.set("take", String(HISTORY_PAGE_SIZE));
        if (pageParam) params.set("cursor", pageParam);
        // One object per generation and each repeated string once (shared-generations.ts).
        const page = historySharing.share(
          await apiFetch<GenerationPage>(`/api/workflows?${params}`, { signal }),
        );
        if (pageParam !== null) return page;
        // A generation submitted while this page was loading is newer than anything in it.
        return firstPageOf(queryClient, key, page);
      },
      staleTime: Infinity,
      refetchOnReconnect: false,
    },
  );
  const generations = useFlattened(query.data);
  const releaseBelow = useReleaseBelow(queryClient, key[1]);
  return { query, generations, filters, releaseBelow };
}

/**
 * In a scope of its own, so the closures useHistory hands to TanStack Query (which
 * an old fetch may keep) do not hold a render's query result.
 */
function useFlattened(data: GenerationsData | undefined) {
  return useMemo(() => flattenGenerations(data), [data]);
}

/**
 * Back at the top: keeps the pages that hold the generations in view and lets the
 * rest go (trim-history.ts); not while a page is being read, whose answer is built
 * on the pages it started from. Its own scope, so the memoized callback holds no
 * render's history (use-history-paging.ts says why).
 */
function useReleaseBelow(queryClient: QueryClient, serialized: string) {
  return useCallback(
    (shown: number) => {
      const viewKey = ["generations", serialized] as const;
      if (queryClient.getQueryState(viewKey)?.fetchStatus !== "idle") return;
      const data = queryClient.getQueryData<GenerationsData>(viewKey);
      if (!data) return;
      const kept = keepLeadingPages(data, shown);
      if (kept !== data) queryClient.setQueryData<GenerationsData>(viewKey, kept);
    },
    [queryClient, serialized],
  );
}
