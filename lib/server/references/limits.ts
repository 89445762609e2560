import "server-only";
import { env } from "@/lib/server/env";

// Limits on images coming into the studio (uploads and checked reference URLs).
// Parsed in lib/server/env.ts; a malformed value fails loudly (500 naming the
// setting) instead of silently meaning "no limit".

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

/** STUDIO_UPLOAD_MAX_BYTES (default 10 MB) and STUDIO_UPLOAD_MAX_PIXELS (default 40 MP). */
export function imageLimits(): ImageLimits {
  const settings = env();
  return {
    maxBytes: settings.STUDIO_UPLOAD_MAX_BYTES,
    maxPixels: settings.STUDIO_UPLOAD_MAX_PIXELS,
  };
}

/** "10 MB", "512 KB": limits in messages a designer reads. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
