"use client";
// Follows every unfinished generation with ONE long-poll at a time
// (GET /api/workflows/watch?ids=…&wait=25), which returns as soon as any of
// them finishes; the next one starts at once for those still running, and when
// none remain the query is disabled, so polling stops by itself. A browser
// holds 6 connections per origin, and images and estimates need the others.
// A generation submitted from this tab joins the running long-poll on the
// server (lib/client/gallery/watch-session.ts); only ids it does not cover (one
// found by paging the history, a join the server refused) restart it.
import { skipToken, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { mergeGenerations } from "@/lib/client/gallery/cache-updates";
import { toast } from "@/lib/client/platform/toast";
import { imageSource } from "@/lib/contract/generations/image-url";
import type { Generation } from "@/lib/contract/generations/types";
import { backoffDelay, lostReason, selectWatchIds } from "@/lib/client/gallery/watch-plan";
import { watchSession, type WatchSession } from "@/lib/client/gallery/watch-session";
import { ApiError, apiFetch } from "@/lib/client/platform/api-client";
import type { WatchResult } from "@/lib/contract/generations/types";

export const WATCH_KEY = "generation-watch";
/** Generations the orchestrator no longer knows: id → what the card says. */
export const LOST_KEY = ["generation-lost"] as const;
export const WATCH_WAIT_SECONDS = 25;
/**
 * How soon the next long-poll starts after one answered without news. The
 * interval only fires between requests: while one is in flight (or backing
 * off) TanStack Query joins it instead of starting another.
 */
const REARM_MS = 100;

export type LostGenerations = Readonly<Record<string, string>>;
const NONE_LOST: LostGenerations = {};

/** Some watched ids could not be read for a reason that may pass: back off, change nothing. */
export class WatchInterrupted extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "WatchInterrupted";
  }
}

/** Previews fetched per answer at most: a finished batch is a few cards, never the whole history. */
const WARM_MAX = 16;

/**
 * Starts downloading the previews of generations that just finished while React
 * is still rendering their cards, so the <img> finds them in the cache.
 */
function warmPreviews(items: readonly Generation[]): void {
  if (typeof Image === "undefined") return;
  let n = 0;
  for (const g of items) {
    if (!g.final) continue;
    for (const image of g.images) {
      const source = imageSource(image, "preview");
      if (!source || n++ >= WARM_MAX) continue;
      const img = new Image();
      img.decoding = "async";
      img.src = source.src;
    }
  }
}

/** One long-poll: merges what it brings, marks lost ids, throws when it should back off. */
export async function watchOnce(
  queryClient: QueryClient,
  ids: string[],
  signal: AbortSignal,
  session: WatchSession = watchSession,
): Promise<number> {
  const { seq, params: sessionParams } = session.begin(ids);
  const params = new URLSearchParams({
    ids: ids.join(","),
    wait: String(WATCH_WAIT_SECONDS),
    ...sessionParams,
  });
  let result: WatchResult;
  try {
    result = await apiFetch<WatchResult>(`/api/workflows/watch?${params}`, { signal });
  } finally {
    session.end(seq);
  }
  warmPreviews(result.items);
  mergeGenerations(queryClient, result.items);
  // "Generating …" is stale once its generation has ended: the card shows how.
  for (const g of result.items) if (g.final) toast.dismiss(g.id);
  const lost: Record<string, string> = {};
  let interrupted: string | null = null;
  for (const [id, error] of Object.entries(result.errors)) {
    if (error.retryable) interrupted ??= error.detail;
    else lost[id] = lostReason(error);
  }
  if (Object.keys(lost).length > 0) {
    queryClient.setQueryData<LostGenerations>(LOST_KEY, (prev) => ({ ...prev, ...lost }));
  }
  if (interrupted !== null) throw new WatchInterrupted(interrupted);
  return Date.now();
}

function retryDelay(failureCount: number, error: unknown): number {
  const asked = error instanceof ApiError && error.retryAfter ? error.retryAfter * 1000 : 0;
  return Math.max(backoffDelay(failureCount), Math.min(asked, 60_000));
}

/** Generations marked as no longer readable, shared by the watch and the cards. */
export function useLostGenerations(): LostGenerations {
  return (
    useQuery({
      queryKey: LOST_KEY,
      queryFn: skipToken,
      initialData: NONE_LOST,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? NONE_LOST
  );
}

export interface WatchState {
  /** how many generations the long-poll follows */
  watching: number;
}

export function useGenerationWatch(generations: readonly Generation[]): WatchState {
  const queryClient = useQueryClient();
  const lost = useLostGenerations();
  const ids = useMemo(
    () => selectWatchIds(generations, new Set(Object.keys(lost))),
    [generations, lost],
  );
  // Read when each long-poll (or its retry) starts, so it asks for the ids of that moment.
  const idsRef = useRef(ids);
  useEffect(() => {
    idsRef.current = ids;
    if (watchSession.misses(ids)) {
      void queryClient.refetchQueries({ queryKey: [WATCH_KEY] }, { cancelRefetch: true });
    }
  }, [ids, queryClient]);
  useQuery({
    queryKey: [WATCH_KEY],
    queryFn:
      ids.length > 0 ? ({ signal }) => watchOnce(queryClient, idsRef.current, signal) : skipToken,
    refetchInterval: ids.length > 0 ? REARM_MS : false,
    // A generation that finishes while the tab is hidden is there when the designer comes back.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    // Transient failures (network, 5xx, a server restart) back off 1 s, 2 s, 4 s … 15 s
    // and keep every card as it was; the watch never gives up on its own.
    retry: true,
    retryDelay,
    staleTime: 0,
    gcTime: 0,
  });
  return { watching: ids.length };
}

/** True while the watch is failing and backing off (server down, network lost). */
export function useWatchReconnecting(): boolean {
  const queryClient = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  return useSyncExternalStore(
    subscribe,
    () =>
      queryClient
        .getQueryCache()
        .findAll({ queryKey: [WATCH_KEY] })
        .some((q) => q.state.fetchFailureCount > 0 && q.state.fetchStatus !== "idle"),
    () => false,
  );
}
