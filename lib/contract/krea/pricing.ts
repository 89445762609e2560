// Buzz pricing from the recipe's cost table. Per-image rates are exact (45.5 with
// style references); the orchestrator's workflow totals and transactions are whole
// Buzz (int32 in the spec), so the total is rounded up (our assumption, see
// DESIGN.md). The UI shows the per-image rate and the whole-Buzz total.
import { QUANTITY_MAX, QUANTITY_MIN, type KreaSize } from "./options";

export const BASE_PRICE: Record<KreaSize, number> = { medium: 39, large: 78 };
/** Flat per image, however many references are attached. */
export const STYLE_REFERENCE_PREMIUM = 6.5;

export interface CostLine {
  label: string;
  /** Buzz per image for this line */
  perImage: number;
  quantity: number;
  /** exact Buzz for this line (perImage × quantity) */
  amount: number;
}

export interface CostBreakdown {
  size: KreaSize;
  quantity: number;
  hasStyleReferences: boolean;
  /** exact Buzz per image, e.g. 45.5 */
  perImage: number;
  /** exact sum before rounding, e.g. 136.5 */
  exactTotal: number;
  /** whole Buzz charged for the workflow, e.g. 137 */
  total: number;
  lines: CostLine[];
}

export interface CostInput {
  size: KreaSize;
  quantity: number;
  styleReferenceCount: number;
}

export function perImageCost(size: KreaSize, hasStyleReferences: boolean): number {
  return BASE_PRICE[size] + (hasStyleReferences ? STYLE_REFERENCE_PREMIUM : 0);
}

/** Whole Buzz for an exact amount: rounded up, with float noise removed first. */
export function wholeBuzz(exact: number): number {
  return Math.ceil(Math.round(exact * 1000) / 1000);
}

export function estimateCost({ size, quantity, styleReferenceCount }: CostInput): CostBreakdown {
  const q = Math.min(QUANTITY_MAX, Math.max(QUANTITY_MIN, Math.trunc(quantity) || QUANTITY_MIN));
  const hasStyleReferences = styleReferenceCount > 0;
  const lines: CostLine[] = [
    {
      label: `${size === "large" ? "Large" : "Medium"} tier`,
      perImage: BASE_PRICE[size],
      quantity: q,
      amount: BASE_PRICE[size] * q,
    },
  ];
  if (hasStyleReferences) {
    lines.push({
      label: "Style reference premium",
      perImage: STYLE_REFERENCE_PREMIUM,
      quantity: q,
      amount: STYLE_REFERENCE_PREMIUM * q,
    });
  }
  const perImage = perImageCost(size, hasStyleReferences);
  const exactTotal = perImage * q;
  return {
    size,
    quantity: q,
    hasStyleReferences,
    perImage,
    exactTotal,
    total: wholeBuzz(exactTotal),
    lines,
  };
}

/** Buzz as people read it: "45.5", "39", "1,170". */
export function formatBuzz(amount: number): string {
  return amount.toLocaleString("en-US", { maximumFractionDigits: 1 });
}
