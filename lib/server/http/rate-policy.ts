import "server-only";
import { CLIENT_COOKIE, CLIENT_ID_PATTERN, readCookie } from "./cookies";
import { envFrom, type EnvSource } from "@/lib/server/env";
import { AppError } from "./problem";
import { MemoryRateLimiter, type BucketOptions, type RateLimiter } from "./rate-limit";
import { SharedRateLimiter } from "./shared-rate-limit";

// Which requests are rate-limited, how hard, and per whom. The route() wrapper
// applies this to every route, so a new route gets a limit by adding a line to
// RULES, not by remembering to call something. Each bucket is limited per client
// and, as a backstop against clients that drop or invent their id, globally at
// ten times the per-client rate.

export type RateBucket = "submit" | "upload" | "check" | "token" | "sign-in";

interface Rule {
  method: string;
  path: RegExp;
  bucket: RateBucket;
}

/** Paid or expensive actions: submits spend Buzz, uploads and checks do real work. */
const RULES: readonly Rule[] = [
  { method: "POST", path: /^\/api\/workflows\/?$/, bucket: "submit" },
  // A grid is one click: it counts once here and its server paces its own sends.
  { method: "POST", path: /^\/api\/plans\/?$/, bucket: "submit" },
  { method: "POST", path: /^\/api\/uploads\/?$/, bucket: "upload" },
  { method: "POST", path: /^\/api\/references\/check\/?$/, bucket: "check" },
  { method: "POST", path: /^\/api\/token\/?$/, bucket: "token" },
  { method: "POST", path: /^\/api\/sign-in\/?$/, bucket: "sign-in" },
];

interface Limit {
  perMinute: number;
  burst: number;
}

/** Generous for a designer (a Generate every two seconds for a minute), tight for a script. */
const DEFAULTS: Record<RateBucket, Limit> = {
  submit: { perMinute: 30, burst: 10 },
  upload: { perMinute: 30, burst: 10 },
  check: { perMinute: 60, burst: 20 },
  token: { perMinute: 10, burst: 5 },
  "sign-in": { perMinute: 10, burst: 5 },
};

const NOUN: Record<RateBucket, string> = {
  submit: "submits",
  upload: "uploads",
  check: "reference checks",
  token: "token changes",
  "sign-in": "sign-in attempts",
};

const GLOBAL_FACTOR = 10;

export type RateLimiterFactory = (name: string, options: BucketOptions) => RateLimiter;

interface LimiterState {
  factory: RateLimiterFactory;
  limiters: Map<string, RateLimiter>;
}

declare global {
  // One set of buckets per process, even if Next evaluates this module per route bundle.
  var __kreaStudioRateLimits: LimiterState | undefined;
}

/** In Redis when REDIS_URL is set (counted across instances), else in this process. */
const defaultFactory: RateLimiterFactory = (name, options) =>
  envFrom().REDIS_URL ? new SharedRateLimiter(name, options) : new MemoryRateLimiter(options);

const state = (globalThis.__kreaStudioRateLimits ??= {
  factory: defaultFactory,
  limiters: new Map(),
});

/**
 * Puts the buckets in another store (Redis, Postgres…) when several studio
 * instances share one limit: the factory gets a bucket name and its options.
 */
export function setRateLimiterFactory(factory: RateLimiterFactory): void {
  state.factory = factory;
  state.limiters.clear();
}

/** Forgets every bucket (tests). */
export function resetRateLimits(): void {
  state.limiters.clear();
}

const ENV_NAME = {
  submit: "STUDIO_RATE_LIMIT_SUBMIT",
  upload: "STUDIO_RATE_LIMIT_UPLOAD",
  check: "STUDIO_RATE_LIMIT_CHECK",
  token: "STUDIO_RATE_LIMIT_TOKEN",
  "sign-in": "STUDIO_RATE_LIMIT_SIGN_IN",
} as const satisfies Record<RateBucket, string>;

/** The limit for a bucket: STUDIO_RATE_LIMIT_SUBMIT="30,10" (per minute, burst), or the default. */
export function limitFor(bucket: RateBucket, source?: EnvSource): Limit | null {
  const settings = envFrom(source);
  if (!settings.STUDIO_RATE_LIMIT) return null;
  const configured = settings[ENV_NAME[bucket]];
  if (configured === "off") return null;
  return configured ?? DEFAULTS[bucket];
}

function limiter(name: string, limit: Limit): RateLimiter {
  let found = state.limiters.get(name);
  if (!found) {
    found = state.factory(name, { capacity: limit.burst, refillPerSecond: limit.perMinute / 60 });
    state.limiters.set(name, found);
  }
  return found;
}

/**
 * Who a request counts against: the client-id cookie proxy.ts sets, or with
 * STUDIO_TRUST_PROXY=1 the address the (one) reverse proxy in front appended
 * to X-Forwarded-For. Requests with neither share one anonymous bucket.
 */
export function clientKey(request: Request, source?: EnvSource): string {
  if (envFrom(source).STUDIO_TRUST_PROXY) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",").pop()?.trim();
    if (forwarded) return `ip:${forwarded.slice(0, 64)}`;
  }
  const id = readCookie(request.headers.get("cookie"), CLIENT_COOKIE);
  return id && CLIENT_ID_PATTERN.test(id) ? `client:${id}` : "anonymous";
}

export function bucketFor(request: Request): RateBucket | null {
  const method = request.method.toUpperCase();
  const path = new URL(request.url).pathname;
  return RULES.find((r) => r.method === method && r.path.test(path))?.bucket ?? null;
}

/** Throws 429 with Retry-After when this client (or everyone together) has used up the bucket. */
export async function enforceRateLimit(request: Request): Promise<void> {
  const bucket = bucketFor(request);
  if (!bucket) return;
  const limit = limitFor(bucket);
  if (!limit) return;
  const client = await limiter(`${bucket}:client`, limit).take(clientKey(request));
  const decision = client.allowed
    ? await limiter(`${bucket}:global`, {
        perMinute: limit.perMinute * GLOBAL_FACTOR,
        burst: limit.burst * GLOBAL_FACTOR,
      }).take("global")
    : client;
  if (decision.allowed) return;
  const wait = Math.max(1, decision.retryAfter);
  throw new AppError("rate_limited", {
    detail: `Too many ${NOUN[bucket]}${client.allowed ? " from everyone using this studio" : ""}; try again in ${wait} s.`,
    retryAfter: wait,
    extensions: { bucket },
  });
}
