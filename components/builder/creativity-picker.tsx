"use client";

import { useBuilderForm, useField } from "@/lib/client/builder/form-state";
import { CREATIVITY_HINTS, CREATIVITY_LEVELS } from "@/lib/contract/krea/options";
import { FieldError } from "@/components/ui/field";
import { FieldBlock, RadioCard } from "./field-parts";

/** raw / low / medium / high, each with one line on what it does. */
export function CreativityPicker() {
  const form = useBuilderForm();
  const { value: current, error } = useField("creativity");
  const focusRef = (element: HTMLInputElement | null) => form.bind("creativity", element);
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
            name="creativity"
            value={level}
            checked={current === level}
            onSelect={() => form.edit("creativity", level)}
            inputRef={level === current ? focusRef : undefined}
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
