import { describe, expect, it } from "vitest";
import type { KreaInput } from "@/lib/contract/krea/schema";
import {
  newPendingSubmit,
  PENDING_MAX_AGE_MS,
  PENDING_SUBMITS_KEY,
  readPendingSubmits,
  removePendingSubmit,
  savePendingSubmit,
  savePendingSubmits,
  submitPath,
} from "./pending-submits";
import { memoryStore } from "@/lib/client/platform/session-store";
import { UNKNOWN_ACCOUNT } from "@/lib/client/platform/submit-account";

const account = { fingerprint: "acct_local_0123456789", label: "the local engine" };

const input: KreaInput & { seed: number } = {
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
    const entry = newPendingSubmit(input, now, {
      account,
      styleSet: { id: "ss_abcdefghij0123456789", version: 3 },
    });
    savePendingSubmit(store, entry);
    const [read] = readPendingSubmits(store, now);
    expect(read).toEqual(entry);
    expect(submitPath(entry)).toBe(
      "/api/workflows?wait=0&styleSet=ss_abcdefghij0123456789&styleSetVersion=3",
    );
    expect(submitPath(newPendingSubmit(input, now, { account }))).toBe("/api/workflows?wait=0");
    // With a studio context too: both reach the route.
    const both = newPendingSubmit(input, now, {
      account,
      context: { parent: "wf_1", lineage: "remix" },
      styleSet: { id: "ss_abcdefghij0123456789", version: 3 },
    });
    const params = new URL(submitPath(both), "http://x").searchParams;
    expect(Object.fromEntries(params)).toEqual({
      parent: "wf_1",
      lineage: "remix",
      wait: "0",
      styleSet: "ss_abcdefghij0123456789",
      styleSetVersion: "3",
    });
  });

  it("drops a malformed style set but keeps the submit", () => {
    const store = memoryStore();
    const now = Date.now();
    const entry = newPendingSubmit(input, now, { account });
    store.setItem(
      PENDING_SUBMITS_KEY,
      JSON.stringify([{ ...entry, styleSet: { id: "../../x", version: 1 } }]),
    );
    expect(readPendingSubmits(store, now)).toEqual([entry]);
  });

  it("keeps a submit with its key until it settles", () => {
    const store = memoryStore();
    const now = Date.now();
    const a = newPendingSubmit(input, now - 2000, { account });
    const b = newPendingSubmit({ ...input, quantity: 5 }, now - 1000, { account });
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
    const a = newPendingSubmit(input, undefined, { account });
    savePendingSubmit(store, a);
    savePendingSubmit(store, a);
    expect(readPendingSubmits(store)).toHaveLength(1);
  });

  it("drops entries that are stale, tampered with, or not a Krea input", () => {
    const store = memoryStore();
    const ok = newPendingSubmit(input, 0, { account });
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
    expect(() =>
      savePendingSubmit(null, newPendingSubmit(input, undefined, { account })),
    ).not.toThrow();
  });

  it("returns at once: the card shows as soon as the workflow exists", () => {
    expect(newPendingSubmit(input, undefined, { account }).wait).toBe(0);
    expect(
      newPendingSubmit({ ...input, size: "large", quantity: 4 }, undefined, { account }).wait,
    ).toBe(0);
  });

  it("keeps every member of a Compare click with its own key and context before any is sent", () => {
    const store = memoryStore();
    const members = (["medium", "large"] as const).map((size) =>
      newPendingSubmit({ ...input, size }, Date.now(), {
        account,
        context: { pair: "p_1", parent: "wf_1", lineage: "reuse" },
        group: "click-1",
        wait: 0,
      }),
    );
    savePendingSubmits(store, members);
    const read = readPendingSubmits(store);
    expect(read).toEqual(members);
    expect(new Set(read.map((e) => e.key)).size).toBe(2);
    expect(read[0]?.query).toBe("parent=wf_1&lineage=reuse&pair=p_1");
    // One answered: the other is still there for a reload to resend.
    removePendingSubmit(store, members[0]!.key);
    expect(readPendingSubmits(store)).toEqual([members[1]]);
  });

  it("drops an entry whose context the studio would refuse, and reads old entries without one", () => {
    const store = memoryStore();
    const ok = newPendingSubmit(input, 0, { account });
    const { query: _omitted, ...old } = ok;
    store.setItem(
      PENDING_SUBMITS_KEY,
      JSON.stringify([old, { ...ok, key: "k2", query: "lineage=clone&parent=wf_1" }]),
    );
    expect(readPendingSubmits(store, 10)).toEqual([{ ...ok, query: "" }]);
  });

  it("keeps the account a submit was made for; one kept without it can only wait", () => {
    const store = memoryStore();
    const entry = newPendingSubmit(input, 0, { account });
    const { account: _none, ...old } = entry;
    const forged = { ...entry, key: "k3", account: { fingerprint: "x", label: "" } };
    store.setItem(PENDING_SUBMITS_KEY, JSON.stringify([entry, { ...old, key: "k2" }, forged]));
    expect(readPendingSubmits(store, 10).map((e) => e.account)).toEqual([
      account,
      UNKNOWN_ACCOUNT,
      UNKNOWN_ACCOUNT,
    ]);
  });
});
