"use client";
// Whether the studio has paused calls to the orchestrator (its circuit breaker
// is open after repeated outage-like failures). Asked of /api/health, which
// costs the orchestrator nothing: rarely while all is well, every 2 s while
// paused, so the header clears as soon as the orchestrator is back.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";

export interface HealthAnswer {
  label: string;
  orchestrator: {
    state: "closed" | "open" | "half-open";
    failures: number;
    retryAt: string | null;
    lastError: string | null;
  };
}

export const HEALTH_KEY = ["orchestrator-health"] as const;
const CALM_MS = 10_000;
const PAUSED_MS = 2_000;

/** What the header says, or null when requests flow normally. */
export function healthNotice(health: HealthAnswer | undefined, now: number): string | null {
  if (!health || health.orchestrator.state === "closed") return null;
  const { state, retryAt } = health.orchestrator;
  if (state === "half-open") return `${health.label} kept failing: trying it again…`;
  const seconds = retryAt ? Math.max(1, Math.ceil((Date.parse(retryAt) - now) / 1000)) : null;
  return `${health.label} kept failing: requests paused${seconds ? `, retrying in ${seconds} s` : ""}. Nothing is lost.`;
}

export function useOrchestratorHealth() {
  return useQuery({
    queryKey: HEALTH_KEY,
    queryFn: ({ signal }) => apiFetch<HealthAnswer>("/api/health", { signal }),
    refetchInterval: (query) =>
      query.state.data && query.state.data.orchestrator.state !== "closed" ? PAUSED_MS : CALM_MS,
    retry: false,
  });
}
