import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "./rate-limit";

describe("MemoryRateLimiter", () => {
  it("allows a burst, then refuses with the time until the next token", async () => {
    let clock = 0;
    const limiter = new MemoryRateLimiter({ capacity: 3, refillPerSecond: 0.5, now: () => clock });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take("a"));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]?.retryAfter).toBe(2);
    clock += 2_000;
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("a")).allowed).toBe(false);
  });

  it("keeps clients apart and forgets the least recent beyond maxKeys", async () => {
    const limiter = new MemoryRateLimiter({
      capacity: 1,
      refillPerSecond: 0.01,
      maxKeys: 2,
      now: () => 0,
    });
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("b")).allowed).toBe(true);
    expect((await limiter.take("a")).allowed).toBe(false);
    await limiter.take("c"); // pushes out "b", the least recently used
    expect((await limiter.take("b")).allowed).toBe(true);
  });

  it("charges a cost larger than one", async () => {
    const limiter = new MemoryRateLimiter({ capacity: 10, refillPerSecond: 1, now: () => 0 });
    expect((await limiter.take("a", 8)).remaining).toBe(2);
    const refused = await limiter.take("a", 5);
    expect([refused.allowed, refused.retryAfter]).toEqual([false, 3]);
  });
});
