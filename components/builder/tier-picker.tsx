"use client";

import { useBuilderForm, useField } from "@/lib/client/builder/form-state";
import { TIER_NAME } from "@/lib/client/builder/cost-summary";
import { KREA_SIZES, TIER_PURPOSE, TYPICAL_SECONDS } from "@/lib/contract/krea/options";
import { formatBuzz, perImageCost } from "@/lib/contract/krea/pricing";
import { FieldError } from "@/components/ui/field";
import { FieldBlock, RadioCard } from "./field-parts";

/** Medium or Large: price per image (with the premium when references are attached) and time. */
export function TierPicker({ hasStyleReferences }: { hasStyleReferences: boolean }) {
  const form = useBuilderForm();
  const { value: current, error } = useField("size");
  const focusRef = (element: HTMLInputElement | null) => form.bind("size", element);
  return (
    <FieldBlock label="Tier" labelId="tier-label">
      <div
        role="radiogroup"
        aria-labelledby="tier-label"
        aria-describedby={error ? "tier-error" : undefined}
        className="grid grid-cols-2 gap-2"
      >
        {KREA_SIZES.map((size) => {
          const time = TYPICAL_SECONDS[size];
          return (
            <RadioCard
              key={size}
              name="size"
              value={size}
              checked={current === size}
              onSelect={() => form.edit("size", size)}
              inputRef={size === current ? focusRef : undefined}
              labelledBy={`tier-${size}`}
              describedBy={`tier-${size}-details`}
              className={`flex flex-col gap-0.5 px-2.5 py-2`}
            >
              <span className="flex items-baseline justify-between gap-2">
                <span id={`tier-${size}`} className="text-sm font-medium">
                  {TIER_NAME[size]}
                </span>
                <span className="text-xs tabular-nums text-muted">
                  {time.min}–{time.max} s
                </span>
              </span>
              <span id={`tier-${size}-details`} className="flex flex-col gap-0.5">
                <span className="text-xs tabular-nums">
                  <span className="font-semibold">
                    {formatBuzz(perImageCost(size, hasStyleReferences))}
                  </span>{" "}
                  Buzz/image
                  <span className="sr-only">
                    , typically {time.min} to {time.max} seconds per image.
                  </span>
                </span>
                <span className="text-[11px] leading-snug text-muted">{TIER_PURPOSE[size]}</span>
              </span>
            </RadioCard>
          );
        })}
      </div>
      <FieldError id="tier-error" message={error} />
      <p className="mt-1.5 text-[11px] text-muted">Both tiers return the same pixel size.</p>
    </FieldBlock>
  );
}
