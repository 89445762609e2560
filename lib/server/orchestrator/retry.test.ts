import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import { withRetry, type RetryPolicy } from "./retry";

const policy: RetryPolicy = { attempts: 4, budgetMs: 10_000, baseDelayMs: 100, maxDelayMs: 1_000 };

function harness() {
  let clock = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    hooks: {
      now: () => clock,
      random: () => 1,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        clock += ms;
      },
    },
  };
}

describe("withRetry", () => {
  it("retries retryable failures with growing backoff, then succeeds", async () => {
    const h = harness();
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new AppError("unavailable", { detail: "down" });
        return "ok";
      },
      policy,
      h.hooks,
    );
    expect(value).toBe("ok");
    expect(calls).toBe(3);
    expect(h.sleeps).toEqual([100, 200]);
  });

  it("waits exactly what Retry-After asks", async () => {
    const h = harness();
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1)
          throw new AppError("rate_limited", { detail: "slow down", retryAfter: 2 });
        return 1;
      },
      policy,
      h.hooks,
    );
    expect(h.sleeps).toEqual([2000]);
  });

  it("gives up when Retry-After exceeds the time budget", async () => {
    const h = harness();
    const error = new AppError("rate_limited", { detail: "slow down", retryAfter: 60 });
    await expect(
      withRetry(
        async () => {
          throw error;
        },
        policy,
        h.hooks,
      ),
    ).rejects.toBe(error);
    expect(h.sleeps).toEqual([]);
  });

  it("never retries what is not safe to repeat", async () => {
    const h = harness();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new AppError("validation", { detail: "bad" });
        },
        policy,
        h.hooks,
      ),
    ).rejects.toThrow("bad");
    expect(calls).toBe(1);
  });

  it("stops after the last attempt", async () => {
    const h = harness();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new AppError("network", { detail: "unreachable" });
        },
        policy,
        h.hooks,
      ),
    ).rejects.toThrow("unreachable");
    expect(calls).toBe(4);
    expect(h.sleeps).toEqual([100, 200, 400]);
  });
});
