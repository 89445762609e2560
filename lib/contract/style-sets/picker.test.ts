import { describe, expect, it } from "vitest";
import { nameClash } from "./names";
import { hiddenRetiredText, pickerSets, retiredCount } from "./picker";

describe("pickerSets", () => {
  it("puts approved sets first, keeps the list's order within a group, leaves retired out", () => {
    const sets = [
      { id: "a", status: "draft" },
      { id: "b", status: "retired" },
      { id: "c", status: "approved" },
      { id: "d", status: "draft" },
      { id: "e", status: "approved" },
    ] as const;
    expect(pickerSets(sets).map((s) => s.id)).toEqual(["c", "e", "a", "d"]);
  });

  it("leaves binned sets out too", () => {
    const sets = [
      { id: "a", status: "approved", deletedAt: "2026-01-01T00:00:00.000Z" },
      { id: "b", status: "draft", deletedAt: null },
    ] as const;
    expect(pickerSets(sets).map((s) => s.id)).toEqual(["b"]);
  });

  it("counts the retired sets it hides, so an empty picker can say where they are", () => {
    const retired = [{ status: "retired" }, { status: "retired" }] as const;
    expect(retiredCount(retired)).toBe(2);
    expect(hiddenRetiredText(retired)).toBe("2 retired sets are hidden here");
    expect(hiddenRetiredText([{ status: "retired" }])).toBe("1 retired set is hidden here");
    expect(hiddenRetiredText([{ status: "draft" }])).toBeNull();
  });
});

describe("nameClash", () => {
  const sets = [
    { id: "1", name: "Noir" },
    { id: "2", name: "Pastel" },
  ];
  it("warns when another set has the name, whatever the case and spaces", () => {
    expect(nameClash(" noir ", sets)).toMatch(/already called “Noir”/);
    expect(nameClash("Noir", sets, "1")).toBeNull();
    expect(nameClash("Noir 2", sets)).toBeNull();
    expect(nameClash("  ", sets)).toBeNull();
  });
});
