"use client";
// Whether the studio can serve this browser: its orchestrator's circuit breaker
// (open after repeated outage-like failures) and, on the embedded engine, the
// engine's own state (starting after a restart, shutting down). Asked of
// /api/health, which costs the orchestrator nothing: rarely while all is well,
// every 2 s while anything is wrong or the studio cannot be reached, so the
// header clears, and whatever failed meanwhile loads again, once it is back.
// Each answer also names the account submits go to now (another tab may have
// changed the token).
import { useEffect, useRef } from "react";
import { readSubmitAccount } from "./submit-account";
import { isRecord } from "./session-store";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";
import { setCurrentAccount } from "./current-account";
import { useLazyQuery, withQueryClient } from "./lazy-query";

const ENGINE_STATES = ["ready", "off", "waiting", "failed", "stopping"] as const;
type EngineStateName = (typeof ENGINE_STATES)[number];
const isEngineState = (v: unknown): v is EngineStateName => ENGINE_STATES.some((s) => s === v);

export interface HealthAnswer {
  ok: boolean;
  /** whom submits go to now (read with readSubmitAccount) */
  account?: unknown;
  label: string;
  orchestrator: {
    state: "closed" | "open" | "half-open";
    failures: number;
    retryAt: string | null;
    lastError: string | null;
  };
  /** only when requests go to the embedded engine */
  localEngine?: { state: EngineStateName; detail?: string };
  stopping?: boolean;
}

export const HEALTH_KEY = ["orchestrator-health"] as const;
const CALM_MS = 10_000;
const PAUSED_MS = 2_000;

const ENGINE_NOTICE: Record<string, string> = {
  waiting: "Local engine is starting: waiting for the previous studio to let go of its data.",
  failed: "Local engine could not start",
  stopping: "The studio is shutting down",
  off: "Local engine is turned off (LOCAL_ENGINE=off)",
};

/** What the header says, or null when requests flow normally. */
export function healthNotice(health: HealthAnswer | undefined, now: number): string | null {
  if (!health) return null;
  if (health.stopping) return ENGINE_NOTICE.stopping!;
  const engine = health.localEngine;
  if (engine && engine.state !== "ready") {
    const base = ENGINE_NOTICE[engine.state] ?? "Local engine is unavailable";
    return engine.state === "failed" && engine.detail ? `${base}: ${engine.detail}` : base;
  }
  if (health.orchestrator.state === "closed") return null;
  const { state, retryAt } = health.orchestrator;
  if (state === "half-open") return `${health.label} kept failing: trying it again…`;
  const seconds = retryAt ? Math.max(1, Math.ceil((Date.parse(retryAt) - now) / 1000)) : null;
  return `${health.label} kept failing: requests paused${seconds ? `, retrying in ${seconds} s` : ""}. Nothing is lost.`;
}

/** True when everything this studio needs answers. */
export function isHealthy(health: HealthAnswer | undefined): boolean {
  return health !== undefined && healthNotice(health, 0) === null;
}

/** A 503 from /api/health still carries the whole answer: read it rather than fail. */
function readUnhealthy(error: unknown): HealthAnswer | null {
  if (!(error instanceof ApiError) || error.status !== 503) return null;
  const body = error.problem;
  const { label, orchestrator, localEngine, stopping } = body;
  if (typeof label !== "string" || !isRecord(orchestrator)) return null;
  const state = orchestrator.state;
  if (state !== "closed" && state !== "open" && state !== "half-open") return null;
  const answer: HealthAnswer = {
    ok: false,
    label,
    orchestrator: {
      state,
      failures: typeof orchestrator.failures === "number" ? orchestrator.failures : 0,
      retryAt: typeof orchestrator.retryAt === "string" ? orchestrator.retryAt : null,
      lastError: typeof orchestrator.lastError === "string" ? orchestrator.lastError : null,
    },
    stopping: stopping === true,
  };
  if (isRecord(localEngine) && isEngineState(localEngine.state)) {
    answer.localEngine = {
      state: localEngine.state,
      detail: typeof localEngine.detail === "string" ? localEngine.detail : undefined,
    };
  }
  return answer;
}

async function fetchHealth(signal: AbortSignal): Promise<HealthAnswer> {
  let body: HealthAnswer;
  try {
    body = await apiFetch<HealthAnswer>("/api/health", { signal });
  } catch (error) {
    const unhealthy = readUnhealthy(error);
    if (!unhealthy) throw error;
    body = unhealthy;
  }
  const account = readSubmitAccount(body.account);
  if (account) setCurrentAccount(account);
  return body;
}

/** The latest answer of /api/health (none until the query library has loaded). */
export function useOrchestratorHealth() {
  const query = useLazyQuery<HealthAnswer>({
    queryKey: HEALTH_KEY,
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: (q) => (q.state.error || !isHealthy(q.state.data) ? PAUSED_MS : CALM_MS),
    retry: false,
  });
  // Back to healthy after an outage or a restart: whatever failed meanwhile (the
  // history, a page of it) loads again by itself, without a click on Retry.
  const loaded = query !== null;
  const healthy = loaded && !query.isError && isHealthy(query.data);
  const wasHealthy = useRef(true);
  useEffect(() => {
    if (!loaded) return;
    if (healthy && !wasHealthy.current) {
      withQueryClient((client) => {
        void client.refetchQueries({ predicate: (q) => q.state.status === "error" });
      });
    }
    wasHealthy.current = healthy;
  }, [healthy, loaded]);
  return { data: query?.data, isError: query?.isError ?? false };
}
