"use client";
// What the builder shows about the clicks being sent (lib/client/builder/use-submit-generation.ts):
// in flight, failed with Retry, or waiting for the account they were made for.
// Outside React, shared by every hook instance: a submit outlives renders.
import type { PendingSubmit } from "@/lib/client/builder/pending-submits";

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
let state: SubmitState = { pending: false, failed: null, waiting: [] };
export const SERVER_STATE: SubmitState = { pending: false, failed: null, waiting: [] };
const listeners = new Set<() => void>();

export function setState(patch: Partial<SubmitState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function getSubmitState(): SubmitState {
  return state;
}

export function clearFailed(key: string): void {
  const failed = state.failed;
  if (!failed?.entries.some((e) => e.key === key)) return;
  const entries = failed.entries.filter((e) => e.key !== key);
  setState({ failed: entries.length ? { ...failed, entries } : null });
}

/** Kept (still stored) but not sent: it was made for another account than the current one. */
export function addWaiting(entry: PendingSubmit): void {
  clearFailed(entry.key);
  const others = state.waiting.filter((e) => e.key !== entry.key);
  setState({ waiting: [...others, entry] });
}

export function clearWaiting(key: string): void {
  if (state.waiting.some((e) => e.key === key))
    setState({ waiting: state.waiting.filter((e) => e.key !== key) });
}

export function addFailed(entry: PendingSubmit, message: string, retrying: boolean): void {
  const others = (state.failed?.entries ?? []).filter((e) => e.key !== entry.key);
  setState({ failed: { entries: [...others, entry], message, retrying } });
}
