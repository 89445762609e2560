import "server-only";
import { createHash } from "node:crypto";
import type { Generation } from "@/lib/contract/generations/types";
import { sharedKey, sharedStoreConfigured, withRedis } from "@/lib/server/shared/redis";
import type { OrchestratorTarget } from "./target";

// A finished generation never changes its status or images, so the studio
// keeps recent final states in memory and answers repeated reads of them
// without another orchestrator call (less load, fewer rate-limit hits, and a
// proxy that costs less than the call it saves). Bounded three ways: a short
// lifetime, the images' signed-URL expiry, and a size cap. The studio's own
// changes to a workflow (cancel, tags, favourites) drop its entry.
//
// With REDIS_URL the entries live in Redis instead, as the orchestrator's own
// JSON (parsed again on the way out), so every instance shares them and a change
// made through one instance is seen by all. While Redis is unreachable the cache
// is simply empty: every read goes to the orchestrator, never to a stale copy.

const MAX_AGE_MS = 30_000;
/** Never hand out a URL that expires sooner than this after we answer. */
const URL_MARGIN_MS = 60_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  generation: Generation;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

// A read that started before the studio changed a workflow must not put the old
// state back: a GET racing a star would otherwise cache the workflow without its
// new tag for the cache's whole lifetime. Each change is numbered; a read takes
// the number at its start (readMark) and its answer is kept only if no change
// to that workflow came after.
let changes = 0;
const changedAt = new Map<string, number>();

export function readMark(): number {
  return changes;
}

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

const redisKey = (key: string) => sharedKey("final", key);

/**
 * Remembers a generation if it is final; anything else is not cacheable.
 * `raw` is the orchestrator's workflow it was read from: what the shared cache keeps.
 */
export function rememberFinal(
  target: OrchestratorTarget,
  generation: Generation,
  now = Date.now(),
  raw?: unknown,
  /** readMark() taken before the upstream read this generation came from */
  mark?: number,
): void {
  if (!generation.final || !generation.id) return;
  if (mark !== undefined && (changedAt.get(cacheKey(target, generation.id)) ?? 0) > mark) return;
  // An image without a URL (hidden as mature, or a read that lost it) must not
  // stick for the cache's lifetime: the next read asks the orchestrator again.
  if (generation.images.some((image) => !image.url)) return;
  const expiresAt = usableUntil(generation, now);
  if (expiresAt <= now) return;
  const key = cacheKey(target, generation.id);
  if (sharedStoreConfigured()) {
    if (raw === undefined) return;
    // Not awaited: a cache write must never slow down or fail the read that made it.
    withRedis((c) =>
      c.set(redisKey(key), JSON.stringify(raw), "PX", Math.ceil(expiresAt - now)),
    ).catch(() => undefined);
    return;
  }
  entries.delete(key);
  entries.set(key, { generation, expiresAt });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
}

/** `read` turns a shared entry (the orchestrator's JSON) back into a generation, checking it. */
export async function cachedFinal(
  target: OrchestratorTarget,
  id: string,
  now = Date.now(),
  read?: (raw: unknown) => Generation,
): Promise<Generation | undefined> {
  const key = cacheKey(target, id);
  if (sharedStoreConfigured()) {
    if (!read) return undefined;
    const stored = await withRedis((c) => c.get(redisKey(key))).catch(() => null);
    if (stored === null) return undefined;
    try {
      const generation = read(JSON.parse(stored));
      return generation.final && generation.id === id ? generation : undefined;
    } catch {
      return undefined;
    }
  }
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    entries.delete(key);
    return undefined;
  }
  return entry.generation;
}

/** Call after the studio changes a workflow (cancel, tags, favourites). */
export async function forgetFinal(target: OrchestratorTarget, id: string): Promise<void> {
  const key = cacheKey(target, id);
  entries.delete(key);
  changedAt.delete(key);
  changedAt.set(key, ++changes);
  if (changedAt.size > MAX_ENTRIES) changedAt.delete(changedAt.keys().next().value ?? "");
  if (sharedStoreConfigured()) {
    // Unreachable Redis: the entry runs out within MAX_AGE_MS by itself.
    await withRedis((c) => c.del(redisKey(key))).catch(() => undefined);
  }
}
