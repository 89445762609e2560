"use client";
// The Token dialog lives in the header, but a rejected token shows up where a
// request fails (a submit, an estimate): anything may open it through here.
import { useSyncExternalStore } from "react";

let open = false;
const listeners = new Set<() => void>();

export function setTokenDialogOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
}

export function openTokenDialog(): void {
  setTokenDialogOpen(true);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useTokenDialogOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
}
