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
import {
  planCompare,
  planCreativitySweep,
  planGenerate,
  planStrengthSweep,
  workflowCost,
  type ParentLink,
  type SubmitPlan,
} from "@/lib/builder/submit-plans";
import { shortPrompt } from "@/lib/generations/format";
import { sessionStore } from "@/lib/builder/session-store";
import { useBuilderLoadRequests, type BuilderLoadRequest } from "@/lib/hooks/use-builder-bridge";
import { useEstimate } from "@/lib/hooks/use-estimate";
import { useRunPlan } from "@/lib/hooks/use-run-plan";
import { useSubmitGeneration } from "@/lib/hooks/use-submit-generation";
import type { FieldErrors } from "@/lib/http/field-errors";
import { randomSeed } from "@/lib/krea/options";
import { kreaInputSchema, type KreaInput } from "@/lib/krea/schema";
import { AspectRatioPicker } from "./aspect-ratio-picker";
import { CompareActions } from "./compare-actions";
import { ConfirmSpendHost } from "./confirm-spend-host";
import { ParentChip } from "./parent-chip";
import { StrengthSweepDialog } from "./strength-sweep-dialog";
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
  // The generation the builder's settings came from: what it makes next records it as parent.
  const [parent, setParent] = useState<(ParentLink & { prompt: string }) | null>(null);
  const [sweepOpen, setSweepOpen] = useState(false);
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
  const { submitPlan, retry, discard, pending, failed } = useSubmitGeneration(onFieldErrors);
  const runPlan = useRunPlan(submitPlan);

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
    setParent(request.parent ? { ...request.parent, kind: "reuse" } : null);
    toast.success(plan.toast.title, { description: plan.toast.description });
  });

  // The seed the cards will show: drawn here when not pinned, so it is known before
  // the answer, and one seed serves every workflow of a comparison.
  const seeded = (input: KreaInput): KreaInput => {
    if (input.seed !== null && input.seed !== undefined) return input;
    const seed = randomSeed();
    setLastSeed(seed);
    return { ...input, seed };
  };
  const link = parent ? { id: parent.id, kind: parent.kind } : undefined;

  const onValid = (input: KreaInput) => {
    // Generate shows its cost on the button itself and never asks.
    void submitPlan(planGenerate(seeded(input), link));
  };
  // Several workflows at once ask first above the designer's limit.
  const submitWith = (make: (input: KreaInput) => SubmitPlan) =>
    handleSubmit((input) => runPlan(make(seeded(input))));

  const costInput = { size, quantity, imageStyleReferences };
  const memberCost = (s: "medium" | "large") => workflowCost({ ...costInput, size: s });
  const compareCosts = {
    compare: memberCost("medium") + memberCost("large"),
    creativitySweep: 4 * workflowCost(costInput),
    strengthMember: workflowCost(costInput),
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
          before={
            parent ? (
              <ParentChip prompt={shortPrompt(parent.prompt, 40)} onClear={() => setParent(null)} />
            ) : null
          }
        >
          <CompareActions
            costs={compareCosts}
            pending={pending}
            referenceCount={imageStyleReferences.length}
            onCompare={() => void submitWith((i) => planCompare(i, link))()}
            onCreativitySweep={() => void submitWith((i) => planCreativitySweep(i, link))()}
            onStrengthSweep={() => setSweepOpen(true)}
          />
        </GenerateBar>
      </form>
      {sweepOpen && imageStyleReferences.length > 0 ? (
        <StrengthSweepDialog
          references={imageStyleReferences}
          memberCost={compareCosts.strengthMember}
          onClose={() => setSweepOpen(false)}
          onRun={(index, strengths) => {
            setSweepOpen(false);
            void submitWith((i) => planStrengthSweep(i, index, strengths, link))();
          }}
        />
      ) : null}
      <ConfirmSpendHost />
    </FormProvider>
  );
}
