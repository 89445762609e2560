"use client";
// TanStack Query out of the first load (issue 18 goal 1: it was 10 kB of the
// 53 the studio added to a bare page). What the first load needs of it — the
// builder's quote, the header's health poll, session spend, a submit putting its
// generation in the gallery's cache — goes through here: the library and the
// tab's one client (query-client.ts) load right after hydration, and these
// helpers hand them over once they have. The gallery, the popovers and the
// other pages are islands (components/query-island.tsx) that load with it.
// Until it has loaded, a query reads as "not yet" (null) and a cache change
// waits for it, in order: a submit answered earlier is never lost.
import type {
  QueryClient,
  QueryKey,
  QueryObserver,
  QueryObserverOptions,
  QueryObserverResult,
} from "@tanstack/react-query";
import {
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";

type Runtime = typeof import("./query-client");

/** The loaded library and client; hooks learn of it through loadQueryRuntime's promise. */
let runtime: Runtime | null = null;
let loading: Promise<Runtime> | null = null;

/** Loads the query library and the tab's client (once). */
export function loadQueryRuntime(): Promise<Runtime> {
  loading ??= import("./query-client").then((m) => {
    runtime = m;
    return m;
  });
  return loading;
}

/** Runs `change` with the tab's query client: now if it has loaded, else as soon as it has. */
export function withQueryClient(change: (client: QueryClient) => void): void {
  const loaded = runtime;
  if (loaded) change(loaded.sharedQueryClient());
  else void loadQueryRuntime().then((m) => change(m.sharedQueryClient()));
}

/**
 * The tab's query client once it has loaded (null before); starts loading it on
 * mount. Its arrival re-renders the builder, the header and the islands: that is a
 * transition, rendered in slices in tasks of its own, not in the task that ran
 * the library's code (one long task of ~70 ms at Lighthouse's 4× CPU before).
 */
export function useLazyQueryClient(): QueryClient | null {
  const [loaded, setLoaded] = useState(() => runtime);
  useEffect(() => {
    let live = true;
    void loadQueryRuntime().then((m) => {
      if (live) startTransition(() => setLoaded(m));
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => loaded?.sharedQueryClient() ?? null, [loaded]);
}

export type LazyQueryOptions<T> = QueryObserverOptions<T, Error, T, T, QueryKey>;

/**
 * useQuery for first-load code: the same observer TanStack's hook uses, made
 * once the library has loaded; null until then (and on the server). Options
 * may change on every render, as with useQuery.
 */
export function useLazyQuery<T>(
  options: LazyQueryOptions<T>,
): QueryObserverResult<T, Error> | null {
  const client = useLazyQueryClient();
  const observer = useMemo<QueryObserver<T, Error, T, T, QueryKey> | null>(() => {
    const loaded = runtime;
    return client && loaded ? new loaded.QueryObserver(client, options) : null;
    // Made once per client; later options reach it through setOptions below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);
  useEffect(() => {
    observer?.setOptions(options);
  });
  const subscribe = useCallback(
    (onChange: () => void) => (observer ? observer.subscribe(() => onChange()) : () => {}),
    [observer],
  );
  return useSyncExternalStore(
    subscribe,
    () => observer?.getCurrentResult() ?? null,
    () => null,
  );
}
