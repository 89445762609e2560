// What Enter does inside the builder form. Browsers submit a form when Enter is
// pressed in most of its inputs ("implicit submission"), which here would spend
// Buzz on a stray keystroke in Seed or Quantity. Generating is an explicit act:
// the Generate button or Ctrl/Cmd+Enter from anywhere in the form.

/** Inputs whose Enter is their own activation (a click), not a form submit. */
const BUTTON_LIKE = new Set(["button", "submit", "reset", "image", "file", "color"]);

export interface EnterKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  /** true while an input method is composing (Enter picks a candidate) */
  isComposing: boolean;
  /** the focused element's tag name, upper case as the DOM gives it */
  tagName: string;
  /** the `type` of an INPUT */
  inputType?: string;
}

/**
 * "submit": Ctrl/Cmd+Enter, generate once. "block": plain Enter in a text-like
 * input, whose default would submit the form. "default": anything else (Enter
 * in the prompt is a newline, on a button it is that button's click).
 */
export function enterKeyAction(event: EnterKeyEvent): "submit" | "block" | "default" {
  if (event.key !== "Enter" || event.isComposing) return "default";
  if (event.ctrlKey || event.metaKey) return "submit";
  if (event.tagName !== "INPUT") return "default";
  return BUTTON_LIKE.has((event.inputType ?? "text").toLowerCase()) ? "default" : "block";
}
