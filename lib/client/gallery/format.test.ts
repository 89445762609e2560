import { describe, expect, it } from "vitest";
import { makeGeneration, makeImage } from "@/lib/contract/generations/fixtures";
import {
  buzzLine,
  formatDuration,
  formatRelative,
  formatStrength,
  settingsSummary,
  shortPrompt,
  statusLabel,
  wallSeconds,
} from "./format";

describe("statusLabel", () => {
  it("names every final state the way the cards show it", () => {
    expect(statusLabel(makeGeneration()).label).toBe("Succeeded");
    expect(statusLabel(makeGeneration({ status: "failed" })).label).toBe("Failed");
    const partly = makeGeneration({
      status: "failed",
      images: [makeImage(), makeImage(), makeImage({ available: false, url: null })],
    });
    expect(statusLabel(partly)).toEqual({ label: "1 of 3 failed", tone: "warning" });
    expect(statusLabel(makeGeneration({ status: "failed", blocked: true })).label).toBe(
      "Blocked by moderation",
    );
    expect(statusLabel(makeGeneration({ status: "canceled" })).label).toBe("Canceled");
    expect(statusLabel(makeGeneration({ status: "expired" })).label).toBe("Expired");
    expect(statusLabel(makeGeneration({ status: "unassigned", final: false })).label).toBe(
      "Queued",
    );
  });
});

describe("formatDuration", () => {
  it("reads like a designer says it", () => {
    expect(formatDuration(0.84)).toBe("0.8 s");
    expect(formatDuration(12.4)).toBe("12 s");
    expect(formatDuration(65)).toBe("1 min 5 s");
    expect(formatDuration(120)).toBe("2 min");
    expect(formatDuration(3700)).toBe("1 h 1 min");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-03-10T12:00:00.000Z");
  it("goes from just now to a date", () => {
    expect(formatRelative("2026-03-10T11:59:50.000Z", now)).toBe("just now");
    expect(formatRelative("2026-03-10T11:55:00.000Z", now)).toBe("5 min ago");
    expect(formatRelative("2026-03-10T09:00:00.000Z", now)).toBe("3 h ago");
    expect(formatRelative("2026-03-09T10:00:00.000Z", now)).toBe("yesterday");
    expect(formatRelative("2026-01-02T10:00:00.000Z", now)).toBe("Jan 2");
  });
});

describe("settingsSummary", () => {
  it("lists tier, ratio with the reported pixels, creativity, quantity and references", () => {
    const g = makeGeneration({ images: [makeImage({ width: 1376, height: 768 })] });
    const input = {
      ...g.input!,
      size: "large" as const,
      aspectRatio: "16:9" as const,
      quantity: 4,
      imageStyleReferences: [
        { imageUrl: "https://a.example/1.png", strength: 1 },
        { imageUrl: "https://a.example/2.png", strength: -0.5 },
      ],
    };
    expect(settingsSummary(input, g).map((i) => i.label)).toEqual([
      "Large",
      "16:9 · 1376×768",
      "Creativity medium",
      "×4",
      "2 style refs (+1.0, −0.5)",
    ]);
  });

  it("writes strengths with a real minus sign", () => {
    expect(formatStrength(-2)).toBe("−2.0");
    expect(formatStrength(0)).toBe("0.0");
  });

  it("keeps the slider's 0.05 steps that were sent (0.25 is not shown as 0.3)", () => {
    expect([0.25, -0.15, 0.75, 1].map(formatStrength)).toEqual(["+0.25", "−0.15", "+0.75", "+1.0"]);
  });
});

describe("buzzLine", () => {
  it("shows the charge, and the quote when it differs or is all there is", () => {
    expect(buzzLine(makeGeneration()).text).toBe("39 Buzz");
    expect(buzzLine(makeGeneration({ quotedBuzz: 78, chargedBuzz: 39 })).text).toBe(
      "39 of 78 Buzz charged",
    );
    expect(buzzLine(makeGeneration({ final: false, chargedBuzz: null })).text).toBe(
      "39 Buzz quoted",
    );
  });
});

describe("shortPrompt", () => {
  it("flattens whitespace and cuts with an ellipsis", () => {
    expect(shortPrompt("a  b\nc")).toBe("a b c");
    expect(shortPrompt("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("wallSeconds", () => {
  it("measures submit to done, and nothing for runs cut short", () => {
    expect(wallSeconds(makeGeneration())).toBe(9);
    expect(wallSeconds(makeGeneration({ status: "canceled" }))).toBeNull();
    expect(wallSeconds(makeGeneration({ completedAt: null }))).toBeNull();
  });
});
