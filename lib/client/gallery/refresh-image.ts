// Renews an image's signed URL through the studio (POST /api/blobs/:id/refresh).
// Several thumbnails of the same blob (grid, lightbox, a remount while
// scrolling) share one request, and the time of the last renewal is kept so a
// fresh URL is not renewed again in a loop.
import { apiFetch } from "@/lib/client/platform/api-client";
import type { RefreshedImageUrl } from "./cache-updates";

export type RefreshFetcher = (blobId: string) => Promise<RefreshedImageUrl>;

export interface ImageRefresher {
  refresh(blobId: string): Promise<RefreshedImageUrl>;
  lastRefreshedAt(blobId: string): number | undefined;
}

export function createImageRefresher(
  fetcher: RefreshFetcher,
  clock: () => number = Date.now,
): ImageRefresher {
  const inflight = new Map<string, Promise<RefreshedImageUrl>>();
  const refreshedAt = new Map<string, number>();
  return {
    refresh(blobId) {
      const running = inflight.get(blobId);
      if (running) return running;
      const promise = fetcher(blobId)
        .then((fresh) => {
          refreshedAt.set(blobId, clock());
          return fresh;
        })
        .finally(() => inflight.delete(blobId));
      inflight.set(blobId, promise);
      return promise;
    },
    lastRefreshedAt: (blobId) => refreshedAt.get(blobId),
  };
}

/** The browser's one refresher. */
export const imageRefresher = createImageRefresher((blobId) =>
  apiFetch<RefreshedImageUrl>(`/api/blobs/${encodeURIComponent(blobId)}/refresh`, {
    method: "POST",
  }),
);
