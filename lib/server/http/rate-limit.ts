// Rate limiting for paid submits and uploads. Token buckets in memory by
// default; the RateLimiter interface is what a shared store (Redis, Postgres)
// would implement for a studio running on several instances.
import "server-only";

export interface RateDecision {
  allowed: boolean;
  /** seconds until one more request would be allowed (0 when allowed) */
  retryAfter: number;
  remaining: number;
}

export interface RateLimiter {
  /** Takes `cost` tokens from `key`'s bucket if it has them. */
  take(key: string, cost?: number): Promise<RateDecision>;
}

export interface BucketOptions {
  /** burst size */
  capacity: number;
  /** tokens added per second */
  refillPerSecond: number;
  /** buckets kept at most (least recently used are dropped: they are full again anyway) */
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(private readonly options: BucketOptions) {
    this.now = options.now ?? Date.now;
  }

  async take(key: string, cost = 1): Promise<RateDecision> {
    const { capacity, refillPerSecond } = this.options;
    const now = this.now();
    const previous = this.buckets.get(key);
    const elapsed = previous ? (now - previous.at) / 1000 : 0;
    const tokens = Math.min(capacity, (previous?.tokens ?? capacity) + elapsed * refillPerSecond);
    this.buckets.delete(key);
    if (tokens >= cost) {
      this.buckets.set(key, { tokens: tokens - cost, at: now });
      this.evict();
      return { allowed: true, retryAfter: 0, remaining: Math.floor(tokens - cost) };
    }
    this.buckets.set(key, { tokens, at: now });
    this.evict();
    return {
      allowed: false,
      retryAfter: Math.ceil((cost - tokens) / refillPerSecond),
      remaining: 0,
    };
  }

  private evict(): void {
    const max = this.options.maxKeys ?? 10_000;
    while (this.buckets.size > max) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
