import { describe, expect, it } from "vitest";
import { makeGeneration, makeRunning } from "@/lib/contract/generations/fixtures";
import { ESTIMATE_CEILING, estimateProgress, timeFraction } from "./progress";
import type { GenerationJob } from "@/lib/contract/generations/types";

const t0 = Date.parse("2026-01-01T10:00:00.000Z");
const at = (s: number) => new Date(t0 + s * 1000).toISOString();
const job = (overrides: Partial<GenerationJob> = {}): GenerationJob => ({
  id: "j",
  status: "processing",
  cost: 39,
  progress: null,
  queuePosition: null,
  startedAt: at(0),
  completedAt: null,
  ...overrides,
});

describe("timeFraction", () => {
  it("starts at zero, rises, and never reaches the ceiling", () => {
    expect(timeFraction(0, 15)).toBe(0);
    expect(timeFraction(-3, 15)).toBe(0);
    const samples = [1, 5, 15, 30, 120, 10_000].map((s) => timeFraction(s, 15));
    for (let i = 1; i < samples.length; i++) expect(samples[i]).toBeGreaterThan(samples[i - 1]!);
    expect(samples.at(-1)).toBeLessThanOrEqual(ESTIMATE_CEILING);
    expect(timeFraction(15, 15)).toBeGreaterThan(0.8);
  });
});

describe("estimateProgress", () => {
  it("is done when final, with the wall time as elapsed", () => {
    const p = estimateProgress(makeGeneration({ createdAt: at(0), completedAt: at(9) }), t0 + 60e3);
    expect(p).toMatchObject({ fraction: 1, phase: "done", elapsedSeconds: 9 });
  });

  it("prefers the orchestrator's rate when it is ahead of the clock", () => {
    const g = makeRunning({ createdAt: at(0), startedAt: at(0), progress: 0.7 });
    expect(estimateProgress(g, t0 + 1000).fraction).toBeCloseTo(0.7);
  });

  it("falls back on elapsed time against the tier's typical time, below 100 %", () => {
    const g = makeRunning({ createdAt: at(0), startedAt: at(0) });
    const early = estimateProgress(g, t0 + 2_000).fraction;
    const late = estimateProgress(g, t0 + 600_000).fraction;
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(early);
    expect(late).toBeLessThan(1);
  });

  it("moves slower on the large tier", () => {
    const medium = makeRunning({ createdAt: at(0), startedAt: at(0) });
    const large = makeRunning({
      createdAt: at(0),
      startedAt: at(0),
      input: { ...medium.input!, size: "large" },
    });
    expect(estimateProgress(large, t0 + 10e3).fraction).toBeLessThan(
      estimateProgress(medium, t0 + 10e3).fraction,
    );
  });

  it("averages a batch's jobs: finished count fully, queued count nothing", () => {
    const g = makeRunning({
      createdAt: at(0),
      startedAt: at(0),
      jobs: [
        job({ status: "succeeded", completedAt: at(5) }),
        job({ status: "unassigned", startedAt: null, queuePosition: 2 }),
      ],
    });
    const p = estimateProgress(g, t0 + 5_000);
    expect(p.fraction).toBeCloseTo(0.5);
    expect(p).toMatchObject({ imagesDone: 1, imagesTotal: 2, phase: "running" });
  });

  it("is queued at zero before anything started", () => {
    const g = makeRunning({ status: "unassigned", startedAt: null, createdAt: at(0) });
    expect(estimateProgress(g, t0 + 20_000)).toMatchObject({
      fraction: 0,
      phase: "queued",
      elapsedSeconds: 20,
    });
  });

  it("never claims 100 % while unfinished, even when the rate says 1", () => {
    const g = makeRunning({ progress: 1 });
    expect(estimateProgress(g, t0).fraction).toBeLessThan(1);
  });
});
