"use client";

import { useBuilderForm, useField } from "@/lib/client/builder/form-state";
import { ASPECT_RATIOS, KREA_DEFAULTS } from "@/lib/contract/krea/options";
import { RATIO_TABLE, formatSize } from "@/lib/contract/krea/ratios";
import { FieldError } from "@/components/ui/field";
import { FieldBlock, RadioCard } from "./field-parts";

const GLYPH_PX = 26;

/** The ratio's shape to scale, in a fixed box so the grid lines up. */
function RatioShape({ width, height }: { width: number; height: number }) {
  const scale = GLYPH_PX / Math.max(width, height);
  return (
    <span aria-hidden="true" className="flex h-7 items-center justify-center">
      <span
        className="rounded-[2px] border-[1.5px] border-current opacity-70"
        style={{ width: Math.round(width * scale), height: Math.round(height * scale) }}
      />
    </span>
  );
}

/** The eight Krea ratios as shapes, each with the pixel size it returns. */
export function AspectRatioPicker() {
  const form = useBuilderForm();
  const { value: current, error } = useField("aspectRatio");
  const focusRef = (element: HTMLInputElement | null) => form.bind("aspectRatio", element);
  const value = current ?? KREA_DEFAULTS.aspectRatio;
  return (
    <FieldBlock
      label="Aspect ratio"
      labelId="ratio-label"
      aside={
        <span className="text-xs tabular-nums text-muted">
          <span className="sr-only">Output size </span>
          {formatSize(value)} px
        </span>
      }
    >
      <div
        role="radiogroup"
        aria-labelledby="ratio-label"
        aria-describedby={error ? "ratio-error" : undefined}
        className="grid grid-cols-4 gap-1.5"
      >
        {ASPECT_RATIOS.map((ratio) => {
          const spec = RATIO_TABLE[ratio];
          const id = `ratio-${ratio.replace(/[^0-9]/g, "-")}`;
          return (
            <RadioCard
              key={ratio}
              name="aspectRatio"
              value={ratio}
              checked={current === ratio}
              onSelect={() => form.edit("aspectRatio", ratio)}
              inputRef={ratio === current ? focusRef : undefined}
              labelledBy={id}
              describedBy={`${id}-size`}
              className={`flex flex-col items-center gap-0.5 px-1 pt-1.5 pb-1 text-muted has-[:checked]:text-foreground`}
            >
              <RatioShape width={spec.width} height={spec.height} />
              <span id={id} className="text-xs font-medium tabular-nums text-foreground">
                {ratio}
              </span>
              <span id={`${id}-size`} className="text-[10px] tabular-nums">
                {formatSize(ratio)}
                {spec.source === "assumed" && <span className="sr-only"> (assumed size)</span>}
              </span>
            </RadioCard>
          );
        })}
      </div>
      <FieldError id="ratio-error" message={error} />
    </FieldBlock>
  );
}
