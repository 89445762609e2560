import { describe, expect, it } from "vitest";
import { checkKreaInput } from "@/lib/contract/krea/check";
import { MESSAGES } from "@/lib/contract/krea/messages";
import { SEED_MAX } from "@/lib/contract/krea/options";
import { fieldMessage } from "./field-messages";

const errorsOf = (input: unknown) => {
  const r = checkKreaInput(input);
  return r.ok ? {} : r.errors;
};

describe("fieldMessage", () => {
  it("words the contract's refusals for people", () => {
    expect(fieldMessage(MESSAGES.promptRequired)).toBe("Describe the image first.");
    const [quantity] = errorsOf({ prompt: "a", quantity: 11 }).quantity ?? [];
    expect(fieldMessage(quantity!)).toBe("Choose at most 10 images per Generate.");
    const [seed] = errorsOf({ prompt: "a", seed: SEED_MAX + 1 }).seed ?? [];
    expect(fieldMessage(seed!)).toContain(SEED_MAX.toLocaleString("en-US"));
  });

  it("translates every message the check gives a builder field", () => {
    const inputs = [
      {},
      { prompt: "   " },
      { prompt: "x".repeat(5001) },
      { prompt: "a", quantity: 0 },
      { prompt: "a", quantity: 2.5 },
      { prompt: "a", seed: -1 },
    ];
    for (const input of inputs) {
      for (const messages of Object.values(errorsOf(input))) {
        for (const m of messages) {
          // People's wording starts with a capital and ends with a full stop.
          expect(fieldMessage(m)).toMatch(/^[A-Z].*\.$/);
          expect(fieldMessage(m)).not.toMatch(/\b(prompt|quantity|seed) must\b/);
        }
      }
    }
  });

  it("passes a message it does not know through unchanged", () => {
    expect(fieldMessage("a new rule from the server")).toBe("a new rule from the server");
  });
});
