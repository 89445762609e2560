"use client";
// The one question "this costs more than your limit: send?" open on the page.
// One dialog asks it for the whole page (ConfirmSpendHost), so the builder and
// every card share it; useRunPlan (use-run-plan.ts) puts a plan here.
import type { SubmitPlan } from "@/lib/client/builder/submit-plans";
import { createStore, useStore } from "@/lib/client/platform/store";

export interface ConfirmRequest {
  plan: SubmitPlan;
  run: () => void;
}

const confirmRequest = createStore<ConfirmRequest | null>(null);

export function askToConfirm(request: ConfirmRequest): void {
  confirmRequest.set(request);
}

export function useConfirmRequest(): [ConfirmRequest | null, () => void] {
  return [useStore(confirmRequest), () => confirmRequest.set(null)];
}
