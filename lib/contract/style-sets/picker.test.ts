import { describe, expect, it } from "vitest";
import { nameClash } from "./names";
import { pickerSets } from "./picker";

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
