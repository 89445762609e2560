"use client";
// The Token dialog lives in the header, but a rejected token shows up where a
// request fails (a submit, an estimate): anything may open it through here.
import { createStore, useStore } from "@/lib/client/platform/store";

const tokenDialog = createStore(false);

export function setTokenDialogOpen(next: boolean): void {
  tokenDialog.set(next);
}

export function openTokenDialog(): void {
  setTokenDialogOpen(true);
}

export function useTokenDialogOpen(): boolean {
  return useStore(tokenDialog);
}
