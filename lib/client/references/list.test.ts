import { describe, expect, it } from "vitest";
import { readyEntry, type ReferenceEntry } from "./entry";
import {
  appendEntries,
  isListFullMessage,
  LIST_FULL_MESSAGE,
  markReferenceErrors,
  moveEntry,
  patchEntry,
  removeEntry,
  restoreEntry,
  setStrength,
} from "./list";

const entries = (n: number, from = 0): ReferenceEntry[] =>
  Array.from({ length: n }, (_, i) =>
    readyEntry({ imageUrl: `https://x.example/${from + i}.png`, strength: (from + i) / 10 }),
  );

describe("reference list changes", () => {
  it("appends up to ten", () => {
    const result = appendEntries(entries(8), entries(2, 8));
    expect(result.list).toHaveLength(10);
    expect(result.message).toBeNull();
  });

  it("refuses the eleventh with the message, and changes nothing", () => {
    const list = entries(10);
    const result = appendEntries(list, entries(1, 10));
    expect(result.kept).toEqual([]);
    expect(result.message).toBe(LIST_FULL_MESSAGE);
    expect(LIST_FULL_MESSAGE).toBe("At most 10 style references: remove one first");
    expect(isListFullMessage(result.message!)).toBe(true);
    expect(list).toHaveLength(10);
  });

  it("takes as many of a batch as fit and names the ones left out", () => {
    const added = entries(3, 8).map((e, i) => ({ ...e, label: `${"abc"[i]}.png` }));
    const result = appendEntries(entries(9), added);
    expect(result.list).toHaveLength(10);
    expect(result.kept.map((e) => e.label)).toEqual(["a.png"]);
    expect(result.leftOut.map((e) => e.label)).toEqual(["b.png", "c.png"]);
    expect(result.message).toBe(
      "At most 10 style references: added 1 of 3. Left out: “b.png” and “c.png”.",
    );
    expect(isListFullMessage(result.message!)).toBe(false);
  });

  it("puts a removed row back in its place, while there is room", () => {
    const list = entries(3);
    const [, second] = list;
    const without = removeEntry(list, second!.key);
    expect(restoreEntry(without, second!, 1)?.map((e) => e.key)).toEqual(list.map((e) => e.key));
    expect(restoreEntry(entries(10, 20), second!, 1)).toBeNull();
    expect(restoreEntry(list, second!, 1)).toBeNull();
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
