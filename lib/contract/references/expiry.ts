// When a reference's URL must be refreshed before a submit. Signed blob URLs
// (uploads, and gallery images used as references) stop working at
// urlExpiresAt; the orchestrator fetches references when the job runs, which
// can be minutes after the submit when it queues. So: refresh when the URL
// expires within 10 minutes, or has no known expiry but came from a blob.
// Shared by browser and server.

export const REFRESH_MARGIN_MS = 10 * 60 * 1000;

export interface ExpiringReference {
  /** orchestrator blob the URL was signed for; null for a pasted public URL */
  blobId?: string | null;
  urlExpiresAt?: string | null;
}

export function needsRefresh(ref: ExpiringReference, now = Date.now()): boolean {
  if (!ref.blobId) return false;
  if (!ref.urlExpiresAt) return true;
  const expires = Date.parse(ref.urlExpiresAt);
  return Number.isNaN(expires) || expires - now <= REFRESH_MARGIN_MS;
}
