import { describe, expect, it } from "vitest";
import { enterKeyAction, type EnterKeyEvent } from "./enter-key";

const enter = (patch: Partial<EnterKeyEvent>): EnterKeyEvent => ({
  key: "Enter",
  ctrlKey: false,
  metaKey: false,
  isComposing: false,
  tagName: "INPUT",
  inputType: "text",
  ...patch,
});

describe("enterKeyAction", () => {
  it("blocks plain Enter in every text-like input: it would submit the form", () => {
    for (const inputType of ["text", "number", "search", "url", "radio", "checkbox", "range"]) {
      expect(enterKeyAction(enter({ inputType })), inputType).toBe("block");
    }
  });

  it("submits on Ctrl+Enter or Cmd+Enter, from an input, the prompt or a button", () => {
    expect(enterKeyAction(enter({ ctrlKey: true }))).toBe("submit");
    expect(enterKeyAction(enter({ metaKey: true, inputType: "number" }))).toBe("submit");
    expect(enterKeyAction(enter({ ctrlKey: true, tagName: "TEXTAREA" }))).toBe("submit");
    expect(enterKeyAction(enter({ metaKey: true, tagName: "BUTTON" }))).toBe("submit");
  });

  it("leaves Enter alone in the prompt (a newline), on buttons and while composing", () => {
    expect(enterKeyAction(enter({ tagName: "TEXTAREA" }))).toBe("default");
    expect(enterKeyAction(enter({ tagName: "BUTTON" }))).toBe("default");
    expect(enterKeyAction(enter({ inputType: "file" }))).toBe("default");
    expect(enterKeyAction(enter({ isComposing: true, ctrlKey: true }))).toBe("default");
    expect(enterKeyAction(enter({ key: "a", ctrlKey: true }))).toBe("default");
  });
});
