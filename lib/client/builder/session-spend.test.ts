import { describe, expect, it } from "vitest";
import type { Generation } from "@/lib/contract/generations/types";
import { memoryStore } from "@/lib/client/platform/session-store";
import {
  mergeCharges,
  mergePlanCharges,
  readSpend,
  recordGridStarted,
  recordSubmitted,
  totalSpend,
} from "./session-spend";

const gen = (id: string, chargedBuzz: number | null): Generation => ({
  id,
  status: "processing",
  final: false,
  createdAt: "2025-01-01T00:00:00Z",
  startedAt: null,
  completedAt: null,
  input: null,
  externalId: null,
  tags: [],
  metadata: {},
  progress: null,
  queuePosition: null,
  jobs: [],
  images: [],
  quotedBuzz: 0,
  chargedBuzz,
  errors: [],
  blocked: false,
  failureReason: null,
});

describe("session spend", () => {
  it("sums what was charged for this tab's generations only", () => {
    const store = memoryStore();
    recordSubmitted(store, gen("a", 78));
    recordSubmitted(store, gen("b", null));
    const record = mergeCharges(readSpend(store), [gen("b", 91), gen("other", 500)]);
    expect(totalSpend(record)).toEqual({ total: 169, count: 2, grids: [] });
  });

  it("follows refunds down and returns the same record when nothing changed", () => {
    const record = { a: 91 };
    expect(mergeCharges(record, [gen("a", 91)])).toBe(record);
    expect(mergeCharges(record, [gen("a", 46)])).toEqual({ a: 46 });
    // A cache entry without transactions yet does not erase a known charge.
    expect(mergeCharges(record, [gen("a", null)])).toBe(record);
  });

  it("survives a reload through storage and ignores junk", () => {
    const store = memoryStore();
    recordSubmitted(store, gen("a", 39));
    expect(readSpend(store)).toEqual({ a: 39 });
    store.setItem("krea-studio:session-spend", JSON.stringify({ a: "x", b: 2 }));
    expect(readSpend(store)).toEqual({ a: null, b: 2 });
    expect(totalSpend({})).toEqual({ total: 0, count: 0, grids: [] });
  });

  it("counts a grid started from this tab by what its plan reports spent, refunds included", () => {
    const store = memoryStore();
    recordSubmitted(store, gen("a", 78));
    recordGridStarted(store, "g_1");
    let record = readSpend(store);
    expect(totalSpend(record)).toEqual({ total: 78, count: 1, grids: ["g_1"] });
    record = mergePlanCharges(record, [
      { id: "g_1", spent: 468 },
      { id: "g_other", spent: 1000 },
    ]);
    expect(totalSpend(record)).toEqual({ total: 546, count: 1, grids: ["g_1"] });
    // Canceled: the orchestrator refunds, the plan reports less.
    record = mergePlanCharges(record, [{ id: "g_1", spent: 117 }]);
    expect(totalSpend(record).total).toBe(195);
    expect(mergePlanCharges(record, [{ id: "g_1", spent: 117 }])).toBe(record);
  });
});
