"use client";
// Starring an image: the card changes at once (optimistic), the studio records
// it on the orchestrator as tags, and a refusal puts the star back as it was
// and says why. A star in flight is not sent again by a second click.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { toast } from "@/lib/client/platform/toast";
import { patchGeneration, upsertGeneration } from "@/lib/client/gallery/cache";
import { withFavourite } from "@/lib/contract/generations/links";
import type { Generation } from "@/lib/contract/generations/types";
import { apiFetch } from "@/lib/client/platform/api-client";

const inFlight = new Set<string>();

export function useFavourite(): (g: Generation, index: number, on: boolean) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (g, index, on) => {
      const key = `${g.id}:${index}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      const before = g.tags;
      patchGeneration(queryClient, g.id, (cur) => ({
        ...cur,
        tags: withFavourite(cur.tags, index, on),
      }));
      apiFetch<Generation>(`/api/workflows/${encodeURIComponent(g.id)}/favourite?image=${index}`, {
        method: on ? "POST" : "DELETE",
      })
        .then((fresh) =>
          patchGeneration(queryClient, g.id, (cur) => ({ ...cur, tags: fresh.tags })),
        )
        .catch((error: unknown) => {
          patchGeneration(queryClient, g.id, (cur) => ({ ...cur, tags: before }));
          toast.error(on ? "Couldn't star the image" : "Couldn't remove the star", {
            description: error instanceof Error ? error.message : "Try again in a moment.",
          });
          // What the orchestrator holds now, in case part of the change landed.
          apiFetch<Generation>(`/api/workflows/${encodeURIComponent(g.id)}`)
            .then((fresh) => upsertGeneration(queryClient, fresh))
            .catch(() => undefined);
        })
        .finally(() => inFlight.delete(key));
    },
    [queryClient],
  );
}
