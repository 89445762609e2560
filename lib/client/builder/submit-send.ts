"use client";
// Sends a click's stored requests to POST /api/workflows, retrying with the same
// key and holding a submit made for another account (exactly once: README "How it
// works"). submit-click.ts turns a click into stored requests, submit-kept.ts resends
// or discards kept ones, use-submit-generation.ts gives them to components.
import { toast } from "@/lib/client/platform/toast";
import {
  removePendingSubmit,
  savePendingSubmit,
  type PendingSubmit,
} from "@/lib/client/builder/pending-submits";
import { postSubmit, retryClick, SubmitGaveUp } from "@/lib/client/builder/submit-retry";
import { recordSubmitted } from "@/lib/client/builder/session-spend";
import {
  AccountChangedError,
  isAccountChanged,
  isCurrentAccount,
  readSubmitAccount,
} from "@/lib/client/platform/submit-account";
import { sessionStore } from "@/lib/client/platform/session-store";
import { upsertGeneration } from "@/lib/client/gallery/cache";
import type { Generation } from "@/lib/contract/generations/types";
import { watchSession } from "@/lib/client/gallery/watch-session";
import { ApiError } from "@/lib/client/platform/api-client";
import type { FieldErrors } from "@/lib/contract/krea/field-errors";
import { getCurrentAccount, setCurrentAccount } from "../platform/current-account";
import { withQueryClient } from "../platform/lazy-query";
import { HEALTH_KEY } from "../platform/use-orchestrator-health";
import { openTokenDialog } from "../platform/token-dialog-state";
import { announce } from "./submit-announce";
import {
  addFailed,
  addWaiting,
  clearFailed,
  clearWaiting,
  getSubmitState,
  setState,
} from "./submit-state";
import { notifySessionSpend } from "./use-session-spend";

// Keys being sent by this page right now, shared by every hook instance (and by
// React's development double-mount), so one key is never in flight twice. The
// state lives outside React for the same reason: a submit outlives renders.
const inFlight = new Set<string>();
/** Per key in flight: ends the wait before the next attempt (Retry) or the whole submit (Discard). */
const controls = new Map<string, { wake: () => void; abort: AbortController }>();

export interface SendContext {
  onFieldErrors: (errors: FieldErrors) => void;
}

/** The controls of the request with this key, while it is being sent. */
export function sendControls(key: string) {
  return controls.get(key);
}

/** Whether any request of this page is being sent right now. */
export function sending(): boolean {
  return inFlight.size > 0;
}

interface SendOptions {
  resumed?: boolean;
  /** a member of a several-workflow click: the click announces once */
  quiet?: boolean;
}

export async function send(
  ctx: SendContext,
  entry: PendingSubmit,
  { resumed = false, quiet = false }: SendOptions = {},
): Promise<Generation | null> {
  if (inFlight.has(entry.key)) return null;
  const store = sessionStore();
  savePendingSubmit(store, entry);
  if (!isCurrentAccount(entry.account, getCurrentAccount())) {
    addWaiting(entry);
    return null;
  }
  clearWaiting(entry.key);
  inFlight.add(entry.key);
  setState({ pending: true });
  const abort = new AbortController();
  let wake = () => {};
  controls.set(entry.key, { wake: () => wake(), abort });
  try {
    let joined: string | null = null;
    const generation = await retryClick(
      (signal) => {
        // The token changed while this click was retrying: it waits for its account.
        if (!isCurrentAccount(entry.account, getCurrentAccount()))
          return Promise.reject(new AccountChangedError(entry.account));
        return postSubmit(entry, {
          signal,
          headers: watchSession.submitHeaders(),
          onResponse: (response) => {
            joined = response.headers.get("x-watch-joined");
          },
        });
      },
      {
        signal: abort.signal,
        // Retry pressed while waiting: go now instead of at the end of the backoff.
        sleep: (ms, signal) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(resolve, ms);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
            signal?.addEventListener(
              "abort",
              () => {
                clearTimeout(timer);
                reject(signal.reason);
              },
              { once: true },
            );
          }),
        onRetry: ({ message }) => addFailed(entry, message, true),
      },
    );
    // Before the cache changes: the watch then knows its long-poll follows this one.
    watchSession.noteJoined(generation.id, joined);
    removePendingSubmit(store, entry.key);
    clearFailed(entry.key);
    withQueryClient((client) => upsertGeneration(client, generation));
    recordSubmitted(store, generation);
    notifySessionSpend();
    if (!quiet) announce(generation, resumed);
    return generation;
  } catch (error) {
    if (error instanceof AccountChangedError || isAccountChanged(error)) {
      // Still stored with its key; sent only once its own account is in use again.
      if (isAccountChanged(error)) {
        const now = readSubmitAccount(error.problem.account);
        if (now) setCurrentAccount(now);
        withQueryClient((client) => void client.invalidateQueries({ queryKey: HEALTH_KEY }));
      }
      addWaiting(entry);
      return null;
    }
    if (abort.signal.aborted) return null; // discarded
    if (error instanceof SubmitGaveUp) {
      // Kept in storage with its key: Retry, or the next load, sends the same request.
      const message = error.message;
      addFailed(entry, message, false);
      toast.error("Generate did not go through", {
        id: `failed-${entry.group ?? entry.key}`,
        description: message,
        action: { label: "Retry", onClick: () => retryFailed(ctx) },
      });
      return null;
    }
    removePendingSubmit(store, entry.key);
    clearFailed(entry.key);
    if (error instanceof ApiError) {
      if (Object.keys(error.fieldErrors).length) ctx.onFieldErrors(error.fieldErrors);
      if (error.status === 401) {
        toast.error("Civitai rejected the token", {
          description: `${error.detail} Nothing was charged.`,
          action: { label: "Token", onClick: openTokenDialog },
        });
      } else {
        toast.error(error.title, {
          id: `error-${entry.group ?? entry.key}`,
          description: error.detail,
        });
      }
    } else {
      toast.error("Generate failed", { description: String(error) });
    }
    return null;
  } finally {
    inFlight.delete(entry.key);
    controls.delete(entry.key);
    setState({ pending: sending() });
  }
}

export function retryFailed(ctx: SendContext): void {
  for (const entry of getSubmitState().failed?.entries ?? []) {
    const running = controls.get(entry.key);
    if (running) running.wake();
    else void send(ctx, entry);
  }
}
