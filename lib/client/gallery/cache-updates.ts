// Batched changes to the cached history (every view under GENERATIONS_KEY):
// many generations from one long-poll in a single cache write, renewed image
// URLs, and a fresh first page that keeps what a submit inserted while it was
// loading. Pages without a change keep their identity, so only the cards that
// changed render.
import type { QueryClient } from "@tanstack/react-query";
import {
  belongsIn,
  GENERATIONS_KEY,
  newestFirst,
  updateHistories,
  upsertGeneration,
  type GenerationsData,
} from "./cache";
import type { Generation, GenerationImage, GenerationPage } from "@/lib/contract/generations/types";
import { shouldReplace } from "./watch-plan";

/** Applies several generations at once; a final one is never replaced by an older, unfinished answer. */
export function mergeGenerations(queryClient: QueryClient, incoming: readonly Generation[]): void {
  if (incoming.length === 0) return;
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
 * A freshly fetched first page, plus any cached generation newer than all of it:
 * one a submit inserted after the server had already answered the list.
 */
export function keepNewerThanPage(
  fetched: GenerationPage,
  cached: GenerationsData | undefined,
): GenerationPage {
  const first = cached?.pages[0];
  if (!first) return fetched;
  const newest = fetched.items[0]?.createdAt ?? "";
  const known = new Set(fetched.items.map((g) => g.id));
  const missing = first.items.filter((g) => !known.has(g.id) && g.createdAt > newest);
  if (missing.length === 0) return fetched;
  return { ...fetched, items: [...missing, ...fetched.items].sort(newestFirst) };
}
