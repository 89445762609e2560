"use client";
// A version's recorded proofs and their generations, followed while they render.
// The generations are read once each (GET /api/workflows/:id) and the unfinished
// ones follow the gallery's single long-poll (useGenerationWatch), whose answers
// land in the history cache; they are copied from there to each proof's own entry.
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import {
  flattenGenerations,
  GENERATIONS_KEY,
  type GenerationsData,
} from "@/lib/client/gallery/cache";
import { generationKey } from "@/lib/client/gallery/use-generation";
import { useGenerationWatch } from "@/lib/client/gallery/use-generation-watch";
import { shouldReplace } from "@/lib/client/gallery/watch-plan";
import { apiFetch } from "@/lib/client/platform/api-client";
import { historyKey } from "@/lib/client/references/use-style-sets";
import type { Generation } from "@/lib/contract/generations/types";
import type { StyleSetProof } from "@/lib/contract/style-sets/proof";

/** Under the set's history key, so every change of the set refreshes its proofs too. */
export const proofsKey = (id: string, version: number) =>
  [...historyKey(id), version, "proofs"] as const;

export function useProofs(id: string, version: number | null) {
  return useQuery({
    queryKey: proofsKey(id, version ?? 0),
    queryFn: async ({ signal }) =>
      (
        await apiFetch<{ items: StyleSetProof[] }>(
          `/api/style-sets/${encodeURIComponent(id)}/versions/${version}/proofs`,
          { signal },
        )
      ).items,
    enabled: version !== null,
    staleTime: 10_000,
  });
}

function byIdOf(results: readonly { data?: Generation }[]): Map<string, Generation> {
  const map = new Map<string, Generation>();
  for (const r of results) if (r.data) map.set(r.data.id, r.data);
  return map;
}

/** The generations of these workflow ids, by id; unfinished ones update as they render. */
export function useProofGenerations(ids: readonly string[]): Map<string, Generation> {
  const queryClient = useQueryClient();
  const byId = useQueries({
    queries: ids.map((id) => ({
      queryKey: generationKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiFetch<Generation>(`/api/workflows/${encodeURIComponent(id)}`, { signal }),
      staleTime: Infinity,
      retry: 1,
    })),
    // Module-level, so the map changes only when a generation does.
    combine: byIdOf,
  });

  // The watch (and a submit from this tab) write to the history cache: take what is newer.
  const key = ids.join(",");
  useEffect(() => {
    const wanted = new Set(key.split(",").filter(Boolean));
    const take = (data: GenerationsData | undefined) => {
      for (const g of flattenGenerations(data)) {
        if (!wanted.has(g.id)) continue;
        const cached = queryClient.getQueryData<Generation>(generationKey(g.id));
        if (cached !== g && shouldReplace(cached, g))
          queryClient.setQueryData(generationKey(g.id), g);
      }
    };
    for (const [, data] of queryClient.getQueriesData<GenerationsData>({
      queryKey: GENERATIONS_KEY,
    }))
      take(data);
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.query.queryKey[0] === GENERATIONS_KEY[0]) {
        take(queryClient.getQueryData<GenerationsData>(event.query.queryKey));
      }
    });
  }, [key, queryClient]);

  const list = useMemo(() => [...byId.values()], [byId]);
  useGenerationWatch(list);
  return byId;
}
