import "server-only";
import { AppError } from "@/lib/server/http/problem";

// Limits on images coming into the studio (uploads and checked reference URLs).
// Read per call so tests and operators can change them without a restart of the
// module graph; a malformed value fails loudly instead of silently meaning "no limit".

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** 40 megapixels: an 8K frame is 33 MP; a decoded 40 MP RGBA image is 160 MB of memory. */
export const DEFAULT_MAX_UPLOAD_PIXELS = 40_000_000;

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    // The route answers 500 naming the setting, so whoever runs the studio can fix it.
    throw new AppError("internal", {
      detail: `The studio's ${name} setting must be a positive whole number, not "${raw}".`,
    });
  }
  return Number(raw);
}

/** STUDIO_UPLOAD_MAX_BYTES (default 10 MB) and STUDIO_UPLOAD_MAX_PIXELS (default 40 MP). */
export function imageLimits(): ImageLimits {
  return {
    maxBytes: positiveInt("STUDIO_UPLOAD_MAX_BYTES", DEFAULT_MAX_UPLOAD_BYTES),
    maxPixels: positiveInt("STUDIO_UPLOAD_MAX_PIXELS", DEFAULT_MAX_UPLOAD_PIXELS),
  };
}

/** "10 MB", "512 KB": limits in messages a designer reads. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
