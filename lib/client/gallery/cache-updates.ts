// Batched changes to the cached history (every view under GENERATIONS_KEY):
// many generations from one long-poll in a single cache write, renewed image
// URLs, and a fresh first page that keeps what a submit inserted while it was
// loading. Pages without a change keep their identity, so only the cards that
// changed render.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import {
  belongsIn,
  GENERATIONS_KEY,
  holdForLoadingViews,
  newestFirst,
  updateHistories,
  upsertGeneration,
  type GenerationsData,
} from "./cache";
import type { Generation, GenerationImage, GenerationPage } from "@/lib/contract/generations/types";
import { heldArrivals } from "./arrivals";
import { shouldReplace } from "./watch-plan";

/** Applies several generations at once; a final one is never replaced by an older, unfinished answer. */
export function mergeGenerations(queryClient: QueryClient, incoming: readonly Generation[]): void {
  if (incoming.length === 0) return;
  holdForLoadingViews(queryClient, incoming);
  if (queryClient.getQueryCache().findAll({ queryKey: GENERATIONS_KEY }).length === 0) {
    for (const g of incoming) upsertGeneration(queryClient, g);
    return;
  }
  updateHistories(queryClient, (data, key) => {
    const byId = new Map(incoming.map((g) => [g.id, g]));
    const seen = new Set<string>();
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.items.some((g) => byId.has(g.id))) return page;
      const items = page.items.map((cached) => {
        const next = byId.get(cached.id);
        if (!next) return cached;
        seen.add(cached.id);
        if (next === cached || !shouldReplace(cached, next)) return cached;
        changed = true;
        return next;
      });
      return { ...page, items };
    });
    const fresh = incoming.filter((g) => !seen.has(g.id) && belongsIn(key, g));
    // Not into a view whose top pages were dropped: it reads them back when scrolled up.
    if (fresh.length > 0 && pages[0] && !pages[0].prev) {
      changed = true;
      pages[0] = { ...pages[0], items: [...fresh, ...pages[0].items].sort(newestFirst) };
    }
    return changed ? { ...data, pages } : data;
  });
}

export interface RefreshedImageUrl {
  id: string;
  url: string;
  urlExpiresAt: string | null;
  previewUrl: string | null;
  previewUrlExpiresAt: string | null;
}

/**
 * The renewed URLs on an image. Refresh answers the spec's Blob, which need not
 * carry a preview: then the old preview (as stale as the old URL) goes, and the
 * grid shows the fresh full URL instead (imageSource falls back to it).
 */
function withUrls(image: GenerationImage, fresh: RefreshedImageUrl): GenerationImage {
  return {
    ...image,
    url: fresh.url,
    urlExpiresAt: fresh.urlExpiresAt,
    previewUrl: fresh.previewUrl,
    previewUrlExpiresAt: fresh.previewUrl ? fresh.previewUrlExpiresAt : null,
  };
}

/** Puts a renewed signed URL on every cached copy of that image. */
export function applyRefreshedUrls(queryClient: QueryClient, fresh: RefreshedImageUrl): void {
  updateHistories(queryClient, (data) => {
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.items.some((g) => g.images.some((i) => i.id === fresh.id))) return page;
      changed = true;
      return {
        ...page,
        items: page.items.map((g) =>
          g.images.some((i) => i.id === fresh.id)
            ? { ...g, images: g.images.map((i) => (i.id === fresh.id ? withUrls(i, fresh) : i)) }
            : g,
        ),
      };
    });
    return changed ? { ...data, pages } : data;
  });
}

/**
 * A freshly fetched first page, plus any generation newer than all of it that
 * the server's answer predates: one a submit inserted into the cached page, or
 * one that arrived while the view had no page yet (arrivals.ts).
 */
export function keepNewerThanPage(
  fetched: GenerationPage,
  cached: GenerationsData | undefined,
  arrived: readonly Generation[] = [],
): GenerationPage {
  const newest = fetched.items[0]?.createdAt ?? "";
  const known = new Set(fetched.items.map((g) => g.id));
  const missing = new Map<string, Generation>();
  for (const g of [...(cached?.pages[0]?.items ?? []), ...arrived]) {
    if (known.has(g.id) || g.createdAt <= newest) continue;
    if (shouldReplace(missing.get(g.id), g)) missing.set(g.id, g);
  }
  if (missing.size === 0) return fetched;
  return { ...fetched, items: [...missing.values(), ...fetched.items].sort(newestFirst) };
}

/** A view's freshly fetched first page with what arrived for it while it loaded. */
export function firstPageOf(
  queryClient: QueryClient,
  key: QueryKey,
  fetched: GenerationPage,
): GenerationPage {
  const arrived = heldArrivals(queryClient, (g) => belongsIn(key, g));
  return keepNewerThanPage(fetched, queryClient.getQueryData<GenerationsData>(key), arrived);
}
