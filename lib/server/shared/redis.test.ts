// The shared store (REDIS_URL) between studio instances. Tests that need a real
// Redis run when REDIS_URL is set (`.ci/run` starts one; locally e.g.
// `REDIS_URL=redis://127.0.0.1:6379 npx vitest run lib/server/shared`) and say
// they were skipped otherwise; the unreachable-Redis cases always run.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { makeGeneration } from "@/lib/contract/generations/fixtures";
import { MemoryRateLimiter } from "@/lib/server/http/rate-limit";
import { SharedRateLimiter } from "@/lib/server/http/shared-rate-limit";
import { runOnce } from "./once-lock";
import { cachedFinal, forgetFinal, rememberFinal } from "@/lib/server/orchestrator/final-cache";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { closeSharedStore, pingSharedStore, SharedStoreUnavailable, withRedis } from "./redis";
import {
  announceSession,
  forwardJoin,
  onRemoteJoin,
  withdrawSession,
  type JoinMessage,
} from "@/lib/server/orchestrator/watch-fanout";

const REDIS_URL = process.env.REDIS_URL;
/** Nothing listens on port 1 of loopback: every command fails at once. */
const DEAD_REDIS = "redis://127.0.0.1:1";

afterAll(async () => {
  await closeSharedStore();
  if (REDIS_URL) process.env.REDIS_URL = REDIS_URL;
  else delete process.env.REDIS_URL;
});

describe("with Redis unreachable", () => {
  it("health says so with a reason, and a lock is never taken (the action never runs)", async () => {
    process.env.REDIS_URL = DEAD_REDIS;
    const health = await pingSharedStore();
    expect(health.ok).toBe(false);
    expect(health.reason).toMatch(/ECONNREFUSED|did not answer|connect/);
    let ran = 0;
    await expect(
      runOnce(`t:${randomUUID()}`, async () => {
        ran++;
        return { value: 1, id: "x" };
      }),
    ).rejects.toBeInstanceOf(SharedStoreUnavailable);
    expect(ran).toBe(0);
  });

  it("a shared rate limit falls back to this process's buckets", async () => {
    process.env.REDIS_URL = DEAD_REDIS;
    const limiter = new SharedRateLimiter("t", { capacity: 2, refillPerSecond: 0.001 });
    const taken = [];
    for (let i = 0; i < 3; i++) taken.push((await limiter.take("client:a")).allowed);
    expect(taken).toEqual([true, true, false]);
  });
});

