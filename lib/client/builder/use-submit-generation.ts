"use client";
// The builder's and the cards' way to send Generate clicks: thin hooks over
// submit-click.ts (a click → stored requests), submit-send.ts (sending them
// exactly once), submit-kept.ts (resend, discard) and submit-state.ts.
import { useEffect, useMemo, useRef } from "react";
import type { PendingSubmit } from "@/lib/client/builder/pending-submits";
import { planGenerate, type SubmitPlan } from "@/lib/client/builder/submit-plans";
import type { Generation } from "@/lib/contract/generations/types";
import type { FieldErrors } from "@/lib/contract/krea/field-errors";
import type { KreaInput } from "@/lib/contract/krea/schema";
import { useCurrentAccount } from "../platform/current-account";
import { sendPlan, type SubmitClickOptions } from "./submit-click";
import { discardFailed, discardWaiting, resendKept } from "./submit-kept";
import { retryFailed, type SendContext } from "./submit-send";
import { useSubmitState, type FailedSubmit } from "./submit-state";

export type { FailedSubmit, SubmitClickOptions };

export interface SubmitGeneration {
  /** sends a new Generate click; ignored while another is in flight */
  submit(
    input: KreaInput & { seed: number },
    options?: SubmitClickOptions,
  ): Promise<Generation | null>;
  /** sends every workflow of a plan (one click); ignored while another is in flight */
  submitPlan(plan: SubmitPlan, options?: SubmitClickOptions): Promise<(Generation | null)[]>;
  /** resends the failed submits with their original keys */
  retry(): void;
  /** forgets the failed submits */
  discard(): void;
  /** forgets the submits waiting for this account */
  discardWaiting(fingerprint: string): void;
  pending: boolean;
  failed: FailedSubmit | null;
  waiting: PendingSubmit[];
}

const IGNORE_FIELD_ERRORS = () => undefined;

/** Submits from outside the builder (a card's Rerun, Try on large, a set's proofs): no form to put field errors on. */
export function useSubmitPlan(): (
  plan: SubmitPlan,
  options?: SubmitClickOptions,
) => Promise<(Generation | null)[]> {
  return useMemo(() => {
    const ctx: SendContext = { onFieldErrors: IGNORE_FIELD_ERRORS };
    return (plan: SubmitPlan, options?: SubmitClickOptions) => sendPlan(ctx, plan, options);
  }, []);
}

export function useSubmitGeneration(
  onFieldErrors: (errors: FieldErrors) => void,
): SubmitGeneration {
  const { pending, failed, waiting } = useSubmitState();
  const onFieldErrorsRef = useRef(onFieldErrors);
  useEffect(() => {
    onFieldErrorsRef.current = onFieldErrors;
  });
  const ctx = useMemo<SendContext>(
    () => ({ onFieldErrors: (errors) => onFieldErrorsRef.current(errors) }),
    [],
  );

  // Kept submits go (again) once the page knows its account, and whenever it changes.
  const account = useCurrentAccount()?.fingerprint;
  useEffect(() => {
    if (account) resendKept(ctx);
  }, [ctx, account]);

  return useMemo(
    () => ({
      submit: (input, options) =>
        sendPlan(ctx, planGenerate(input), options).then((r) => r[0] ?? null),
      submitPlan: (plan, options) => sendPlan(ctx, plan, options),
      retry: () => retryFailed(ctx),
      discard: discardFailed,
      discardWaiting,
      pending,
      failed,
      waiting,
    }),
    [ctx, pending, failed, waiting],
  );
}
