"use client";
// Keeps "Spent this session" honest about grids: the plans started from this
// tab are followed (slowly, wherever the designer is) until they settle, and
// what each reports spent goes into the tab's spend record.
import { useQueries } from "@tanstack/react-query";
import { useEffect } from "react";
import { recordPlanCharges } from "@/lib/client/builder/session-spend";
import { notifySessionSpend } from "@/lib/client/builder/use-session-spend";
import { sessionStore } from "@/lib/client/platform/session-store";
import type { PlanView } from "@/lib/contract/grid/schema";
import { fetchPlan, planKey, planUnsettled } from "./grid-api";

const FOLLOW_MS = 5_000;

export function useFollowSessionGrids(ids: readonly string[]): void {
  const plans = useQueries({
    queries: ids.map((id) => ({
      queryKey: planKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchPlan(id, signal),
      refetchInterval: (q: { state: { data?: PlanView } }) =>
        q.state.data && planUnsettled(q.state.data) ? FOLLOW_MS : false,
      // A plan gone from this studio (another data dir) keeps its last figure.
      retry: false,
    })),
    combine: (results) =>
      results.flatMap((r) => (r.data ? [{ id: r.data.id, spent: r.data.spent }] : [])),
  });
  const signature = plans.map((p) => `${p.id}:${p.spent}`).join(",");
  useEffect(() => {
    if (plans.length > 0 && recordPlanCharges(sessionStore(), plans)) notifySessionSpend();
    // The signature says when a figure changed; `plans` is a new array every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
}
