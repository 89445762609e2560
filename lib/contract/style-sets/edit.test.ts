import { describe, expect, it } from "vitest";
import { applyDiff, diffVersions, describeDiff, namesByKey } from "./diff";
import { moveItem, readReferenceDraft } from "./edit";

const ink = { imageUrl: "https://example.com/ink.png", strength: 1.5, label: "ink.png" };
const neon = { imageUrl: "https://example.org/neon.png", strength: -0.5, label: "neon.png" };

describe("readReferenceDraft", () => {
  it("reads typed strengths, and the saved change is the diff the history shows", () => {
    const rows = moveItem([ink, neon], 1, 0).map((ref) => ({
      ref,
      text: ref === ink ? "0.5" : "−0.5",
    }));
    const draft = readReferenceDraft(rows);
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.references.map((r) => [r.label, r.strength])).toEqual([
      ["neon.png", -0.5],
      ["ink.png", 0.5],
    ]);
    const before = { name: "n", note: "", references: [ink, neon] };
    const after = { ...before, references: draft.references };
    const diff = diffVersions(before, after);
    expect(applyDiff(before, diff).references).toEqual(draft.references);
    const names = namesByKey(before.references, after.references);
    expect(describeDiff(diff, (k) => names.get(k) ?? k)).toEqual(
      expect.arrayContaining(["Strength of ink.png: 1.5 → 0.5", "Moved neon.png from 2 to 1"]),
    );
  });

  it("refuses a row that is no number or empty, naming the row; clamps with a note", () => {
    expect(
      readReferenceDraft([
        { ref: ink, text: "lots" },
        { ref: neon, text: " " },
      ]),
    ).toEqual({
      ok: false,
      errors: {
        0: expect.stringMatching(/Type a number/),
        1: expect.stringMatching(/Type a strength/),
      },
    });
    const clamped = readReferenceDraft([{ ref: ink, text: "3" }]);
    expect(clamped).toMatchObject({ ok: true, notes: { 0: expect.stringMatching(/outside/) } });
    expect(clamped.ok && clamped.references[0]?.strength).toBe(2);
  });
});

describe("moveItem", () => {
  it("moves within the list and stays inside it", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});
