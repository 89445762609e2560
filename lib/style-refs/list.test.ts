import { describe, expect, it } from "vitest";
import { readyEntry, type ReferenceEntry } from "./entry";
import {
  appendEntries,
  LIST_FULL_MESSAGE,
  markReferenceErrors,
  moveEntry,
  patchEntry,
  removeEntry,
  setStrength,
} from "./list";

const entries = (n: number, from = 0): ReferenceEntry[] =>
  Array.from({ length: n }, (_, i) =>
    readyEntry({ imageUrl: `https://x.example/${from + i}.png`, strength: (from + i) / 10 }),
  );

describe("reference list changes", () => {
  it("appends up to ten", () => {
    const result = appendEntries(entries(8), entries(2, 8));
    expect(result.ok && result.list).toHaveLength(10);
  });

  it("refuses the eleventh with the message, and changes nothing", () => {
    const list = entries(10);
    const result = appendEntries(list, entries(1, 10));
    expect(result).toEqual({ ok: false, message: LIST_FULL_MESSAGE, room: 0 });
    expect(LIST_FULL_MESSAGE).toBe("At most 10 style references: remove one first");
    expect(list).toHaveLength(10);
  });

  it("refuses a batch that does not fit whole, saying how many would", () => {
    const result = appendEntries(entries(8), entries(3, 8));
    expect(result).toMatchObject({ ok: false, room: 2 });
    expect(!result.ok && result.message).toContain("only 2 more fit, not 3");
  });

  it("moves a row with its strength", () => {
    const list = entries(3);
    const moved = moveEntry(list, 2, 0);
    expect(moved.map((e) => e.strength)).toEqual([0.2, 0, 0.1]);
    expect(moved[0]?.key).toBe(list[2]?.key);
    expect(moveEntry(list, 0, 7)).toEqual(list);
  });

  it("patches and removes by key, and ignores a row that is gone", () => {
    const list = entries(2);
    const key = list[1]!.key;
    expect(patchEntry(list, key, { status: "error" })[1]?.status).toBe("error");
    expect(patchEntry(list, "gone", { status: "error" })).toBe(list);
    expect(removeEntry(list, key)).toHaveLength(1);
    expect(setStrength(list, key, 9)[1]?.strength).toBe(2);
  });
});

describe("markReferenceErrors", () => {
  it("puts each refused reference's message on its own row", () => {
    const rows = entries(3);
    const marked = markReferenceErrors(rows, {
      "imageStyleReferences.1.imageUrl": ["Reference 2 cannot be used: gone."],
      "imageStyleReferences.2.strength": ["strength out of range"],
      "imageStyleReferences.7.imageUrl": ["no such row"],
      prompt: ["not a reference"],
    });
    expect(marked[0]).toBe(rows[0]);
    expect(marked[1]).toMatchObject({
      status: "error",
      message: "Reference 2 cannot be used: gone.",
    });
    expect(marked[2]).toMatchObject({ status: "warning", message: "strength out of range" });
  });
});
