"use client";
// The gallery's paging callbacks, made in a scope of their own. A memoized
// callback keeps alive the whole scope of the render that made it: made in the
// gallery, `loadMore` from the render where paging last changed kept that
// render's history (three pages, and every generation list built from them)
// after those pages had been dropped from the cache (bench figure 9's heap
// snapshots). Here they hold the few flags and functions they read.
import { useCallback } from "react";

export interface PagingState {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  isFetchingNextPage: boolean;
  isFetchingPreviousPage: boolean;
  isFetchNextPageError: boolean;
  isFetchPreviousPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
  fetchPreviousPage: () => Promise<unknown>;
}

export function useHistoryPaging(
  query: PagingState,
  releaseBelow: (shown: number) => void,
  /** the lightbox or a selection uses loaded images: keep them */
  busyWithImages: boolean,
) {
  const { hasNextPage, hasPreviousPage, isFetchNextPageError, isFetchPreviousPageError } = query;
  const { fetchNextPage, fetchPreviousPage } = query;
  // One page read at a time: starting one direction would cancel the other.
  const reading = query.isFetchingNextPage || query.isFetchingPreviousPage;
  const loadMore = useCallback(() => {
    if (hasNextPage && !reading && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, reading, isFetchNextPageError, fetchNextPage]);
  // Pages dropped above to bound memory come back as the designer scrolls up.
  const loadNewer = useCallback(() => {
    if (hasPreviousPage && !reading && !isFetchPreviousPageError) void fetchPreviousPage();
  }, [hasPreviousPage, reading, isFetchPreviousPageError, fetchPreviousPage]);
  // Back at the top, pages far below go (use-generations.ts).
  const atTop = useCallback(
    (shown: number) => {
      if (!busyWithImages && !reading) releaseBelow(shown);
    },
    [busyWithImages, reading, releaseBelow],
  );
  return { reading, loadMore, loadNewer, atTop };
}
