// The builder's side of the Krea field table: the draft's defaults and Reuse
// follow each row (lib/contract/krea/fields.ts), whatever fields it has.
import { describe, expect, it } from "vitest";
import { KREA_FIELDS, KREA_SETTINGS, type FieldRow } from "@/lib/contract/krea/fields";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import { memoryStore } from "@/lib/client/platform/session-store";
import { DEFAULT_VALUES, readDraft, writeDraft } from "./draft";
import { planLoad } from "./load-request";

const rows = KREA_SETTINGS.map((name) => [name, KREA_FIELDS[name] as FieldRow] as const);

describe("the builder follows the field table", () => {
  it("starts every setting at its row's default", () => {
    expect(Object.keys(DEFAULT_VALUES).sort()).toEqual([...KREA_SETTINGS].sort());
    for (const [name, row] of rows) {
      if (row.kind !== "constant") expect(DEFAULT_VALUES[name]).toEqual(row.default);
    }
  });

  it("reads each enum value back from a saved draft and an odd one as the default", () => {
    for (const [name, row] of rows) {
      if (row.kind !== "enum") continue;
      const store = memoryStore();
      for (const value of row.values) {
        writeDraft(store, { [name]: value });
        expect(readDraft(store)[name]).toBe(value);
      }
      writeDraft(store, { [name]: "not-a-value" });
      expect(readDraft(store)[name]).toBe(row.default);
    }
  });

  it("loads on Reuse exactly the rows marked reuse", () => {
    const settings = {
      ...kreaInputSchema.parse({
        prompt: "a fox",
        size: "large",
        imageStyleReferences: [{ imageUrl: "https://a.example/r.png", strength: 1 }],
      }),
      seed: 7,
    };
    const plan = planLoad({ settings, seed: "random" });
    const loaded = rows.filter(([, row]) => row.reuse).map(([name]) => name);
    expect(Object.keys(plan.values).sort()).toEqual(loaded.sort());
    for (const name of loaded) {
      if (name !== "imageStyleReferences") expect(plan.values[name]).toEqual(settings[name]);
    }
  });
});
