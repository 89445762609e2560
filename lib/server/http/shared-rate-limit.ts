import "server-only";
import type { Redis } from "ioredis";
import { sharedKey, SharedStoreUnavailable, withRedis } from "@/lib/server/shared/redis";
import {
  MemoryRateLimiter,
  type BucketOptions,
  type RateDecision,
  type RateLimiter,
} from "./rate-limit";

// The token buckets in Redis (REDIS_URL), so every instance of the studio counts
// against the same limit. The same arithmetic as MemoryRateLimiter, done in one
// script on Redis's clock (no two instances' clocks disagree about a refill).
// While Redis is unreachable each instance counts on its own again: a limit is a
// courtesy, not a guarantee, and the paid path has its own guard (idempotency.ts).

const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if saved[1] then
  tokens = math.min(capacity, tonumber(saved[1]) + math.max(0, now - tonumber(saved[2])) / 1000 * rate)
end
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return { allowed, tostring(tokens) }
`;

/** Lua hands back an array of an integer and a string; anything else is a broken server. */
function readReply(reply: unknown): { allowed: boolean; tokens: number } {
  if (Array.isArray(reply) && typeof reply[0] === "number" && typeof reply[1] === "string") {
    return { allowed: reply[0] === 1, tokens: Number(reply[1]) };
  }
  throw new SharedStoreUnavailable("unexpected answer from the rate-limit script");
}

export class SharedRateLimiter implements RateLimiter {
  private readonly local: MemoryRateLimiter;

  constructor(
    private readonly name: string,
    private readonly options: BucketOptions,
    private readonly run: <T>(use: (client: Redis) => Promise<T>) => Promise<T> = withRedis,
  ) {
    this.local = new MemoryRateLimiter(options);
  }

  async take(key: string, cost = 1): Promise<RateDecision> {
    const { capacity, refillPerSecond } = this.options;
    // A bucket untouched for as long as it takes to refill is full: let it expire.
    const ttlMs = Math.ceil((capacity / refillPerSecond) * 1000) + 1_000;
    try {
      const { allowed, tokens } = readReply(
        await this.run((client) =>
          client.eval(
            TAKE,
            1,
            sharedKey("rate", this.name, key),
            capacity,
            refillPerSecond,
            cost,
            ttlMs,
          ),
        ),
      );
      return allowed
        ? { allowed, retryAfter: 0, remaining: Math.floor(tokens) }
        : { allowed, retryAfter: Math.ceil((cost - tokens) / refillPerSecond), remaining: 0 };
    } catch (error) {
      if (!(error instanceof SharedStoreUnavailable)) throw error;
      return this.local.take(key, cost);
    }
  }
}
