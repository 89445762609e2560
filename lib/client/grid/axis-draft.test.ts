import { describe, expect, it } from "vitest";
import { draftToAxis, newDraft, withSetToggled } from "./axis-draft";

const v = (version: number) => ({
  id: "s_brand",
  version,
  name: "Brand",
  references: [{ imageUrl: `https://images.example/${version}.png`, strength: 1 }],
});

describe("style-set axis draft", () => {
  it("needs two ticked versions, and two versions of one set are two values", () => {
    const empty = newDraft("styleSet", () => 1);
    expect(draftToAxis(empty)).toEqual({
      ok: false,
      message: "Tick at least two style sets, or two versions of one set.",
    });
    const one = withSetToggled(empty, v(1), true);
    expect(draftToAxis(one).ok).toBe(false);
    const two = withSetToggled(one, v(2), true);
    expect(draftToAxis(two)).toEqual({
      ok: true,
      axis: { kind: "styleSet", values: [v(1), v(2)] },
    });
    // Unticking removes only that version; ticking it twice keeps one.
    expect(withSetToggled(two, v(1), false).sets).toEqual([v(2)]);
    expect(withSetToggled(two, v(2), true).sets).toEqual([v(1), v(2)]);
  });
});
