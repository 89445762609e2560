import { describe, expect, it } from "vitest";
import { lostIndices, lostSummary } from "./health";

describe("lostSummary", () => {
  const refs = [{ label: "fox.png" }, { label: null }, { label: "sea.png" }];

  it("says nothing when every reference is fine", () => {
    expect(
      lostSummary(
        lostIndices([
          { index: 0, state: "alive" },
          { index: 1, state: "link" },
        ]),
        refs,
      ),
    ).toBeNull();
  });

  it("names one lost reference and what to do", () => {
    expect(lostSummary([0], refs)).toBe(
      "Reference 1 (“fox.png”) can't be restored: its image expired on the orchestrator and this studio has no copy of it. Remove it from the set, or add the same image again and update the set.",
    );
  });

  it("names several, by number and label", () => {
    expect(lostSummary([0, 1, 2], refs)).toMatch(
      /^References 1 \(“fox.png”\), 2 and 3 \(“sea.png”\) can't be restored: their images/,
    );
  });
});
