"use client";
// One generation by id (GET /api/workflows/:id), for the ones a card links to
// that are not in the loaded history: a parent deep in the past, the original
// of a tier pair. Kept apart from the history views, fetched once per id.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import type { Generation } from "@/lib/contract/generations/types";
import { apiFetch } from "@/lib/client/platform/api-client";

export const generationKey = (id: string) => ["generation", id] as const;

const load = (id: string, signal?: AbortSignal) =>
  apiFetch<Generation>(`/api/workflows/${encodeURIComponent(id)}`, { signal });

export function fetchGeneration(queryClient: QueryClient, id: string): Promise<Generation> {
  return queryClient.fetchQuery({
    queryKey: generationKey(id),
    queryFn: ({ signal }) => load(id, signal),
    staleTime: 60_000,
  });
}

/** The generation with this id; fetched only when `enabled` (it is not in the loaded history). */
export function useGeneration(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: generationKey(id ?? ""),
    queryFn: ({ signal }) => load(id ?? "", signal),
    enabled: enabled && Boolean(id),
    staleTime: Infinity,
    retry: 1,
  });
}
