"use client";
// What the builder shows about the clicks being sent (lib/client/builder/submit-send.ts):
// in flight, failed with Retry, or waiting for the account they were made for.
// Outside React, shared by every hook instance: a submit outlives renders.
import type { PendingSubmit } from "@/lib/client/builder/pending-submits";
import { createStore, useStore } from "@/lib/client/platform/store";

export interface FailedSubmit {
  /** every submit of the click that did not go through, each with its key */
  entries: PendingSubmit[];
  message: string;
  /** true while the studio is still retrying these requests by itself */
  retrying: boolean;
}

export interface SubmitState {
  pending: boolean;
  failed: FailedSubmit | null;
  /** kept submits made for another account than the current one: never sent meanwhile */
  waiting: PendingSubmit[];
}

const submitState = createStore<SubmitState>(
  { pending: false, failed: null, waiting: [] },
  { server: { pending: false, failed: null, waiting: [] } },
);

export function setState(patch: Partial<SubmitState>): void {
  submitState.update((state) => ({ ...state, ...patch }));
}

export function getSubmitState(): SubmitState {
  return submitState.get();
}

export function useSubmitState(): SubmitState {
  return useStore(submitState);
}

export function clearFailed(key: string): void {
  const failed = getSubmitState().failed;
  if (!failed?.entries.some((e) => e.key === key)) return;
  const entries = failed.entries.filter((e) => e.key !== key);
  setState({ failed: entries.length ? { ...failed, entries } : null });
}

/** Kept (still stored) but not sent: it was made for another account than the current one. */
export function addWaiting(entry: PendingSubmit): void {
  clearFailed(entry.key);
  const others = getSubmitState().waiting.filter((e) => e.key !== entry.key);
  setState({ waiting: [...others, entry] });
}

export function clearWaiting(key: string): void {
  const { waiting } = getSubmitState();
  if (waiting.some((e) => e.key === key))
    setState({ waiting: waiting.filter((e) => e.key !== key) });
}

export function addFailed(entry: PendingSubmit, message: string, retrying: boolean): void {
  const others = (getSubmitState().failed?.entries ?? []).filter((e) => e.key !== entry.key);
  setState({ failed: { entries: [...others, entry], message, retrying } });
}
