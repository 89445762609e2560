// What the builder says about cost, as plain text so it can be tested without a
// browser: the studio's own figure (instant), the orchestrator's whatif figure
// (when it arrives) and how the two compare.
import { QUANTITY_MAX, QUANTITY_MIN, type KreaSize } from "@/lib/contract/krea/options";
import { estimateCost, formatBuzz, STYLE_REFERENCE_PREMIUM } from "@/lib/contract/krea/pricing";

export type QuoteState =
  /** the settings cannot be quoted yet (invalid quantity or references) */
  | { state: "idle" }
  | { state: "checking" }
  | { state: "ready"; total: number; insufficientBuzz: boolean | null }
  | { state: "unavailable"; detail: string };

export interface CostInputs {
  size: KreaSize;
  /** as typed: may be NaN or out of range while the designer edits */
  quantity: number;
  styleReferenceCount: number;
}

export type Tone = "muted" | "success" | "warning" | "danger";

export interface CostSummary {
  /** false while the quantity is not a whole number from 1 to 10 */
  valid: boolean;
  perImage: number;
  quantity: number;
  total: number;
  /** "45.5 Buzz/image · 3 images · 137 Buzz" */
  breakdown: string;
  /** "Style reference premium: +6.5 Buzz/image (+19.5 Buzz)", only when references are attached */
  premium: string | null;
  /** "Large would cost 254 Buzz" */
  otherTier: string;
  /** the Generate button: "Generate 3 images · 137 Buzz" */
  generateLabel: string;
  orchestrator: { tone: Tone; text: string };
}

export const TIER_NAME: Record<KreaSize, string> = { medium: "Medium", large: "Large" };

const images = (n: number) => `${n} ${n === 1 ? "image" : "images"}`;

export function isValidQuantity(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= QUANTITY_MIN && quantity <= QUANTITY_MAX;
}

export function summarizeCost(inputs: CostInputs, quote: QuoteState): CostSummary {
  const valid = isValidQuantity(inputs.quantity);
  const local = estimateCost({ ...inputs, quantity: valid ? inputs.quantity : QUANTITY_MIN });
  const otherSize: KreaSize = inputs.size === "medium" ? "large" : "medium";
  const other = estimateCost({ ...inputs, size: otherSize, quantity: local.quantity });
  const rate = `${formatBuzz(local.perImage)} Buzz/image`;

  return {
    valid,
    perImage: local.perImage,
    quantity: local.quantity,
    total: local.total,
    breakdown: valid
      ? `${rate} · ${images(local.quantity)} · ${formatBuzz(local.total)} Buzz`
      : `${rate} · choose ${QUANTITY_MIN}–${QUANTITY_MAX} images`,
    premium: local.hasStyleReferences
      ? `Style reference premium: +${formatBuzz(STYLE_REFERENCE_PREMIUM)} Buzz/image` +
        (valid ? ` (+${formatBuzz(STYLE_REFERENCE_PREMIUM * local.quantity)} Buzz)` : "")
      : null,
    otherTier: valid
      ? `${TIER_NAME[otherSize]} would cost ${formatBuzz(other.total)} Buzz`
      : `${TIER_NAME[otherSize]} is ${formatBuzz(other.perImage)} Buzz/image`,
    generateLabel: valid
      ? `Generate ${images(local.quantity)} · ${formatBuzz(local.total)} Buzz`
      : "Generate",
    orchestrator: describeQuote(quote, valid ? local.total : null),
  };
}

function describeQuote(quote: QuoteState, localTotal: number | null): CostSummary["orchestrator"] {
  switch (quote.state) {
    case "idle":
      return { tone: "muted", text: "The orchestrator quotes once the settings are valid" };
    case "checking":
      return { tone: "muted", text: "Orchestrator quote: checking…" };
    case "unavailable":
      return {
        tone: "muted",
        text: "The orchestrator could not quote right now; the studio's figure stands",
      };
    case "ready": {
      if (quote.insufficientBuzz) {
        return {
          tone: "danger",
          text: `Insufficient Buzz: the orchestrator quotes ${formatBuzz(quote.total)} Buzz, more than your balance`,
        };
      }
      if (localTotal !== null && quote.total !== localTotal) {
        return {
          tone: "warning",
          text: `Orchestrator quotes ${formatBuzz(quote.total)} Buzz, the studio computed ${formatBuzz(localTotal)}`,
        };
      }
      return {
        tone: "success",
        text: `Orchestrator quote matches: ${formatBuzz(quote.total)} Buzz`,
      };
    }
  }
}
