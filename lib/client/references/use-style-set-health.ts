"use client";
// Opening the Style sets page keeps every shown set alive (fresh blobs, expired
// ones uploaded again from the studio's copy) and learns which references
// cannot be restored, so the card can mark them. Once per set version every
// ten minutes; a repaired set replaces the list's copy (same version).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { keepStyleSetAlive } from "@/lib/client/references/apply-to-list";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { STYLE_SETS_KEY } from "./use-style-sets";

const TEN_MINUTES = 10 * 60 * 1000;

export function useStyleSetHealth(set: Pick<StyleSet, "id" | "version" | "references">) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ["style-set-health", set.id, set.version],
    queryFn: async ({ signal }) => {
      const kept = await keepStyleSetAlive(set.id, signal);
      queryClient.setQueryData<StyleSet[]>(STYLE_SETS_KEY, (list) =>
        list?.map((s) => (s.id === kept.set.id && s.version === kept.set.version ? kept.set : s)),
      );
      return kept.references;
    },
    enabled: set.references.some((r) => r.blobId),
    staleTime: TEN_MINUTES,
    retry: false,
  });
}
