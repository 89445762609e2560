"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { toast } from "@/lib/ui/toast";
import { summarizeCost } from "@/lib/builder/cost-summary";
import {
  DEFAULT_VALUES,
  readDraft,
  writeDraft,
  type BuilderFormValues,
  type BuilderValues,
} from "@/lib/builder/draft";
import { planLoad } from "@/lib/builder/load-request";
import { sessionStore } from "@/lib/builder/session-store";
import { useBuilderLoadRequests, type BuilderLoadRequest } from "@/lib/hooks/use-builder-bridge";
import { useEstimate } from "@/lib/hooks/use-estimate";
import { useSubmitGeneration } from "@/lib/hooks/use-submit-generation";
import type { FieldErrors } from "@/lib/http/field-errors";
import { randomSeed } from "@/lib/krea/options";
import { kreaInputSchema, type KreaInput } from "@/lib/krea/schema";
import { AspectRatioPicker } from "./aspect-ratio-picker";
import { CreativityPicker } from "./creativity-picker";
import { GenerateBar } from "./generate-bar";
import { PromptField } from "./prompt-field";
import { QuantitySeedFields } from "./quantity-seed-fields";
import { TierPicker } from "./tier-picker";

const NO_REFERENCES: NonNullable<BuilderFormValues["imageStyleReferences"]> = [];

const FORM_FIELDS: readonly (keyof BuilderValues)[] = [
  "prompt",
  "size",
  "aspectRatio",
  "creativity",
  "quantity",
  "seed",
  "imageStyleReferences",
];
const isFormField = (key: string): key is keyof BuilderValues => FORM_FIELDS.some((f) => f === key);

/** The Krea v2 form: every field, the live cost and Generate. */
export function BuilderForm() {
  const form = useForm<BuilderFormValues, unknown, KreaInput>({
    resolver: zodResolver(kreaInputSchema),
    defaultValues: DEFAULT_VALUES,
    // Quiet while typing; checked on leaving a field and on Generate, then live
    // once a field has shown an error so it clears as soon as it is fixed.
    mode: "onTouched",
    reValidateMode: "onChange",
  });
  const { control, handleSubmit, setError, setValue, reset, clearErrors } = form;
  const [lastSeed, setLastSeed] = useState<number | null>(null);
  const restored = useRef(false);

  // The draft is read after mount: sessionStorage does not exist on the server.
  useEffect(() => {
    reset(readDraft(sessionStore()));
    restored.current = true;
  }, [reset]);

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          if (restored.current) writeDraft(sessionStore(), values);
        },
      }),
    [form],
  );

  const onFieldErrors = useCallback(
    (errors: FieldErrors) => {
      for (const [path, messages] of Object.entries(errors)) {
        const root = path.split(".")[0] ?? path;
        const message = messages.join("; ");
        // Reference errors ("imageStyleReferences.2.strength") land on the list until it has its own UI.
        if (isFormField(root)) setError(root, { type: "server", message });
      }
    },
    [setError],
  );
  const { submit, retry, discard, pending, failed } = useSubmitGeneration(onFieldErrors);

  const watched = useWatch({ control, name: ["size", "quantity", "imageStyleReferences"] });
  const size = watched[0] ?? DEFAULT_VALUES.size;
  const quantity = watched[1] ?? DEFAULT_VALUES.quantity;
  const imageStyleReferences = watched[2] ?? NO_REFERENCES;
  const quote = useEstimate({ size, quantity, imageStyleReferences });
  const cost = useMemo(
    () =>
      summarizeCost({ size, quantity, styleReferenceCount: imageStyleReferences.length }, quote),
    [size, quantity, imageStyleReferences.length, quote],
  );

  useBuilderLoadRequests((request: BuilderLoadRequest) => {
    const plan = planLoad(request);
    const options = { shouldDirty: true } as const;
    for (const [key, value] of Object.entries(plan.values)) {
      if (!isFormField(key)) continue;
      setValue(key, value, options);
      clearErrors(key);
    }
    setValue("seed", plan.seed, options);
    clearErrors("seed");
    toast.success(plan.toast.title, { description: plan.toast.description });
  });

  const onValid = (input: KreaInput) => {
    // The seed the card will show: drawn here when not pinned, so it is known before the answer.
    const seed = input.seed ?? randomSeed();
    if (input.seed === null || input.seed === undefined) setLastSeed(seed);
    void submit({ ...input, seed });
  };

  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-label="Krea v2 settings"
        onSubmit={handleSubmit(onValid)}
        className="flex min-h-full flex-col"
      >
        <div className="flex-1 divide-y divide-border">
          <PromptField />
          <TierPicker hasStyleReferences={imageStyleReferences.length > 0} />
          <AspectRatioPicker />
          <CreativityPicker />
          <QuantitySeedFields lastSeed={lastSeed} />
        </div>
        <GenerateBar
          cost={cost}
          pending={pending}
          failed={failed}
          onRetry={retry}
          onDiscard={discard}
        />
      </form>
    </FormProvider>
  );
}