describe.skipIf(!REDIS_URL)("with Redis (REDIS_URL)", () => {
  const use = () => {
    process.env.REDIS_URL = REDIS_URL;
  };

  it("answers a PING with its latency", async () => {
    use();
    const health = await pingSharedStore();
    expect(health).toMatchObject({ ok: true });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("two instances' limiters count one bucket (a burst of 3 is 3 across both)", async () => {
    use();
    const name = `t-${randomUUID()}`;
    const options = { capacity: 3, refillPerSecond: 0.001 };
    const a = new SharedRateLimiter(name, options);
    const b = new SharedRateLimiter(name, options);
    const decisions = await Promise.all([a, b, a, b, a, b].map((l) => l.take("client:x")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused?.retryAfter).toBeGreaterThan(0);
    // Another client has its own bucket; a memory limiter would have counted 3 per instance.
    expect((await b.take("client:y")).allowed).toBe(true);
    const local = [new MemoryRateLimiter(options), new MemoryRateLimiter(options)];
    const localAllowed = await Promise.all([0, 1, 0, 1, 0, 1].map((i) => local[i]!.take("c")));
    expect(localAllowed.filter((d) => d.allowed)).toHaveLength(6);
  });

  it("runs an action once for concurrent claims; the others get what it made", async () => {
    use();
    const name = `t-${randomUUID()}`;
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const action = async () => {
      runs++;
      await gate;
      return { value: "made", id: "wf_1" };
    };
    const claims = [runOnce(name, action), runOnce(name, action), runOnce(name, action)];
    await expect.poll(() => runs).toBe(1);
    release();
    const outcomes = await Promise.all(claims);
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.kind === "ran")).toEqual([{ kind: "ran", value: "made" }]);
    expect(outcomes.filter((o) => o.kind === "done")).toEqual([
      { kind: "done", id: "wf_1" },
      { kind: "done", id: "wf_1" },
    ]);
    // Later claims too, without running it again.
    expect(await runOnce(name, action)).toEqual({ kind: "done", id: "wf_1" });
    expect(runs).toBe(1);
  });

  it("a failed action frees the key; a holder that died frees it when its lock runs out", async () => {
    use();
    const failed = `t-${randomUUID()}`;
    await expect(
      runOnce(failed, async () => {
        throw new Error("upstream said no");
      }),
    ).rejects.toThrow("upstream said no");
    expect(await runOnce(failed, async () => ({ value: 2, id: "wf_2" }))).toEqual({
      kind: "ran",
      value: 2,
    });

    const dead = `t-${randomUUID()}`;
    // A lock left by a process killed mid-action, with 600 ms left to live.
    await withRedis((c) => c.set(`krea-studio:once:${dead}:lock`, "gone", "PX", 600));
    expect(await runOnce(dead, async () => ({ value: 3, id: "wf_3" }), { waitMs: 100 })).toEqual({
      kind: "busy",
    });
    expect(await runOnce(dead, async () => ({ value: 3, id: "wf_3" }), { waitMs: 5_000 })).toEqual({
      kind: "ran",
      value: 3,
    });
  });

  it("forwards a join to the instance that announced the tab's long-poll", async () => {
    use();
    const got: JoinMessage[] = [];
    onRemoteJoin((m) => got.push(m));
    const session = `s${randomUUID().replaceAll("-", "")}`.slice(0, 40);
    expect(await forwardJoin(session, "scope1", "wf_a")).toBeNull();
    await announceSession(session, "scope1", 7, 10_000);
    expect(await forwardJoin(session, "other-account", "wf_a")).toBeNull();
    expect(await forwardJoin(session, "scope1", "wf_b")).toBe(7);
    await expect.poll(() => got).toEqual([{ session, scope: "scope1", id: "wf_b" }]);
    await withdrawSession(session, 6); // an older long-poll's end leaves the newer one
    expect(await forwardJoin(session, "scope1", "wf_c")).toBe(7);
    await withdrawSession(session, 7);
    expect(await forwardJoin(session, "scope1", "wf_d")).toBeNull();
  });

  it("shares the finished-workflow cache: kept as the orchestrator's JSON, read back checked, forgotten for all", async () => {
    use();
    const target: OrchestratorTarget = {
      kind: "local",
      baseUrl: `http://cache-${randomUUID()}`,
      token: "t",
      source: "local",
    };
    const raw = { id: "wf_cached", status: "succeeded" };
    const read = (value: unknown) => {
      expect(value).toEqual(raw);
      return makeGeneration({ id: "wf_cached", status: "succeeded", final: true });
    };
    rememberFinal(
      target,
      makeGeneration({ id: "wf_cached", status: "succeeded", final: true }),
      Date.now(),
      raw,
    );
    // Another instance (no memory of it) reads it from Redis.
    await expect
      .poll(() => cachedFinal(target, "wf_cached", Date.now(), read))
      .toMatchObject({
        id: "wf_cached",
        final: true,
      });
    await forgetFinal(target, "wf_cached");
    expect(await cachedFinal(target, "wf_cached", Date.now(), read)).toBeUndefined();
    // Something that does not read back as a finished workflow is a miss, not an error.
    rememberFinal(
      target,
      makeGeneration({ id: "wf_other", status: "succeeded", final: true }),
      Date.now(),
      raw,
    );
    const broken = () => {
      throw new Error("not a workflow");
    };
    const good = () => makeGeneration({ id: "wf_other", status: "succeeded", final: true });
    await expect.poll(() => cachedFinal(target, "wf_other", Date.now(), good)).toBeDefined();
    expect(await cachedFinal(target, "wf_other", Date.now(), broken)).toBeUndefined();
  });
});
