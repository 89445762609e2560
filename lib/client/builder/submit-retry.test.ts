import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "@/lib/client/platform/api-client";
import { retryClick, SubmitGaveUp, type RetryNotice } from "./submit-retry";

/** A clock that only moves when the code under test sleeps. */
function fakeTime() {
  let clock = 0;
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 1,
    advance: (ms: number) => (clock += ms),
  };
}

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiError(status, { detail: `the studio answered ${status}`, ...extra });

describe("retryClick", () => {
  it("retries what may heal with growing delays and returns the first success", async () => {
    const time = fakeTime();
    const failures = [new NetworkError(new Error("reset")), problem(503), problem(502)];
    const notices: RetryNotice[] = [];
    let attempts = 0;
    const result = await retryClick(
      async () => {
        attempts++;
        const next = failures.shift();
        if (next) throw next;
        return "workflow";
      },
      { ...time, onRetry: (n) => notices.push(n) },
    );
    expect(result).toBe("workflow");
    expect(attempts).toBe(4);
    expect(time.sleeps).toEqual([1000, 2000, 4000]);
    expect(notices[0]?.message).toMatch(/did not reach the studio.*same request/);
  });

  it("waits as long as a 429 asks", async () => {
    const time = fakeTime();
    let first = true;
    await retryClick(async () => {
      if (!first) return "ok";
      first = false;
      throw problem(429, { retryAfter: 12, detail: "Too many submits; try again in 12 s." });
    }, time);
    expect(time.sleeps).toEqual([12_000]);
  });

  it("does not retry what cannot heal", async () => {
    const time = fakeTime();
    await expect(retryClick(() => Promise.reject(problem(400)), time)).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(time.sleeps).toEqual([]);
  });

  it("gives up once the budget is spent, saying the request is kept and cannot charge twice", async () => {
    const time = fakeTime();
    let attempts = 0;
    const failure = retryClick(
      async () => {
        attempts++;
        throw problem(503, { detail: "The orchestrator is unavailable (503)." });
      },
      { ...time, budgetMs: 60_000 },
    );
    await expect(failure).rejects.toBeInstanceOf(SubmitGaveUp);
    await expect(failure).rejects.toThrow(
      /unavailable \(503\)\. Gave up after 60 s\. .*same key, so it cannot be charged twice/,
    );
    expect(time.now()).toBeLessThanOrEqual(60_000);
    expect(attempts).toBeGreaterThan(3);
  });

  it("gives up at once when Retry-After is beyond the budget", async () => {
    const time = fakeTime();
    const failure = retryClick(() => Promise.reject(problem(429, { retryAfter: 90 })), time);
    await expect(failure).rejects.toThrow(/asks to wait 90 s/);
    expect(time.sleeps).toEqual([]);
  });

  it("cuts an attempt that hangs at the deadline", async () => {
    const started = Date.now();
    const failure = retryClick(
      (signal) =>
        new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
      { budgetMs: 150 },
    );
    await expect(failure).rejects.toThrow(/did not answer in time\. Gave up after 1 s/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops without an error message when discarded", async () => {
    const discard = new AbortController();
    const failure = retryClick(
      async () => {
        discard.abort(new DOMException("discarded", "AbortError"));
        throw new NetworkError(new Error("offline"));
      },
      { signal: discard.signal },
    );
    await expect(failure).rejects.toMatchObject({ name: "AbortError" });
  });
});
