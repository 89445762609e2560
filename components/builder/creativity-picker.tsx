"use client";

import { RadioGroup } from "radix-ui";
import { useController, useFormContext } from "react-hook-form";
import type { BuilderFormValues } from "@/lib/builder/draft";
import { CREATIVITY_HINTS, CREATIVITY_LEVELS } from "@/lib/krea/options";
import { FieldBlock, FieldError, optionCard } from "./field-parts";

/** raw / low / medium / high, each with one line on what it does. */
export function CreativityPicker() {
  const { control } = useFormContext<BuilderFormValues>();
  const { field, fieldState } = useController({ control, name: "creativity" });
  const error = fieldState.error?.message;
  return (
    <FieldBlock label="Creativity" labelId="creativity-label">
      <RadioGroup.Root
        aria-labelledby="creativity-label"
        aria-describedby={error ? "creativity-error" : undefined}
        value={field.value}
        onValueChange={field.onChange}
        name={field.name}
        className="grid grid-cols-1 gap-1"
      >
        {CREATIVITY_LEVELS.map((level) => (
          <RadioGroup.Item
            key={level}
            value={level}
            ref={level === field.value ? field.ref : undefined}
            onBlur={field.onBlur}
            aria-labelledby={`creativity-${level}`}
            aria-describedby={`creativity-${level}-hint`}
            className={`${optionCard} group flex h-8 items-center gap-2.5 px-2.5`}
          >
            <span
              aria-hidden="true"
              className="flex size-3.5 shrink-0 items-center justify-center rounded-full border border-border-strong group-data-[state=checked]:border-accent"
            >
              <RadioGroup.Indicator className="size-1.5 rounded-full bg-accent" />
            </span>
            <span id={`creativity-${level}`} className="w-14 text-sm font-medium">
              {level}
            </span>
            <span id={`creativity-${level}-hint`} className="truncate text-xs text-muted">
              {CREATIVITY_HINTS[level]}
            </span>
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
      <FieldError id="creativity-error" message={error} />
    </FieldBlock>
  );
}
