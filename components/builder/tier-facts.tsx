import { Zap } from "lucide-react";
import { KREA_DEFAULTS, KREA_SIZES, TIER_PURPOSE, TYPICAL_SECONDS } from "@/lib/krea/options";
import { estimateCost, formatBuzz, perImageCost } from "@/lib/krea/pricing";
import { DefaultMark, FactSection } from "./fact-section";

const TIER_NAME = { medium: "Medium", large: "Large" } as const;

// A worked example so the rounding rule is seen once, not guessed.
const example = estimateCost({ size: "medium", quantity: 3, styleReferenceCount: 1 });

/** The two Krea v2 tiers: what each is for, what it costs per image, how long it takes. */
export function TierFacts() {
  return (
    <FactSection title="Tier">
      <ul className="space-y-2">
        {KREA_SIZES.map((size) => {
          const time = TYPICAL_SECONDS[size];
          return (
            <li key={size} className="rounded-lg border border-border bg-raised p-3">
              <div className="flex items-baseline justify-between gap-3">
                <p className="flex items-center gap-2 font-medium">
                  {TIER_NAME[size]}
                  {size === KREA_DEFAULTS.size && <DefaultMark />}
                </p>
                <p className="flex items-center gap-1 tabular-nums">
                  <Zap aria-hidden="true" className="size-3.5 self-center text-muted" />
                  <span className="text-base font-semibold">
                    {formatBuzz(perImageCost(size, false))}
                  </span>
                  <span className="text-xs text-muted">Buzz / image</span>
                </p>
              </div>
              <p className="mt-0.5 text-xs text-muted">{TIER_PURPOSE[size]}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                <dt className="text-muted">With style references</dt>
                <dd className="text-right tabular-nums">
                  {formatBuzz(perImageCost(size, true))} Buzz / image
                </dd>
                <dt className="text-muted">Typical time</dt>
                <dd className="text-right tabular-nums">
                  {time.min}–{time.max} s per image
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-muted">
        Both tiers return the same pixel size. A batch costs the per-image rate × quantity, rounded
        up to whole Buzz: {example.quantity} medium images with style references are{" "}
        <span className="tabular-nums">
          {example.quantity} × {formatBuzz(example.perImage)} = {formatBuzz(example.exactTotal)}
        </span>{" "}
        → <span className="font-medium text-foreground tabular-nums">{example.total} Buzz</span>.
      </p>
    </FactSection>
  );
}
