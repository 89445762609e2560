"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { BuilderFormValues } from "@/lib/builder/draft";
import { PROMPT_MAX } from "@/lib/krea/options";
import { FieldBlock, FieldError, inputBase } from "./field-parts";

/** The prompt, with a live character count; Ctrl/Cmd+Enter generates from here. */
export function PromptField() {
  const { register, formState, control } = useFormContext<BuilderFormValues>();
  const prompt = useWatch({ control, name: "prompt" });
  const error = formState.errors.prompt?.message;
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
      <textarea
        id="prompt"
        rows={5}
        // No maxLength: a paste over the limit stays whole, and the count says by how much.
        placeholder="A lighthouse on a basalt cliff at dusk, long exposure, soft fog"
        aria-invalid={error ? true : undefined}
        aria-describedby={`prompt-count prompt-hint${error ? " prompt-error" : ""}`}
        className={`${inputBase} block min-h-24 w-full resize-y py-2 leading-relaxed`}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
        {...register("prompt")}
      />
      <FieldError id="prompt-error" message={error} />
      <p id="prompt-hint" className="mt-1 text-[11px] text-muted">
        Subject, setting, light, style. <kbd className="font-sans">Ctrl</kbd>+
        <kbd className="font-sans">Enter</kbd> generates.
      </p>
    </FieldBlock>
  );
}
