// Strength as a designer reads and types it: −2 (avoid this style) to 2 (follow
// it closely), 0.05 steps. The number field accepts what people actually type
// (a typographic minus, a decimal comma, a leading +) and says so when it had
// to clamp; the value it commits is always one Krea accepts.
import { KREA_DEFAULTS, STRENGTH_MAX, STRENGTH_MIN } from "@/lib/contract/krea/options";

export const STRENGTH_STEP = 0.05;
export const DEFAULT_STRENGTH = KREA_DEFAULTS.strength;

/** Two decimals, no floating-point dust (0.15000000000000002), no −0. */
export function roundStrength(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

export function clampStrength(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_STRENGTH;
  return roundStrength(Math.min(STRENGTH_MAX, Math.max(STRENGTH_MIN, value)));
}

export type StrengthDirection = "attract" | "repel" | "neutral";

export function strengthDirection(value: number): StrengthDirection {
  return value > 0 ? "attract" : value < 0 ? "repel" : "neutral";
}

function digits(value: number): string {
  const r = Math.abs(roundStrength(value));
  // At least one decimal ("1.0" reads as a strength, "1" as a count), at most two.
  return Number.isInteger(r * 10) ? r.toFixed(1) : r.toFixed(2);
}

/** For reading: "−1.5", "1.0", "0.05" (a true minus sign). */
export function formatStrength(value: number): string {
  return `${roundStrength(value) < 0 ? "−" : ""}${digits(value)}`;
}

/** For a value among others (a grid column, a sweep): "+0.25", "−1.0", "0.0". */
export function formatSignedStrength(value: number): string {
  return `${roundStrength(value) > 0 ? "+" : ""}${formatStrength(value)}`;
}

/** For the number field: the same with an ASCII hyphen, which is what people type. */
export function formatStrengthInput(value: number): string {
  return `${roundStrength(value) < 0 ? "-" : ""}${digits(value)}`;
}

/** The slider's aria-valuetext: "−1.5, repel". */
export function strengthValueText(value: number): string {
  return `${formatStrength(value)}, ${strengthDirection(value)}`;
}

export type StrengthParse =
  | { kind: "empty" }
  | { kind: "invalid"; message: string }
  | { kind: "ok"; value: number; message: string | null };

const RANGE = `${formatStrength(STRENGTH_MIN)} to ${formatStrength(STRENGTH_MAX)}`;

/**
 * What a typed strength means. Out of range is clamped with a message (the text
 * stays as typed so the designer sees what they wrote); nonsense is refused.
 */
export function parseStrengthText(input: string): StrengthParse {
  const text = input
    .trim()
    .replace(/^[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/, "-")
    .replace(",", ".");
  if (text === "") return { kind: "empty" };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    return { kind: "invalid", message: `Type a number from ${RANGE}, like 0.8 or −1.5.` };
  }
  const typed = Number(text);
  const value = clampStrength(typed);
  if (typed > STRENGTH_MAX || typed < STRENGTH_MIN) {
    return {
      kind: "ok",
      value,
      message: `${formatStrength(typed)} is outside ${RANGE}: using ${formatStrength(value)}.`,
    };
  }
  return { kind: "ok", value, message: null };
}
