import { describe, expect, it } from "vitest";
import type { ResolvedKreaInput } from "@/lib/krea/schema";
import {
  newPendingSubmit,
  PENDING_MAX_AGE_MS,
  PENDING_SUBMITS_KEY,
  readPendingSubmits,
  removePendingSubmit,
  savePendingSubmit,
  submitPath,
  waitFor,
} from "./pending-submits";
import { memoryStore } from "./session-store";

const input: ResolvedKreaInput = {
  prompt: "a lighthouse at dusk",
  size: "medium",
  aspectRatio: "16:9",
  creativity: "raw",
  quantity: 2,
  seed: 1234,
  imageStyleReferences: [],
};

describe("pending submits", () => {
  it("keeps the style set with the request, so a resend names the same set", () => {
    const store = memoryStore();
    const now = Date.now();
    const entry = newPendingSubmit(input, now, { id: "ss_abcdefghij0123456789", version: 3 });
    savePendingSubmit(store, entry);
    const [read] = readPendingSubmits(store, now);
    expect(read).toEqual(entry);
    expect(submitPath(entry)).toBe(
      "/api/workflows?wait=4&styleSet=ss_abcdefghij0123456789&styleSetVersion=3",
    );
    expect(submitPath(newPendingSubmit(input, now))).toBe("/api/workflows?wait=4");
  });

  it("drops a malformed style set but keeps the submit", () => {
    const store = memoryStore();
    const now = Date.now();
    const entry = newPendingSubmit(input, now);
    store.setItem(
      PENDING_SUBMITS_KEY,
      JSON.stringify([{ ...entry, styleSet: { id: "../../x", version: 1 } }]),
    );
    expect(readPendingSubmits(store, now)).toEqual([entry]);
  });

  it("keeps a submit with its key until it settles", () => {
    const store = memoryStore();
    const now = Date.now();
    const a = newPendingSubmit(input, now - 2000);
    const b = newPendingSubmit({ ...input, quantity: 5 }, now - 1000);
    expect(a.key).not.toBe(b.key);
    savePendingSubmit(store, a);
    savePendingSubmit(store, b);
    expect(readPendingSubmits(store, now)).toEqual([a, b]);
    removePendingSubmit(store, a.key);
    expect(readPendingSubmits(store, now)).toEqual([b]);
    removePendingSubmit(store, b.key);
    expect(store.data.has(PENDING_SUBMITS_KEY)).toBe(false);
  });

  it("saving the same key twice keeps one entry (a retry is not a second submit)", () => {
    const store = memoryStore();
    const a = newPendingSubmit(input);
    savePendingSubmit(store, a);
    savePendingSubmit(store, a);
    expect(readPendingSubmits(store)).toHaveLength(1);
  });

  it("drops entries that are stale, tampered with, or not a Krea input", () => {
    const store = memoryStore();
    const ok = newPendingSubmit(input, 0);
    store.setItem(
      PENDING_SUBMITS_KEY,
      JSON.stringify([
        ok,
        { ...ok, key: "bad key!" },
        { ...ok, key: "k2", input: { ...input, size: "xl" } },
        { ...ok, key: "k3", input: { ...input, seed: null } },
        "junk",
      ]),
    );
    expect(readPendingSubmits(store, 10).map((e) => e.key)).toEqual([ok.key]);
    expect(readPendingSubmits(store, PENDING_MAX_AGE_MS + 1)).toEqual([]);
    store.setItem(PENDING_SUBMITS_KEY, "{not json");
    expect(readPendingSubmits(store)).toEqual([]);
  });

  it("works without storage at all", () => {
    expect(readPendingSubmits(null)).toEqual([]);
    expect(() => savePendingSubmit(null, newPendingSubmit(input))).not.toThrow();
  });

  it("waits briefly only for one or two medium images", () => {
    expect(waitFor({ size: "medium", quantity: 1 })).toBe(4);
    expect(waitFor({ size: "medium", quantity: 2 })).toBe(4);
    expect(waitFor({ size: "medium", quantity: 3 })).toBe(0);
    expect(waitFor({ size: "large", quantity: 1 })).toBe(0);
  });
});
