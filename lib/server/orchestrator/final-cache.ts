import "server-only";
import { createHash } from "node:crypto";
import type { Generation } from "@/lib/contract/generations/types";
import type { OrchestratorTarget } from "./target";

// A finished generation never changes its status or images, so the studio
// keeps recent final states in memory and answers repeated reads of them
// without another orchestrator call (less load, fewer rate-limit hits, and a
// proxy that costs less than the call it saves). Bounded three ways: a short
// lifetime, the images' signed-URL expiry, and a size cap. The studio's own
// changes to a workflow (cancel, tags, favourites) drop its entry.

const MAX_AGE_MS = 30_000;
/** Never hand out a URL that expires sooner than this after we answer. */
const URL_MARGIN_MS = 60_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  generation: Generation;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

export function cacheKey(target: OrchestratorTarget, id: string): string {
  return `${createHash("sha256").update(`${target.baseUrl}\n${target.token}`).digest("hex").slice(0, 16)}:${id}`;
}

function usableUntil(generation: Generation, now: number): number {
  let until = now + MAX_AGE_MS;
  for (const image of generation.images) {
    for (const at of [image.urlExpiresAt, image.previewUrlExpiresAt]) {
      if (at) until = Math.min(until, Date.parse(at) - URL_MARGIN_MS);
    }
  }
  return until;
}

/** Remembers a generation if it is final; anything else is not cacheable. */
export function rememberFinal(
  target: OrchestratorTarget,
  generation: Generation,
  now = Date.now(),
): void {
  if (!generation.final || !generation.id) return;
  // An image without a URL (hidden as mature, or a read that lost it) must not
  // stick for the cache's lifetime: the next read asks the orchestrator again.
  if (generation.images.some((image) => !image.url)) return;
  const expiresAt = usableUntil(generation, now);
  if (expiresAt <= now) return;
  const key = cacheKey(target, generation.id);
  entries.delete(key);
  entries.set(key, { generation, expiresAt });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
}

export function cachedFinal(
  target: OrchestratorTarget,
  id: string,
  now = Date.now(),
): Generation | undefined {
  const key = cacheKey(target, id);
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    entries.delete(key);
    return undefined;
  }
  return entry.generation;
}

/** Call after the studio changes a workflow (cancel, tags, favourites). */
export function forgetFinal(target: OrchestratorTarget, id: string): void {
  entries.delete(cacheKey(target, id));
}
