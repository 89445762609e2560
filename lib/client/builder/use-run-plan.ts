"use client";
// Runs a click's submit plan, asking first when it costs more than the
// designer's limit. The question is asked by one dialog for the whole page
// (ConfirmSpendHost), so the builder and every card share it and the limit.
import { useCallback, useSyncExternalStore } from "react";
import {
  localStore,
  needsConfirmation,
  readConfirmAbove,
} from "@/lib/client/builder/spend-threshold";
import type { SubmitPlan } from "@/lib/client/builder/submit-plans";
import { useSubmitPlan } from "./use-submit-generation";

export interface ConfirmRequest {
  plan: SubmitPlan;
  run: () => void;
}

let request: ConfirmRequest | null = null;
const listeners = new Set<() => void>();

function setRequest(next: ConfirmRequest | null): void {
  request = next;
  for (const l of listeners) l();
}

export function useConfirmRequest(): [ConfirmRequest | null, () => void] {
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => request,
    () => null,
  );
  return [current, () => setRequest(null)];
}

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
        setRequest({ plan, run });
      } else run();
    },
    [send],
  );
}
