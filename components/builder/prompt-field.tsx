"use client";

import { useField, useTextField } from "@/lib/client/builder/form-state";
import { PROMPT_MAX } from "@/lib/contract/krea/options";
import { controlClass, FieldError } from "@/components/ui/field";
import { FieldBlock } from "./field-parts";

const asPrompt = (text: string) => text;

/** The prompt, with a live character count; Ctrl/Cmd+Enter generates (the form handles it). */
export function PromptField() {
  const { value: prompt, error } = useField("prompt");
  const text = useTextField("prompt", asPrompt);
  const over = prompt.length > PROMPT_MAX;
  return (
    <FieldBlock
      label="Prompt"
      htmlFor="prompt"
      aside={
        <span
          id="prompt-count"
          className={`text-xs tabular-nums ${over ? "font-medium text-danger" : "text-muted"}`}
        >
          {prompt.length} / {PROMPT_MAX}
        </span>
      }
    >
      <div className="relative">
        <textarea
          id="prompt"
          rows={5}
          // No maxLength: a paste over the limit stays whole, and the count says by how much.
          // The visible example is the span below, shown while the field is empty: a
          // restored draft rewrites the textarea's value after hydration, which would
          // repaint a native placeholder and move Largest Contentful Paint past hydration.
          placeholder=" "
          aria-invalid={error ? true : undefined}
          aria-describedby={`prompt-count prompt-hint${error ? " prompt-error" : ""}`}
          className={`${controlClass} peer block min-h-24 w-full resize-y py-2 leading-relaxed`}
          {...text}
        />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute top-[9px] right-[11px] left-[11px] hidden text-sm leading-relaxed text-muted peer-placeholder-shown:block"
        >
          A lighthouse on a basalt cliff at dusk, long exposure, soft fog
        </span>
      </div>
      <FieldError id="prompt-error" message={error} />
      <p id="prompt-hint" className="mt-1 text-[11px] text-muted">
        Subject, setting, light, style. <kbd className="font-sans">Ctrl</kbd>+
        <kbd className="font-sans">Enter</kbd> generates.
      </p>
    </FieldBlock>
  );
}
