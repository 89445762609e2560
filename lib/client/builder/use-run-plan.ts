"use client";
// Runs a click's submit plan, asking first when it costs more than the
// designer's limit. The question is asked by one dialog for the whole page
// (ConfirmSpendHost, through confirm-request.ts), so the builder and every card
// share it and the limit.
import { useCallback } from "react";
import { askToConfirm } from "@/lib/client/builder/confirm-request";
import {
  localStore,
  needsConfirmation,
  readConfirmAbove,
} from "@/lib/client/builder/spend-threshold";
import type { SubmitPlan } from "@/lib/client/builder/submit-plans";
import { useSubmitPlan } from "./use-submit-generation";

/** `submit` defaults to the page's shared submitter (cards); the builder passes its own. */
export function useRunPlan(
  submit?: (plan: SubmitPlan) => Promise<unknown>,
): (plan: SubmitPlan, options?: { confirmed?: boolean }) => void {
  const shared = useSubmitPlan();
  const send = submit ?? shared;
  return useCallback(
    (plan, options = {}) => {
      const run = () => void send(plan);
      if (!options.confirmed && needsConfirmation(plan.total, readConfirmAbove(localStore()))) {
        askToConfirm({ plan, run });
      } else run();
    },
    [send],
  );
}
