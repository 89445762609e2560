import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import { CircuitBreaker } from "./breaker";

function harness() {
  let clock = 0;
  const breaker = new CircuitBreaker({
    threshold: 3,
    coolDownMs: 1_000,
    maxCoolDownMs: 4_000,
    now: () => clock,
  });
  const outage = new AppError("unavailable", { detail: "503" });
  const call = (ok: boolean) => {
    const done = breaker.before("Civitai");
    done();
    if (ok) breaker.success();
    else breaker.failure(outage);
  };
  return { breaker, call, tick: (ms: number) => (clock += ms) };
}

describe("CircuitBreaker", () => {
  it("opens after consecutive outages and fails fast while open", () => {
    const { breaker, call } = harness();
    call(false);
    call(false);
    expect(breaker.state).toBe("closed");
    call(false);
    expect(breaker.state).toBe("open");
    expect(() => breaker.before("Civitai")).toThrow(/paused requests/);
    expect(breaker.status().retryAt).toBe(new Date(1_000).toISOString());
  });

  it("lets one trial through after the cool-down and closes on its success", () => {
    const { breaker, call, tick } = harness();
    for (let i = 0; i < 3; i++) call(false);
    tick(1_000);
    expect(breaker.state).toBe("half-open");
    const done = breaker.before("Civitai");
    expect(() => breaker.before("Civitai")).toThrow(AppError); // only one trial at a time
    done();
    breaker.success();
    expect(breaker.state).toBe("closed");
  });

  it("doubles the cool-down when the trial fails, up to the ceiling", () => {
    const { breaker, call, tick } = harness();
    for (let i = 0; i < 3; i++) call(false); // t=0: open until 1000
    const openUntil = () => Date.parse(breaker.status().retryAt ?? "");
    const seen: number[] = [openUntil()];
    for (const wait of [1_000, 2_000, 4_000]) {
      tick(wait); // reach the end of the cool-down
      call(false); // the trial fails
      seen.push(openUntil());
    }
    expect(seen).toEqual([1_000, 3_000, 7_000, 11_000]);
  });

  it("ignores failures that are not outages", () => {
    const { breaker } = harness();
    for (let i = 0; i < 5; i++) breaker.failure(new AppError("validation", { detail: "bad" }));
    expect(breaker.state).toBe("closed");
  });
});
