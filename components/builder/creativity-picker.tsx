"use client";

import { useController, useFormContext } from "react-hook-form";
import type { KreaDraft } from "@/lib/client/builder/draft";
import { CREATIVITY_HINTS, CREATIVITY_LEVELS } from "@/lib/contract/krea/options";
import { FieldError } from "@/components/ui/field";
import { FieldBlock, RadioCard } from "./field-parts";

/** raw / low / medium / high, each with one line on what it does. */
export function CreativityPicker() {
  const { control } = useFormContext<KreaDraft>();
  const { field, fieldState } = useController({ control, name: "creativity" });
  const error = fieldState.error?.message;
  return (
    <FieldBlock label="Creativity" labelId="creativity-label">
      <div
        role="radiogroup"
        aria-labelledby="creativity-label"
        aria-describedby={error ? "creativity-error" : undefined}
        className="grid grid-cols-1 gap-1"
      >
        {CREATIVITY_LEVELS.map((level) => (
          <RadioCard
            key={level}
            name={field.name}
            value={level}
            checked={field.value === level}
            onSelect={() => field.onChange(level)}
            onBlur={field.onBlur}
            inputRef={level === field.value ? field.ref : undefined}
            labelledBy={`creativity-${level}`}
            describedBy={`creativity-${level}-hint`}
            className={`group flex h-8 items-center gap-2.5 px-2.5`}
          >
            <span
              aria-hidden="true"
              className="flex size-3.5 shrink-0 items-center justify-center rounded-full border border-border-strong group-has-[:checked]:border-accent"
            >
              <span className="hidden size-1.5 rounded-full bg-accent group-has-[:checked]:block" />
            </span>
            <span id={`creativity-${level}`} className="w-14 text-sm font-medium">
              {level}
            </span>
            <span id={`creativity-${level}-hint`} className="truncate text-xs text-muted">
              {CREATIVITY_HINTS[level]}
            </span>
          </RadioCard>
        ))}
      </div>
      <FieldError id="creativity-error" message={error} />
    </FieldBlock>
  );
}
