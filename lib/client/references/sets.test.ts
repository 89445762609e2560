import { describe, expect, it } from "vitest";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { readyEntry, type ReferenceEntry } from "./entry";
import { setStrength } from "./list";
import { applySet, changedSinceOrigin, originOf, sameReferences, styleSetLink } from "./sets";

const set = (n: number, extra: Partial<StyleSet> = {}): StyleSet => ({
  id: "ss_aaaaaaaaaaaaaaaaaaaa",
  name: "Noir",
  note: "",
  version: 3,
  createdAt: "2030-01-01T00:00:00Z",
  updatedAt: "2030-01-01T00:00:00Z",
  deletedAt: null,
  updatedBy: "Ana",
  status: "draft",
  approvedVersion: null,
  statusBy: null,
  statusAt: null,
  proof: null,
  references: Array.from({ length: n }, (_, i) => ({
    imageUrl: `https://s.example/${i}.png`,
    strength: i % 2 ? -1.5 : 1,
    blobId: i === 0 ? "BLOB0.png" : null,
    label: `ref ${i}`,
  })),
  ...extra,
});
const entries = (n: number): ReferenceEntry[] =>
  Array.from({ length: n }, (_, i) => readyEntry({ imageUrl: `https://c.example/${i}.png` }));

describe("applying a style set", () => {
  it("replaces, and remembers the set", () => {
    const { change, origin } = applySet(entries(4), set(3), "replace", null);
    expect(change.ok && change.list.map((e) => e.label)).toEqual(["ref 0", "ref 1", "ref 2"]);
    expect(change.ok && change.list.map((e) => e.strength)).toEqual([1, -1.5, 1]);
    expect(origin).toMatchObject({ id: "ss_aaaaaaaaaaaaaaaaaaaa", name: "Noir", version: 3 });
  });

  it("appends after the current references and keeps their origin", () => {
    const before = originOf(set(1, { id: "ss_bbbbbbbbbbbbbbbbbbbb", name: "Other" }));
    const { change, origin } = applySet(entries(2), set(3), "append", before);
    expect(change.ok && change.list).toHaveLength(5);
    expect(origin).toBe(before);
  });

  it("treats append onto nothing as a replace", () => {
    expect(applySet([], set(2), "append", null).origin?.name).toBe("Noir");
  });

  it("refuses an append beyond ten and says how many fit", () => {
    const current = entries(8);
    const { change } = applySet(current, set(3), "append", null);
    expect(change).toMatchObject({ ok: false, room: 2 });
    expect(!change.ok && change.message).toBe(
      "“Noir” has 3 references and only 2 more fit (10 at most). Remove some first, or Replace instead.",
    );
    expect(current).toHaveLength(8);
  });
});

describe("are the references still the set's?", () => {
  const applied = applySet([], set(3), "replace", null);
  const list = applied.change.ok ? applied.change.list : [];
  const origin = applied.origin;

  it("links a submit to the set while nothing changed", () => {
    expect(styleSetLink(list, origin)).toEqual({ id: "ss_aaaaaaaaaaaaaaaaaaaa", version: 3 });
    expect(changedSinceOrigin(list, origin)).toBe(false);
  });

  it("keeps the link when an upload's URL was refreshed (same blob)", () => {
    const refreshed = list.map((e, i) =>
      i === 0 ? { ...e, imageUrl: "https://fresh.example/new" } : e,
    );
    expect(sameReferences(refreshed, origin?.references ?? [])).toBe(true);
  });

  it("drops the link on any change: strength, order, a row more or less", () => {
    const key = list[1]!.key;
    expect(styleSetLink(setStrength(list, key, 0.5), origin)).toBeNull();
    expect(styleSetLink([...list].reverse(), origin)).toBeNull();
    expect(styleSetLink(list.slice(1), origin)).toBeNull();
    expect(changedSinceOrigin(list.slice(1), origin)).toBe(true);
    // …and a strength put back restores it
    expect(
      styleSetLink(setStrength(setStrength(list, key, 0.5), key, -1.5), origin),
    ).not.toBeNull();
  });

  it("never links without an origin or without references", () => {
    expect(styleSetLink(list, null)).toBeNull();
    expect(styleSetLink([], origin)).toBeNull();
    expect(changedSinceOrigin([], origin)).toBe(false);
  });
});
