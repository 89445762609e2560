"use client";
// The generation history: one infinite query under GENERATIONS_KEY over
// GET /api/workflows, newest first, paged by the orchestrator's cursor. The
// builder inserts new generations into the same cache and the watch keeps
// unfinished ones current, so the history itself is never refetched behind
// the designer's back (with 10,000 generations that would be 300+ requests).
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { GENERATIONS_KEY, flattenGenerations, type GenerationsData } from "@/lib/generations/cache";
import { keepNewerThanPage } from "@/lib/generations/cache-updates";
import type { GenerationPage } from "@/lib/generations/types";
import { apiFetch } from "@/lib/http/client";

export const HISTORY_PAGE_SIZE = 30;

export function useGenerations() {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery<
    GenerationPage,
    Error,
    GenerationsData,
    typeof GENERATIONS_KEY,
    string | null
  >({
    queryKey: GENERATIONS_KEY,
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
    queryFn: async ({ pageParam, signal }) => {
      const params = new URLSearchParams({ take: String(HISTORY_PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      // The gallery of one style set (its cards link to /?styleSet=<id>); read per request, page loads only.
      const styleSet = new URLSearchParams(window.location.search).get("styleSet");
      if (styleSet) params.set("styleSet", styleSet);
      const page = await apiFetch<GenerationPage>(`/api/workflows?${params}`, { signal });
      if (pageParam !== null) return page;
      // A generation submitted while this page was loading is newer than anything in it.
      return keepNewerThanPage(page, queryClient.getQueryData<GenerationsData>(GENERATIONS_KEY));
    },
    staleTime: Infinity,
    refetchOnReconnect: false,
  });
  const generations = useMemo(() => flattenGenerations(query.data), [query.data]);
  return { query, generations };
}
