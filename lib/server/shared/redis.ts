import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/server/env";

// The one Redis connection of this process (REDIS_URL), for what several studio
// instances share that is not data (README "Team deployment"). Without REDIS_URL
// nothing here connects and every caller keeps its in-memory behaviour.
//
// Commands never queue while Redis is away: a caller gets SharedStoreUnavailable
// within about a second and decides itself what is safe (a rate limit falls back
// to this process's buckets, a paid submit is refused).

/** Every key and channel the studio writes starts with this, so a shared Redis stays tidy. */
export const KEY_PREFIX = "krea-studio:";
export const sharedKey = (...parts: string[]) => KEY_PREFIX + parts.join(":");

/** How long one command may take before Redis counts as unreachable. */
const COMMAND_TIMEOUT_MS = 1_000;

export class SharedStoreUnavailable extends Error {
  override name = "SharedStoreUnavailable";
}

interface Connection {
  url: string;
  client: Redis;
  subscriber: Redis | null;
  /** false until the first connection: only then is waiting for it worth it */
  everReady: boolean;
  lastError: string | null;
}

declare global {
  // One connection per process, even if Next evaluates this module per route bundle.
  var __kreaStudioRedis: Connection | undefined;
}

function options() {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: COMMAND_TIMEOUT_MS,
    // Keep trying in the background, at most every 2 s, so the studio heals by itself.
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  };
}

/** Redis errors carry the host, never the password; still, say only what kind of failure. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
    return `${code}${error.message.replace(/redis(s)?:\/\/\S+/g, "redis://…")}`.slice(0, 200);
  }
  return "unknown error";
}

function connect(url: string): Connection {
  const client = new Redis(url, options());
  const connection: Connection = {
    url,
    client,
    subscriber: null,
    everReady: false,
    lastError: null,
  };
  client.on("ready", () => {
    if (connection.lastError) console.info("[redis] connected again");
    connection.everReady = true;
    connection.lastError = null;
  });
  client.on("error", (error: unknown) => {
    const said = describe(error);
    if (said !== connection.lastError) console.error(`[redis] ${said}`);
    connection.lastError = said;
  });
  return connection;
}

function connection(): Connection | null {
  const url = env().REDIS_URL;
  if (!url) return null;
  let current = globalThis.__kreaStudioRedis;
  if (current?.url !== url) {
    current?.client.disconnect();
    current?.subscriber?.disconnect();
    current = globalThis.__kreaStudioRedis = connect(url);
  }
  return current;
}

/** Whether this studio shares its state through Redis (REDIS_URL is set). */
export function sharedStoreConfigured(): boolean {
  return Boolean(env().REDIS_URL);
}

function waitForReady(c: Connection): Promise<void> {
  if (c.client.status === "ready") return Promise.resolve();
  // Once connected before (or once the first attempt failed), a missing
  // connection fails at once instead of making every request wait: the
  // background reconnect brings it back.
  if (c.everReady || c.lastError) {
    return Promise.reject(new SharedStoreUnavailable(c.lastError ?? `Redis is ${c.client.status}`));
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      c.client.off("ready", onReady);
      reject(new SharedStoreUnavailable(c.lastError ?? "Redis did not answer in time"));
    }, COMMAND_TIMEOUT_MS);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    c.client.once("ready", onReady);
  });
}

/**
 * Runs `command` with the shared Redis client. Throws SharedStoreUnavailable when
 * Redis is not configured, not connected or does not answer.
 */
export async function withRedis<T>(command: (client: Redis) => Promise<T>): Promise<T> {
  const c = connection();
  if (!c) throw new SharedStoreUnavailable("REDIS_URL is not set");
  await waitForReady(c);
  try {
    return await command(c.client);
  } catch (error) {
    c.lastError = describe(error);
    throw new SharedStoreUnavailable(c.lastError);
  }
}

/**
 * The subscriber connection (a Redis connection in subscribe mode can do
 * nothing else). It re-subscribes by itself after a reconnect.
 */
export function subscriber(): Redis | null {
  const c = connection();
  if (!c) return null;
  if (!c.subscriber) {
    c.subscriber = c.client.duplicate({ ...options(), enableOfflineQueue: true });
    c.subscriber.on("error", () => undefined); // reported by the main connection
  }
  return c.subscriber;
}

export interface SharedStoreHealth {
  ok: boolean;
  latencyMs: number | null;
  reason?: string;
}

/** One PING: what /api/health reports about Redis. */
export async function pingSharedStore(): Promise<SharedStoreHealth> {
  const started = performance.now();
  try {
    await withRedis((client) => client.ping());
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return {
      ok: false,
      latencyMs: null,
      reason: error instanceof Error ? error.message : "unreachable",
    };
  }
}

/** Closes the connections (shutdown, tests). */
export async function closeSharedStore(): Promise<void> {
  const c = globalThis.__kreaStudioRedis;
  globalThis.__kreaStudioRedis = undefined;
  if (!c) return;
  c.subscriber?.disconnect();
  c.client.disconnect();
}
