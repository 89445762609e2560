"use client";
// The account submits go to now, as the server last said: the page's engine info
// (rendered per request, refreshed when the token changes) and every
// /api/health answer (another tab may have changed the token). Kept outside
// React because the submit code that reads it outlives renders.
import { useEffect } from "react";
import type { SubmitAccount } from "@/lib/contract/api";
import { createStore, useStore } from "@/lib/client/platform/store";

const currentAccount = createStore<SubmitAccount | null>(null);

export function getCurrentAccount(): SubmitAccount | null {
  return currentAccount.get();
}

/** Notifies only when the account really changed: health answers repeat it every few seconds. */
export function setCurrentAccount(account: SubmitAccount): void {
  const current = currentAccount.get();
  if (current?.fingerprint === account.fingerprint && current.label === account.label) return;
  currentAccount.set(account);
}

export function useCurrentAccount(): SubmitAccount | null {
  return useStore(currentAccount);
}

/** Rendered by the header with the server's engine info: keeps the store current. */
export function useSyncCurrentAccount(account: SubmitAccount): void {
  const { fingerprint, label } = account;
  useEffect(() => setCurrentAccount({ fingerprint, label }), [fingerprint, label]);
}
