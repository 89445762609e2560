"use client";
// The account submits go to now, as the server last said: the page's engine info
// (rendered per request, refreshed when the token changes) and every
// /api/health answer (another tab may have changed the token). Kept outside
// React because the submit code that reads it outlives renders.
import { useEffect, useSyncExternalStore } from "react";
import type { SubmitAccount } from "@/lib/contract/api";

let current: SubmitAccount | null = null;
const listeners = new Set<() => void>();

export function getCurrentAccount(): SubmitAccount | null {
  return current;
}

/** Notifies only when the account really changed: health answers repeat it every few seconds. */
export function setCurrentAccount(account: SubmitAccount): void {
  if (current?.fingerprint === account.fingerprint && current.label === account.label) return;
  current = account;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useCurrentAccount(): SubmitAccount | null {
  return useSyncExternalStore(subscribe, getCurrentAccount, () => null);
}

/** Rendered by the header with the server's engine info: keeps the store current. */
export function useSyncCurrentAccount(account: SubmitAccount): void {
  const { fingerprint, label } = account;
  useEffect(() => setCurrentAccount({ fingerprint, label }), [fingerprint, label]);
}
