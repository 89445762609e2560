import "server-only";
import { z } from "zod";
import { sharedKey, sharedStoreConfigured, subscriber, withRedis } from "@/lib/server/shared/redis";

// Watch sessions across instances (REDIS_URL): a tab's long-poll may be held by
// instance B while its submit lands on instance A behind the load balancer. B
// announces the session in Redis while the long-poll runs; A, not holding it,
// finds it there and publishes the new workflow id on a channel every instance
// listens to; B joins it to the long-poll (watch.ts). Without Redis, or while it
// is unreachable, nothing is forwarded and the tab follows the workflow itself.

const CHANNEL = sharedKey("watch-join");
const sessionKey = (id: string) => sharedKey("watch-session", id);

const joinMessage = z.object({ session: z.string(), scope: z.string(), id: z.string() });
export type JoinMessage = z.infer<typeof joinMessage>;

let handler: ((message: JoinMessage) => void) | null = null;
let subscribed: Promise<void> | null = null;

/** Where joins published by other instances go (watch.ts sets it once). */
export function onRemoteJoin(handle: (message: JoinMessage) => void): void {
  handler = handle;
}

function listen(): Promise<void> {
  const sub = subscriber();
  if (!sub) return Promise.resolve();
  subscribed ??= (async () => {
    sub.on("message", (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      try {
        const parsed = joinMessage.safeParse(JSON.parse(text));
        if (parsed.success) handler?.(parsed.data);
      } catch {
        // not ours: ignore
      }
    });
    await sub.subscribe(CHANNEL);
  })().catch((error: unknown) => {
    subscribed = null;
    throw error;
  });
  return subscribed;
}

/** Says that this instance holds the session's long-poll (seq) for `ttlMs`. Best effort. */
export async function announceSession(
  session: string,
  scope: string,
  seq: number,
  ttlMs: number,
): Promise<void> {
  if (!sharedStoreConfigured()) return;
  try {
    // Subscribed before announcing, so a join published for this session reaches us;
    // bounded, since a subscription waits for a Redis that is away.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      listen(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("not subscribed in time")), 1_000);
      }),
    ]).finally(() => clearTimeout(timer));
    await withRedis((c) =>
      c.set(sessionKey(session), JSON.stringify({ scope, seq }), "PX", Math.ceil(ttlMs)),
    );
  } catch {
    // The tab then follows its own submits, as without Redis.
  }
}

const ANNOUNCED = z.object({ scope: z.string(), seq: z.number().int() });

/** Withdraws the announcement, unless a newer long-poll of the tab replaced it. */
export async function withdrawSession(session: string, seq: number): Promise<void> {
  if (!sharedStoreConfigured()) return;
  await withRedis(async (c) => {
    const stored = ANNOUNCED.safeParse(JSON.parse((await c.get(sessionKey(session))) ?? "null"));
    if (stored.success && stored.data.seq === seq) await c.del(sessionKey(session));
  }).catch(() => undefined);
}

/**
 * Hands a new workflow to the instance holding the tab's long-poll. Returns
 * that long-poll's seq, or null when no instance announced one for this scope.
 */
export async function forwardJoin(
  session: string,
  scope: string,
  id: string,
): Promise<number | null> {
  if (!sharedStoreConfigured()) return null;
  try {
    return await withRedis(async (c) => {
      const stored = ANNOUNCED.safeParse(JSON.parse((await c.get(sessionKey(session))) ?? "null"));
      if (!stored.success || stored.data.scope !== scope) return null;
      const message: JoinMessage = { session, scope, id };
      const listeners = await c.publish(CHANNEL, JSON.stringify(message));
      return listeners > 0 ? stored.data.seq : null;
    });
  } catch {
    return null;
  }
}
