"use client";
// The browser's side of /api/plans: start a grid, follow one (one request per
// second for the whole grid while it runs; the server reads the orchestrator),
// cancel, save picks, and the whatif check of each price class.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { EstimateResponse } from "@/lib/client/builder/use-estimate";
import { apiFetch } from "@/lib/client/platform/api-client";
import { getCurrentAccount } from "@/lib/client/platform/current-account";
import { ACCOUNT_HEADER } from "@/lib/contract/api";
import type { GridSpec, PriceClass } from "@/lib/contract/grid/grid";
import type { GridPick, PlanView } from "@/lib/contract/grid/schema";

const FOLLOW_MS = 1_000;

export function newGridKey(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return `grid-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export function startGrid(spec: GridSpec, expectedTotal: number, key: string): Promise<PlanView> {
  const account = getCurrentAccount();
  return apiFetch<PlanView>("/api/plans", {
    method: "POST",
    json: { spec, expectedTotal },
    headers: {
      "idempotency-key": key,
      ...(account ? { [ACCOUNT_HEADER]: account.fingerprint } : {}),
    },
  });
}

export const planKey = (id: string) => ["plan", id] as const;

export const fetchPlan = (id: string, signal?: AbortSignal) =>
  apiFetch<PlanView>(`/api/plans/${encodeURIComponent(id)}`, { signal });

/** Whether a plan can still change: running, or canceled with cells not yet final. */
export const planUnsettled = (plan: PlanView) =>
  plan.state === "running" || plan.done < plan.cells.length;

export function usePlan(id: string, initial?: PlanView) {
  return useQuery({
    queryKey: planKey(id),
    queryFn: ({ signal }) => fetchPlan(id, signal),
    initialData: initial,
    // One request for the whole grid, and none once it is over. A canceled grid
    // is followed until its sent cells are final: the orchestrator cancels them
    // and refunds their Buzz after the cancel itself has answered.
    refetchInterval: (q) => (q.state.data && planUnsettled(q.state.data) ? FOLLOW_MS : false),
    retry: 3,
  });
}

export function useGridActions(id: string) {
  const client = useQueryClient();
  const set = useCallback((view: PlanView) => client.setQueryData(planKey(id), view), [client, id]);
  const cancel = useCallback(async () => {
    set(
      await apiFetch<PlanView>(`/api/plans/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
    );
  }, [id, set]);
  const savePicks = useCallback(
    async (picks: GridPick[]) => {
      const previous = client.getQueryData<PlanView>(planKey(id));
      if (previous) set({ ...previous, picks });
      try {
        await apiFetch(`/api/plans/${encodeURIComponent(id)}/picks`, {
          method: "PUT",
          json: { picks },
        });
      } catch (error) {
        if (previous) set(previous);
        throw error;
      }
    },
    [client, id, set],
  );
  return { cancel, savePicks };
}

export type ClassCheck = "checking" | "confirmed" | "differs" | "unavailable";

/** The orchestrator's whatif for one cell of each price class, asked once per class. */
export function usePriceCheck(classes: readonly PriceClass[]): ClassCheck[] {
  const key = classes.map((c) => `${c.size}|${c.quantity}|${c.hasReferences}`).join(",");
  const query = useQuery({
    queryKey: ["grid-price", key],
    queryFn: ({ signal }) =>
      Promise.all(
        classes.map((c) =>
          apiFetch<EstimateResponse>("/api/estimate", {
            method: "POST",
            json: { ...c.sample, prompt: "cost estimate" },
            signal,
          }),
        ),
      ),
    enabled: classes.length > 0,
    staleTime: 60_000,
    retry: false,
  });
  return classes.map((c, i): ClassCheck => {
    if (query.isPending) return "checking";
    const answer = query.data?.[i];
    if (!answer?.orchestrator) return "unavailable";
    return answer.orchestrator.total === c.cost ? "confirmed" : "differs";
  });
}
