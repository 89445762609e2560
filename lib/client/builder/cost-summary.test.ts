import { describe, expect, it } from "vitest";
import { summarizeCost, type QuoteState } from "./cost-summary";

const idle: QuoteState = { state: "idle" };

describe("summarizeCost", () => {
  it("gives per image, quantity and the whole-Buzz total, and the other tier", () => {
    const s = summarizeCost({ size: "medium", quantity: 2, styleReferenceCount: 0 }, idle);
    expect(s.breakdown).toBe("39 Buzz/image · 2 images · 78 Buzz");
    expect(s.generateLabel).toBe("Generate 2 images · 78 Buzz");
    expect(s.otherTier).toBe("Large would cost 156 Buzz");
    expect(s.premium).toBeNull();
  });

  it("shows the style-reference premium as its own line and rounds the total up", () => {
    const s = summarizeCost({ size: "medium", quantity: 3, styleReferenceCount: 2 }, idle);
    expect(s.breakdown).toBe("45.5 Buzz/image · 3 images · 137 Buzz");
    expect(s.premium).toBe("Style reference premium: +6.5 Buzz/image (+19.5 Buzz)");
    expect(s.otherTier).toBe("Large would cost 254 Buzz");
    expect(s.generateLabel).toBe("Generate 3 images · 137 Buzz");
  });

  it("names the medium tier from large, in the singular for one image", () => {
    const s = summarizeCost({ size: "large", quantity: 1, styleReferenceCount: 1 }, idle);
    expect(s.breakdown).toBe("84.5 Buzz/image · 1 image · 85 Buzz");
    expect(s.otherTier).toBe("Medium would cost 46 Buzz");
    expect(s.generateLabel).toBe("Generate 1 image · 85 Buzz");
  });

  it.each([NaN, 0, 11, 2.5])("does not pretend to a total for quantity %s", (quantity) => {
    const s = summarizeCost({ size: "medium", quantity, styleReferenceCount: 0 }, idle);
    expect(s.valid).toBe(false);
    expect(s.generateLabel).toBe("Generate");
    expect(s.breakdown).toBe("39 Buzz/image · choose 1–10 images");
    expect(s.otherTier).toBe("Large is 78 Buzz/image");
  });

  it("flags a difference between the orchestrator and the studio", () => {
    const s = summarizeCost(
      { size: "medium", quantity: 2, styleReferenceCount: 1 },
      { state: "ready", total: 92, insufficientBuzz: false },
    );
    expect(s.orchestrator).toEqual({
      tone: "warning",
      text: "Orchestrator quotes 92 Buzz, the studio computed 91",
    });
  });

  it("confirms a matching quote, and says when the orchestrator is checking or cannot quote", () => {
    const inputs = { size: "medium", quantity: 2, styleReferenceCount: 1 } as const;
    expect(
      summarizeCost(inputs, { state: "ready", total: 91, insufficientBuzz: false }).orchestrator,
    ).toEqual({ tone: "success", text: "Orchestrator quote matches: 91 Buzz" });
    expect(summarizeCost(inputs, { state: "checking" }).orchestrator.text).toMatch(/checking…/);
    expect(
      summarizeCost(inputs, { state: "unavailable", detail: "offline" }).orchestrator.text,
    ).toMatch(/could not quote/);
  });

  it("says insufficient Buzz when the orchestrator reports it", () => {
    const s = summarizeCost(
      { size: "large", quantity: 10, styleReferenceCount: 0 },
      { state: "ready", total: 780, insufficientBuzz: true },
    );
    expect(s.orchestrator.tone).toBe("danger");
    expect(s.orchestrator.text).toMatch(/^Insufficient Buzz/);
  });
});
