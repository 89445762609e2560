// When an image's signed URL must be renewed. Orchestrator URLs expire (the
// image is still there, the link is not); the gallery renews a URL shortly
// before it runs out, or after the browser failed to load it, never showing a
// broken image.
import type { GenerationImage } from "./types";

/** Renew a URL this long before it expires, so a slow load does not cross the line. */
export const REFRESH_MARGIN_MS = 30_000;
/**
 * After renewing a blob's URL, do not renew it again ahead of time for this long.
 * With very short lifetimes (tests use 2 s) every fresh URL is already "about to
 * expire"; it is used at once instead of being renewed in a loop.
 */
export const PROACTIVE_COOLDOWN_MS = 60_000;

export type ImageRendition = "preview" | "full";

export interface ImageSource {
  src: string;
  expiresAt: string | null;
}

/** The URL to show: the preview in the grid (the original when there is none), the original in the lightbox. */
export function imageSource(image: GenerationImage, rendition: ImageRendition): ImageSource | null {
  if (!image.available) return null;
  const preview = image.previewUrl
    ? { src: image.previewUrl, expiresAt: image.previewUrlExpiresAt }
    : null;
  const full = image.url ? { src: image.url, expiresAt: image.urlExpiresAt } : null;
  return rendition === "preview" ? (preview ?? full) : (full ?? preview);
}

/** True when the URL is past its expiry or will be within the margin; unknown expiry never is. */
export function isExpiring(expiresAt: string | null, now: number, marginMs = REFRESH_MARGIN_MS) {
  if (!expiresAt) return false;
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) && at - now <= marginMs;
}

/** Renew before rendering? Only when expiring and not renewed moments ago. */
export function shouldRefreshBeforeRender(
  source: ImageSource,
  now: number,
  lastRefreshedAt: number | undefined,
): boolean {
  if (!isExpiring(source.expiresAt, now)) return false;
  return lastRefreshedAt === undefined || now - lastRefreshedAt > PROACTIVE_COOLDOWN_MS;
}
