"use client";

import dynamic from "next/dynamic";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from "react";
import { toast } from "@/lib/client/platform/toast";
import { KREA_SETTINGS, type KreaSetting } from "@/lib/contract/krea/fields";
import { summarizeCost } from "@/lib/client/builder/cost-summary";
import { DEFAULT_VALUES, readDraft, writeDraft } from "@/lib/client/builder/draft";
import { enterKeyAction } from "@/lib/client/builder/enter-key";
import { fieldMessage } from "@/lib/client/builder/field-messages";
import { BuilderFormContext, createBuilderForm } from "@/lib/client/builder/form-state";
import { planLoad } from "@/lib/client/builder/load-request";
import {
  planCompare,
  planCreativitySweep,
  planGenerate,
  planStrengthSweep,
  workflowCost,
  type ParentLink,
  type SubmitPlan,
} from "@/lib/client/builder/submit-plans";
import { shortPrompt } from "@/lib/client/gallery/format";
import { sessionStore } from "@/lib/client/platform/session-store";
import { useStore } from "@/lib/client/platform/store";
import {
  useBuilderLoadRequests,
  type BuilderLoadRequest,
} from "@/lib/client/builder/builder-bridge";
import { useEstimate } from "@/lib/client/builder/use-estimate";
import { useRunPlan } from "@/lib/client/builder/use-run-plan";
import { getStyleSetOrigin, setStyleSetOrigin } from "@/lib/client/references/style-set-origin";
import {
  useSubmitGeneration,
  type SubmitClickOptions,
} from "@/lib/client/builder/use-submit-generation";
import type { FieldErrors } from "@/lib/contract/krea/field-errors";
import { randomSeed } from "@/lib/contract/krea/options";
import type { KreaInput } from "@/lib/contract/krea/schema";
import type { SeededKreaInput } from "@/lib/contract/grid/grid";
import {
  referencesBlockReason,
  referencesRisk,
  type ReferenceEntry,
} from "@/lib/client/references/entry";
import { markReferenceErrors, type ListAccess } from "@/lib/client/references/list";
import { needsPreparing } from "@/lib/client/references/prepare";
import { styleSetLink } from "@/lib/client/references/sets";
import { ReferencesSection } from "@/components/style-refs/references-section";
import { AspectRatioPicker } from "./aspect-ratio-picker";
import { CompareActions } from "./compare-actions";
import { ConfirmSpendHost } from "./confirm-spend-host";
import { ParentChip } from "./parent-chip";
import { SentLink, type SentNotice } from "./sent-link";
import { CreativityPicker } from "./creativity-picker";
import { GenerateBar } from "./generate-bar";
import { PromptField } from "./prompt-field";
import { QuantitySeedFields } from "./quantity-seed-fields";
import { TierPicker } from "./tier-picker";

// Opened by one button; its Radix Dialog and RadioGroup load when it is.
const StrengthSweepDialog = dynamic(
  () => import("./strength-sweep-dialog").then((m) => m.StrengthSweepDialog),
  { ssr: false },
);

const GridDialog = dynamic(
  () => import("@/components/grid/grid-dialog").then((m) => m.GridDialog),
  {
    ssr: false,
  },
);

const NO_REFERENCES: ReferenceEntry[] = [];
// The price depends only on whether references are attached, so rows still
// uploading are quoted as if their image were there already.
const PENDING_URL = "https://pending.invalid/reference";

const isFormField = (key: string): key is KreaSetting => KREA_SETTINGS.some((f) => f === key);

