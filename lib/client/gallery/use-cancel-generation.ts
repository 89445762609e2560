"use client";
// Cancel: DELETE /api/workflows/:id answers with the canceled generation, which
// replaces the card. The pending state is read from the mutation cache, so a
// card scrolled away and back still says "Canceling…".
import { useIsMutating, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/client/platform/toast";
import { mergeGenerations } from "@/lib/client/gallery/cache-updates";
import type { Generation } from "@/lib/contract/generations/types";
import { apiFetch } from "@/lib/client/platform/api-client";

const cancelKey = (id: string) => ["cancel-generation", id] as const;

export function useCancelGeneration(id: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationKey: cancelKey(id),
    mutationFn: () =>
      apiFetch<Generation>(`/api/workflows/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (generation) => {
      mergeGenerations(queryClient, [generation]);
      if (generation.status === "canceled") {
        toast.success("Generation canceled", {
          description: "Images that had not finished are not charged.",
        });
      } else if (generation.final) {
        toast("It finished before the cancel arrived", {
          description: "Nothing was canceled; the results are in the gallery.",
        });
      } else {
        // The orchestrator stops jobs on its own schedule; the watch brings the final state.
        toast("Cancel requested", { description: "The orchestrator is stopping the jobs." });
      }
    },
    onError: (error) => {
      toast.error("Couldn't cancel", { description: error.message });
    },
  });
  const pending = useIsMutating({ mutationKey: cancelKey(id) }) > 0;
  return { cancel: () => mutation.mutate(), pending };
}
