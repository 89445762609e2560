// The browser's cache of generations, shared by the builder (a submit adds one)
// and the gallery (history pages, live updates). The history is one TanStack
// Query infinite query per filtered view, keyed ["generations", <filters as a
// query string>]; these helpers keep every cached view newest-first and
// deduplicated, and insert a new generation only into the views it matches.
import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import {
  localDayRange,
  matchesFilters,
  NO_FILTERS,
  parseFilters,
  serializeFilters,
  type GalleryFilters,
} from "@/lib/contract/generations/filters";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import { holdArrival } from "./arrivals";

export const GENERATIONS_KEY = ["generations"] as const;
export type GenerationsData = InfiniteData<GenerationPage, string | null>;

export function generationsKey(filters: GalleryFilters) {
  return ["generations", serializeFilters(filters).toString()] as const;
}

/** The filters a cached view was fetched with (the bare prefix key is the unfiltered view). */
export function filtersOfKey(key: QueryKey): GalleryFilters {
  const raw = key[1];
  return typeof raw === "string" ? parseFilters(new URLSearchParams(raw)) : NO_FILTERS;
}

/** Whether a generation the view has not seen belongs in it. */
export function belongsIn(key: QueryKey, g: Generation): boolean {
  const filters = filtersOfKey(key);
  return matchesFilters(g, filters, localDayRange(filters));
}

/** Applies `update` to every cached history view. */
export function updateHistories(
  queryClient: QueryClient,
  update: (data: GenerationsData, key: QueryKey) => GenerationsData,
): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: GENERATIONS_KEY })) {
    queryClient.setQueryData<GenerationsData>(query.queryKey, (data) =>
      data ? update(data, query.queryKey) : data,
    );
  }
}

export const newestFirst = (a: Generation, b: Generation) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** Keeps generations for any view whose first page is still loading (arrivals.ts). */
export function holdForLoadingViews(
  queryClient: QueryClient,
  generations: readonly Generation[],
): void {
  const loading = queryClient
    .getQueryCache()
    .findAll({ queryKey: GENERATIONS_KEY })
    .some((q) => q.state.data === undefined);
  if (loading) for (const g of generations) holdArrival(queryClient, g);
}

/** Inserts or replaces a generation wherever it is in every cached view it belongs to. */
export function upsertGeneration(queryClient: QueryClient, generation: Generation): void {
  holdForLoadingViews(queryClient, [generation]);
  if (queryClient.getQueryCache().findAll({ queryKey: GENERATIONS_KEY }).length === 0) {
    // Nothing loaded yet (a submit before the first page): start the unfiltered view.
    queryClient.setQueryData<GenerationsData>(GENERATIONS_KEY, {
      pages: [{ items: [generation], next: null }],
      pageParams: [null],
    });
    return;
  }
  updateHistories(queryClient, (data, key) => {
    let found = false;
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map((g) => {
        if (g.id !== generation.id) return g;
        found = true;
        return generation;
      }),
    }));
    // Only a view showing the top of the history gets it on top: one scrolled far
    // down (its newest pages dropped) reads it when it scrolls back up.
    if (!found && pages[0] && !pages[0].prev && belongsIn(key, generation)) {
      pages[0] = { ...pages[0], items: [generation, ...pages[0].items].sort(newestFirst) };
    }
    return { ...data, pages };
  });
}

export function upsertGenerations(queryClient: QueryClient, generations: Generation[]): void {
  for (const g of generations) upsertGeneration(queryClient, g);
}

/** Changes one generation wherever it is cached (an optimistic star, a rollback). */
export function patchGeneration(
  queryClient: QueryClient,
  id: string,
  patch: (g: Generation) => Generation,
): void {
  updateHistories(queryClient, (data) => {
    if (!data.pages.some((p) => p.items.some((g) => g.id === id))) return data;
    return {
      ...data,
      pages: data.pages.map((page) =>
        page.items.some((g) => g.id === id)
          ? { ...page, items: page.items.map((g) => (g.id === id ? patch(g) : g)) }
          : page,
      ),
    };
  });
  queryClient.setQueryData<Generation>(["generation", id], (g) => (g ? patch(g) : g));
}

/** Every cached generation, newest first, without duplicates across pages. */
export function flattenGenerations(data: GenerationsData | undefined): Generation[] {
  if (!data) return [];
  const seen = new Set<string>();
  const out: Generation[] = [];
  for (const page of data.pages) {
    for (const g of page.items) {
      if (seen.has(g.id)) continue;
      seen.add(g.id);
      out.push(g);
    }
  }
  return out;
}

/** Every generation in any cached view (the session spend counts them all). */
export function allCachedGenerations(queryClient: QueryClient): Generation[] {
  const byId = new Map<string, Generation>();
  for (const [, data] of queryClient.getQueriesData<GenerationsData>({
    queryKey: GENERATIONS_KEY,
  })) {
    for (const g of flattenGenerations(data)) if (!byId.has(g.id)) byId.set(g.id, g);
  }
  return [...byId.values()];
}
