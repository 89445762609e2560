// The browser's cache of generations, shared by the builder (a submit adds one)
// and the gallery (history pages, live updates). One TanStack Query infinite
// query holds the history; these helpers keep it newest-first and deduplicated.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Generation, GenerationPage } from "./types";

export const GENERATIONS_KEY = ["generations"] as const;
export type GenerationsData = InfiniteData<GenerationPage, string | null>;

const newestFirst = (a: Generation, b: Generation) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** Inserts or replaces a generation wherever it is in the cached history. */
export function upsertGeneration(queryClient: QueryClient, generation: Generation): void {
  queryClient.setQueryData<GenerationsData>(GENERATIONS_KEY, (data) => {
    if (!data) {
      return { pages: [{ items: [generation], next: null }], pageParams: [null] };
    }
    let found = false;
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map((g) => {
        if (g.id !== generation.id) return g;
        found = true;
        return generation;
      }),
    }));
    if (!found && pages[0]) {
      pages[0] = { ...pages[0], items: [generation, ...pages[0].items].sort(newestFirst) };
    }
    return { ...data, pages };
  });
}

export function upsertGenerations(queryClient: QueryClient, generations: Generation[]): void {
  for (const g of generations) upsertGeneration(queryClient, g);
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