/** The Krea v2 form: every field, the live cost and Generate. */
export function BuilderForm() {
  // Checked as a field is edited and on Generate, never for merely passing
  // through a field: tabbing past the empty prompt says nothing (form-state.ts).
  const [form] = useState(() => createBuilderForm(DEFAULT_VALUES, fieldMessage));
  const [lastSeed, setLastSeed] = useState<number | null>(null);
  // The generation the builder's settings came from: what it makes next records it as parent.
  const [parent, setParent] = useState<(ParentLink & { prompt: string }) | null>(null);
  const [sweepOpen, setSweepOpen] = useState(false);
  // The builder's input when Grid was pressed (seed fixed), while the grid dialog is open.
  const [gridBase, setGridBase] = useState<{
    base: SeededKreaInput;
    set: { id: string; version: number } | null;
  } | null>(null);
  const [ready, setReady] = useState(false);
  const restored = useRef(false);

  // The draft is read after mount: sessionStorage does not exist on the server.
  useEffect(() => {
    const draft = readDraft(sessionStore());
    // Nothing saved: the server-rendered fields already hold the defaults. Resetting
    // anyway rewrites every input, repainting the page's largest text (the prompt's
    // placeholder) after hydration, which is what Largest Contentful Paint measures.
    if (draft !== DEFAULT_VALUES) form.reset(draft);
    restored.current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- marks the end of the one-time restore
    setReady(true);
  }, [form]);

  useEffect(() => {
    let saved = form.store.get().values;
    return form.store.subscribe(() => {
      const { values } = form.store.get();
      if (values === saved || !restored.current) return;
      saved = values;
      writeDraft(sessionStore(), values);
    });
  }, [form]);

  const onFieldErrors = useCallback(
    (errors: FieldErrors) => {
      for (const [path, messages] of Object.entries(errors)) {
        const root = path.split(".")[0] ?? path;
        const message = messages.map(fieldMessage).join(" ");
        // A reference's own errors go next to its row (below), not on the list.
        if (isFormField(root) && !path.startsWith("imageStyleReferences.")) {
          form.setError(root, message);
        }
      }
      // A reference's own errors ("imageStyleReferences.1.imageUrl") go next to its row.
      const rows = form.get("imageStyleReferences") ?? NO_REFERENCES;
      const marked = markReferenceErrors(rows, errors);
      if (marked !== rows) form.set("imageStyleReferences", [...marked]);
    },
    [form],
  );
  const { submitPlan, retry, discard, discardWaiting, pending, failed, waiting } =
    useSubmitGeneration(onFieldErrors);

  // Only what the cost needs: typing the prompt does not re-render the whole form.
  const size = useStore(form.store, (s) => s.values.size) ?? DEFAULT_VALUES.size;
  const quantity = useStore(form.store, (s) => s.values.quantity) ?? DEFAULT_VALUES.quantity;
  const rows = useStore(form.store, (s) => s.values.imageStyleReferences) ?? NO_REFERENCES;
  const imageStyleReferences = useMemo(
    () => rows.map((r) => ({ imageUrl: r.imageUrl || PENDING_URL, strength: r.strength })),
    [rows],
  );
  const quote = useEstimate({ size, quantity, imageStyleReferences });
  const cost = useMemo(
    () => summarizeCost({ size, quantity, styleReferenceCount: rows.length }, quote),
    [size, quantity, rows.length, quote],
  );

  useBuilderLoadRequests((request: BuilderLoadRequest) => {
    const plan = planLoad(request);
    // What the load replaces, so Undo gives back a prompt that was being typed.
    const values = form.store.get().values;
    const before = {
      values: Object.fromEntries(
        [...Object.keys(plan.values), "seed"].map((k) => [k, values[k as keyof typeof values]]),
      ) as Partial<typeof values>,
      origin: getStyleSetOrigin(),
      parent,
    };
    form.load(plan.values);
    // References loaded from a generation are not a set's (see lib/client/references/sets.ts).
    if (plan.values.imageStyleReferences) setStyleSetOrigin(null);
    form.set("seed", plan.seed);
    form.clearError("seed");
    setParent(request.parent ? { ...request.parent, kind: "reuse" } : null);
    toast.success(plan.toast.title, {
      description: plan.toast.description,
      duration: 10_000,
      action: {
        label: "Undo",
        onClick: () => {
          form.load(before.values);
          setStyleSetOrigin(before.origin);
          setParent(before.parent);
        },
      },
    });
  });

  const list = useMemo<ListAccess>(
    () => ({
      get: () => form.get("imageStyleReferences") ?? NO_REFERENCES,
      set: (next) => form.set("imageStyleReferences", [...next]),
    }),
    [form],
  );
  const blockedReason = referencesBlockReason(rows);

  // The seed the cards will show: drawn here when not pinned, so it is known before
  // the answer, and one seed serves every workflow of a comparison.
  const seeded = (input: KreaInput): KreaInput => {
    if (input.seed !== null && input.seed !== undefined) return input;
    const seed = randomSeed();
    setLastSeed(seed);
    return { ...input, seed };
  };
  const link = parent ? { id: parent.id, kind: parent.kind } : undefined;

  // What every submit from the builder carries: the set its references came from,
  // and fresh URLs for uploads about to expire (loaded only when needed).
  const submitOptions = (): SubmitClickOptions => ({
    styleSet: styleSetLink(list.get(), getStyleSetOrigin()),
    prepare: needsPreparing(list)
      ? async (resolved) => {
          const [{ withFreshReferences }, { refreshBlobs }] = await Promise.all([
            import("@/lib/client/references/prepare"),
            import("@/lib/client/references/reference-api"),
          ]);
          return withFreshReferences(resolved, list, refreshBlobs);
        }
      : undefined,
  });

  // What was just sent, for the "View" link under Generate.
  const [sent, setSent] = useState<SentNotice | null>(null);
  const send = async (plan: SubmitPlan) => {
    const results = await submitPlan(plan, submitOptions());
    const first = results.find((g) => g !== null);
    if (first) setSent({ id: first.id, what: plan.kind === "generate" ? null : plan.title });
    return results;
  };
  // Options are read when the plan is sent (after any confirmation), so they are current.
  const runPlan = useRunPlan(send);

  // Runs `then` with the checked input, or shows every error and focuses the first.
  const checked = (then: (input: KreaInput) => void) => () => {
    const input = form.submit();
    if (input) then(input);
  };

  const onValid = (input: KreaInput) => {
    // Generate shows its cost on the button itself and never asks.
    void send(planGenerate(seeded(input), link));
  };
  // Several workflows at once ask first above the designer's limit.
  const submitWith = (make: (input: KreaInput) => SubmitPlan) =>
    checked((input) => {
      if (referencesBlockReason(list.get())) return;
      runPlan(make(seeded(input)));
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Ctrl+Enter reaches here even while the button is disabled; the bar says why.
    if (referencesBlockReason(list.get())) return event.preventDefault();
    event.preventDefault();
    checked(onValid)();
  };

  // Enter never submits; Ctrl/Cmd+Enter does, once (lib/client/builder/enter-key.ts).
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target;
    // React bubbles events from portaled popovers too; only the form's own fields count.
    if (event.defaultPrevented || !(target instanceof HTMLElement)) return;
    if (!event.currentTarget.contains(target)) return;
    const action = enterKeyAction({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      isComposing: event.nativeEvent.isComposing,
      tagName: target.tagName,
      inputType: target instanceof HTMLInputElement ? target.type : undefined,
    });
    if (action === "default") return;
    event.preventDefault();
    if (action === "submit") event.currentTarget.requestSubmit();
  };

  const costInput = { size, quantity, imageStyleReferences };
  const memberCost = (s: "medium" | "large") => workflowCost({ ...costInput, size: s });
  const compareCosts = {
    compare: memberCost("medium") + memberCost("large"),
    creativitySweep: 4 * workflowCost(costInput),
    strengthMember: workflowCost(costInput),
  };

  return (
    <BuilderFormContext value={form}>
      <form
        noValidate
        aria-label="Krea v2 settings"
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        className="flex min-h-full flex-col"
      >
        <div className="flex-1 divide-y divide-border">
          <PromptField />
          <TierPicker hasStyleReferences={rows.length > 0} />
          <AspectRatioPicker />
          <CreativityPicker />
          <QuantitySeedFields lastSeed={lastSeed} />
          <ReferencesSection ready={ready} />
        </div>
        <GenerateBar
          cost={cost}
          blockedReason={blockedReason}
          risk={referencesRisk(rows)}
          pending={pending}
          failed={failed}
          onRetry={retry}
          onDiscard={discard}
          waiting={waiting}
          onDiscardWaiting={discardWaiting}
          before={
            <>
              {sent ? <SentLink notice={sent} onDone={() => setSent(null)} /> : null}
              {parent ? (
                <ParentChip
                  prompt={shortPrompt(parent.prompt, 40)}
                  onClear={() => setParent(null)}
                />
              ) : null}
            </>
          }
        >
          <CompareActions
            costs={compareCosts}
            priced={cost.valid}
            pending={pending}
            referenceCount={imageStyleReferences.length}
            onCompare={() => void submitWith((i) => planCompare(i, link))()}
            onCreativitySweep={() => void submitWith((i) => planCreativitySweep(i, link))()}
            onStrengthSweep={() => setSweepOpen(true)}
            onGrid={() =>
              void checked((input) => {
                if (referencesBlockReason(list.get())) return;
                const seededInput = seeded(input);
                setGridBase({
                  base: { ...seededInput, seed: seededInput.seed ?? randomSeed() },
                  set: styleSetLink(list.get(), getStyleSetOrigin()),
                });
              })()
            }
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
      {gridBase ? (
        <GridDialog
          base={gridBase.base}
          baseStyleSet={gridBase.set}
          onClose={() => setGridBase(null)}
        />
      ) : null}
      <ConfirmSpendHost />
    </BuilderFormContext>
  );
}
