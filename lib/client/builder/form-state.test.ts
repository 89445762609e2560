// The builder's form state: a field is checked as it is edited, Generate checks
// them all, a server's message stays until its field is edited, loads clear theirs.
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_VALUES } from "./draft";
import { fieldMessage } from "./field-messages";
import { createBuilderForm } from "./form-state";

const make = () => createBuilderForm(DEFAULT_VALUES, fieldMessage);

describe("createBuilderForm", () => {
  it("checks only the field being edited, in people's words", () => {
    const form = make();
    form.edit("quantity", 11);
    // The empty prompt is wrong too, but nobody edited it yet.
    expect(form.store.get().errors).toEqual({ quantity: "Choose at most 10 images per Generate." });
    form.edit("quantity", 2);
    expect(form.store.get().errors).toEqual({});
    expect(form.get("quantity")).toBe(2);
  });

  it("checks every field on submit and gives the parsed input when all are valid", () => {
    const form = make();
    expect(form.submit()).toBeNull();
    expect(form.store.get().errors.prompt).toBe("Describe the image first.");
    form.edit("prompt", "a fox");
    expect(form.store.get().errors.prompt).toBeUndefined();
    const input = form.submit();
    expect(input).toMatchObject({ prompt: "a fox", quantity: 1 });
    expect(form.store.get().errors).toEqual({});
  });

  it("keeps a server's message until its field is edited or loaded", () => {
    const form = make();
    form.setError("seed", "refused by the server");
    form.edit("prompt", "a fox");
    expect(form.store.get().errors.seed).toBe("refused by the server");
    form.load({ seed: 5 });
    expect(form.store.get().errors).toEqual({});
    expect(form.get("seed")).toBe(5);
  });

  it("clears a reference's part errors with the list", () => {
    const form = make();
    form.setError("imageStyleReferences.1.strength", "too strong");
    form.setError("imageStyleReferences", "too many");
    form.clearError("imageStyleReferences");
    expect(form.store.get().errors).toEqual({});
  });

  it("notifies listeners of a change and stays quiet when nothing changed", () => {
    const form = make();
    const listener = vi.fn();
    form.store.subscribe(listener);
    form.set("size", "large");
    expect(listener).toHaveBeenCalledTimes(1);
    expect(form.get("size")).toBe("large");
  });
});
