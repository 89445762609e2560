"use client";
// Kept submits (stored with their keys in sessionStorage): resent after a reload
// or when their account is back, or discarded by the designer. Sending is
// submit-send.ts's.
import { readPendingSubmits, removePendingSubmit } from "@/lib/client/builder/pending-submits";
import { AccountChangedError, isCurrentAccount } from "@/lib/client/platform/submit-account";
import { sessionStore } from "@/lib/client/platform/session-store";
import { getCurrentAccount } from "../platform/current-account";
import { sendControls, send, type SendContext } from "./submit-send";
import { getSubmitState, setState } from "./submit-state";

/**
 * A reload while a submit was in flight: sends it again with its key. The
 * server answers with the workflow it already made, if it made one. Only the
 * current account's are sent; the others wait, and go when theirs is back.
 */
export function resendKept(ctx: SendContext): void {
  const current = getCurrentAccount();
  for (const entry of readPendingSubmits(sessionStore())) {
    const running = sendControls(entry.key);
    if (!running) void send(ctx, entry, { resumed: true });
    // One retrying right now for the account that was just left stops and waits.
    else if (!isCurrentAccount(entry.account, current))
      running.abort.abort(new AccountChangedError(entry.account));
  }
}

/** Forgets the failed submits (stops any still retrying). */
export function discardFailed(): void {
  const failed = getSubmitState().failed;
  if (!failed) return;
  for (const entry of failed.entries) {
    sendControls(entry.key)?.abort.abort();
    removePendingSubmit(sessionStore(), entry.key);
  }
  setState({ failed: null });
}

/** Forgets the submits waiting for this account. */
export function discardWaiting(fingerprint: string): void {
  const gone = getSubmitState().waiting.filter((e) => e.account.fingerprint === fingerprint);
  for (const entry of gone) removePendingSubmit(sessionStore(), entry.key);
  setState({ waiting: getSubmitState().waiting.filter((e) => !gone.includes(e)) });
}
