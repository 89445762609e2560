import { describe, expect, it } from "vitest";
import { makeGeneration, makeRunning } from "@/lib/contract/generations/fixtures";
import { backoffDelay, lostReason, MAX_WATCHED, selectWatchIds, shouldReplace } from "./watch-plan";

describe("selectWatchIds", () => {
  it("keeps only unfinished, not excluded ids, sorted for a stable key", () => {
    const list = [
      makeRunning({ id: "c" }),
      makeGeneration({ id: "b" }),
      makeRunning({ id: "a" }),
      makeRunning({ id: "gone" }),
    ];
    expect(selectWatchIds(list, new Set(["gone"]))).toEqual(["a", "c"]);
    expect(selectWatchIds([makeGeneration()])).toEqual([]);
  });

  it("follows the newest 50 when more are unfinished", () => {
    // The cache is newest first, so the first 50 in order are the newest.
    const list = Array.from({ length: 80 }, (_, i) =>
      makeRunning({ id: `wf_${String(i).padStart(2, "0")}` }),
    );
    const ids = selectWatchIds(list);
    expect(ids).toHaveLength(MAX_WATCHED);
    expect(ids).toContain("wf_00");
    expect(ids).toContain("wf_49");
    expect(ids).not.toContain("wf_50");
  });
});

describe("backoffDelay", () => {
  it("doubles from 1 s and stops at 15 s", () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(backoffDelay)).toEqual([
      1000, 2000, 4000, 8000, 15000, 15000, 15000,
    ]);
  });
});

describe("shouldReplace", () => {
  it("never turns a final generation back into a running one", () => {
    const canceled = makeGeneration({ status: "canceled" });
    expect(shouldReplace(canceled, makeRunning())).toBe(false);
    expect(shouldReplace(makeRunning(), canceled)).toBe(true);
    expect(shouldReplace(undefined, makeRunning())).toBe(true);
    expect(shouldReplace(makeGeneration(), makeGeneration({ chargedBuzz: 0 }))).toBe(true);
  });
});

describe("lostReason", () => {
  it("says a deleted generation is no longer on the orchestrator", () => {
    expect(lostReason({ kind: "not_found", detail: "x", retryable: false })).toMatch(
      /^It was deleted/,
    );
    expect(lostReason({ kind: "forbidden", detail: "Not yours.", retryable: false })).toBe(
      "Not yours.",
    );
  });
});
