import { describe, expect, it } from "vitest";
import { Pacer } from "./pacer";

// A manual clock: sleeping advances it, so the pacing is checked without real time.
function clock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe("Pacer", () => {
  it("never runs more than maxInFlight requests at once", async () => {
    const pacer = new Pacer({ maxInFlight: 3, sendsPerSecond: 1000, burst: 1000, ...clock() });
    let open = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const runs = Array.from({ length: 10 }, () =>
      pacer.run("read", async () => {
        open++;
        most = Math.max(most, open);
        await new Promise<void>((r) => releases.push(r));
        open--;
      }),
    );
    let finished = false;
    const all = Promise.all(runs).then(() => (finished = true));
    while (!finished) {
      await new Promise((r) => setTimeout(r, 0));
      releases.splice(0).forEach((r) => r());
    }
    await all;
    expect(most).toBe(3);
    expect(pacer.maxInFlightSeen).toBe(3);
    expect(pacer.requests).toBe(10);
  });

  it("spaces sends after the burst and holds everyone after a 429", async () => {
    const c = clock();
    const pacer = new Pacer({ maxInFlight: 4, sendsPerSecond: 2, burst: 2, ...c });
    const at: number[] = [];
    for (let i = 0; i < 4; i++) await pacer.run("send", async () => void at.push(c.now()));
    expect(at).toEqual([0, 0, 500, 1000]);
    pacer.pause(3_000);
    await pacer.run("read", async () => void at.push(c.now()));
    expect(at[4]).toBe(4_000);
  });
});
