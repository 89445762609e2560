import { describe, expect, it } from "vitest";
import {
  clampStrength,
  formatSignedStrength,
  formatStrength,
  formatStrengthInput,
  parseStrengthText,
  roundStrength,
  strengthDirection,
  strengthValueText,
} from "./strength";

describe("strength text ⇄ number", () => {
  it("reads what people type: hyphen, true minus, en dash, comma, leading + or dot", () => {
    expect(parseStrengthText("-1.5")).toEqual({ kind: "ok", value: -1.5, message: null });
    expect(parseStrengthText("−1.5")).toEqual({ kind: "ok", value: -1.5, message: null });
    expect(parseStrengthText("–0,25")).toEqual({ kind: "ok", value: -0.25, message: null });
    expect(parseStrengthText(" +2 ")).toEqual({ kind: "ok", value: 2, message: null });
    expect(parseStrengthText(".5")).toEqual({ kind: "ok", value: 0.5, message: null });
    expect(parseStrengthText("1.")).toEqual({ kind: "ok", value: 1, message: null });
  });

  it("clamps out-of-range values and says so", () => {
    expect(parseStrengthText("3")).toEqual({
      kind: "ok",
      value: 2,
      message: "3.0 is outside −2.0 to 2.0: using 2.0.",
    });
    expect(parseStrengthText("-2.5")).toMatchObject({ kind: "ok", value: -2 });
  });

  it("refuses nonsense without a value, and tells empty apart", () => {
    expect(parseStrengthText("abc")).toMatchObject({ kind: "invalid" });
    expect(parseStrengthText("1e3")).toMatchObject({ kind: "invalid" });
    expect(parseStrengthText("--1")).toMatchObject({ kind: "invalid" });
    expect(parseStrengthText("   ")).toEqual({ kind: "empty" });
  });

  it("rounds to the slider's grain without floating-point dust or −0", () => {
    expect(roundStrength(0.1 + 0.05)).toBe(0.15);
    expect(Object.is(roundStrength(-0.001), 0)).toBe(true);
    expect(clampStrength(Number.NaN)).toBe(1);
    expect(clampStrength(-7)).toBe(-2);
  });

  it("formats for reading and for typing, and names the direction", () => {
    expect(formatStrength(-1.5)).toBe("−1.5");
    expect(formatStrength(1)).toBe("1.0");
    expect(formatStrength(0.05)).toBe("0.05");
    expect(formatStrengthInput(-1.5)).toBe("-1.5");
    expect([1, -1, 0, 0.25].map(formatSignedStrength)).toEqual(["+1.0", "−1.0", "0.0", "+0.25"]);
    expect(strengthDirection(0.05)).toBe("attract");
    expect(strengthDirection(-0.05)).toBe("repel");
    expect(strengthDirection(0)).toBe("neutral");
    expect(strengthValueText(-1.5)).toBe("−1.5, repel");
  });

  it("round-trips every slider step through the number field", () => {
    for (let i = -40; i <= 40; i++) {
      const value = roundStrength(i * 0.05);
      const parsed = parseStrengthText(formatStrengthInput(value));
      expect(parsed).toEqual({ kind: "ok", value, message: null });
    }
  });
});
