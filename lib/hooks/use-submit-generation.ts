"use client";
// Sends a Generate click to POST /api/workflows exactly once. Each click gets its
// own idempotency key, stored with the request in sessionStorage until the studio
// answers: a double click is ignored while the first is in flight, failures that
// may heal are retried with the same key (lib/builder/submit-retry.ts) for up to
// a minute, Retry reuses the key, and a reload mid-request resends it with the
// same key on the next load. The orchestrator returns the existing workflow for a
// repeated key, so none of these can create a second paid workflow.
import { useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { toast } from "@/lib/ui/toast";
import {
  newPendingSubmit,
  readPendingSubmits,
  removePendingSubmit,
  savePendingSubmit,
  type PendingSubmit,
} from "@/lib/builder/pending-submits";
import { retryClick, postSubmit, SubmitGaveUp } from "@/lib/builder/submit-retry";
import { recordSubmitted } from "@/lib/builder/session-spend";
import { sessionStore } from "@/lib/builder/session-store";
import { upsertGeneration } from "@/lib/generations/cache";
import type { Generation } from "@/lib/generations/types";
import { watchSession } from "@/lib/generations/watch-session";
import { ApiError } from "@/lib/http/client";
import type { FieldErrors } from "@/lib/http/field-errors";
import { formatBuzz } from "@/lib/krea/pricing";
import type { ResolvedKreaInput } from "@/lib/krea/schema";
import { notifySessionSpend } from "./use-session-spend";
import { openTokenDialog } from "./use-token-dialog";

// Keys being sent by this page right now, shared by every hook instance (and by
// React's development double-mount), so one key is never in flight twice. The
// state lives outside React for the same reason: a submit outlives renders.
const inFlight = new Set<string>();
/** Per key in flight: ends the wait before the next attempt (Retry) or the whole click (Discard). */
const controls = new Map<string, { wake: () => void; abort: AbortController }>();

interface SubmitState {
  pending: boolean;
  failed: FailedSubmit | null;
}
let state: SubmitState = { pending: false, failed: null };
const SERVER_STATE: SubmitState = { pending: false, failed: null };
const listeners = new Set<() => void>();

function setState(patch: Partial<SubmitState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

interface SendContext {
  queryClient: QueryClient;
  onFieldErrors: (errors: FieldErrors) => void;
}

export interface FailedSubmit {
  entry: PendingSubmit;
  message: string;
  /** true while the studio is still retrying this request by itself */
  retrying: boolean;
}

export interface SubmitGeneration {
  /** sends a new Generate click; ignored while another is in flight */
  submit(input: ResolvedKreaInput): Promise<Generation | null>;
  /** resends the failed submit with its original key */
  retry(): void;
  /** forgets the failed submit */
  discard(): void;
  pending: boolean;
  failed: FailedSubmit | null;
}

const images = (n: number) => `${n} ${n === 1 ? "image" : "images"}`;

function announce(generation: Generation, resumed: boolean): void {
  const n = generation.input?.quantity ?? generation.images.length;
  const buzz = `${formatBuzz(generation.quotedBuzz)} Buzz`;
  const prefix = resumed ? "Recovered after reload: " : "";
  if (generation.status === "succeeded") {
    toast.success(`${prefix}${images(n)} ready · ${buzz}`);
  } else if (generation.final) {
    toast.error(`${prefix}The generation ended ${generation.status}`, {
      description: generation.failureReason ?? undefined,
    });
  } else {
    toast.success(`${prefix}Generating ${images(n)} · ${buzz}`);
  }
}

function clearFailed(key: string): void {
  if (state.failed?.entry.key === key) setState({ failed: null });
}

async function send(
  ctx: SendContext,
  entry: PendingSubmit,
  resumed = false,
): Promise<Generation | null> {
  if (inFlight.has(entry.key)) return null;
  inFlight.add(entry.key);
  const store = sessionStore();
  savePendingSubmit(store, entry);
  setState({ pending: true });
  const abort = new AbortController();
  let wake = () => {};
  controls.set(entry.key, { wake: () => wake(), abort });
  try {
    let joined: string | null = null;
    const generation = await retryClick(
      (signal) =>
        postSubmit(entry, {
          signal,
          headers: watchSession.submitHeaders(),
          onResponse: (response) => {
            joined = response.headers.get("x-watch-joined");
          },
        }),
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
        onRetry: ({ message }) => setState({ failed: { entry, message, retrying: true } }),
      },
    );
    // Before the cache changes: the watch then knows its long-poll follows this one.
    watchSession.noteJoined(generation.id, joined);
    removePendingSubmit(store, entry.key);
    clearFailed(entry.key);
    upsertGeneration(ctx.queryClient, generation);
    recordSubmitted(store, generation);
    notifySessionSpend();
    announce(generation, resumed);
    return generation;
  } catch (error) {
    if (abort.signal.aborted) return null; // discarded
    if (error instanceof SubmitGaveUp) {
      // Kept in storage with its key: Retry, or the next load, sends the same request.
      setState({ failed: { entry, message: error.message, retrying: false } });
      toast.error("Generate did not go through", {
        description: error.message,
        action: { label: "Retry", onClick: () => void send(ctx, entry) },
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
        toast.error(error.title, { description: error.detail });
      }
    } else {
      toast.error("Generate failed", { description: String(error) });
    }
    return null;
  } finally {
    inFlight.delete(entry.key);
    controls.delete(entry.key);
    setState({ pending: inFlight.size > 0 });
  }
}

export function useSubmitGeneration(
  onFieldErrors: (errors: FieldErrors) => void,
): SubmitGeneration {
  const queryClient = useQueryClient();
  const { pending, failed } = useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER_STATE,
  );
  const onFieldErrorsRef = useRef(onFieldErrors);
  useEffect(() => {
    onFieldErrorsRef.current = onFieldErrors;
  });
  const ctx = useMemo<SendContext>(
    () => ({ queryClient, onFieldErrors: (errors) => onFieldErrorsRef.current(errors) }),
    [queryClient],
  );

  // A reload while a submit was in flight: send it again with its key. The
  // server answers with the workflow it already made, if it made one.
  useEffect(() => {
    for (const entry of readPendingSubmits(sessionStore())) void send(ctx, entry, true);
  }, [ctx]);

  return useMemo(
    () => ({
      // The guard is synchronous: a double click's second event sees it at once,
      // before React has re-rendered the button as disabled.
      submit: (input) =>
        inFlight.size > 0 ? Promise.resolve(null) : send(ctx, newPendingSubmit(input)),
      retry: () => {
        const failed = state.failed;
        if (!failed) return;
        const running = controls.get(failed.entry.key);
        if (running) running.wake();
        else void send(ctx, failed.entry);
      },
      discard: () => {
        if (!state.failed) return;
        const key = state.failed.entry.key;
        controls.get(key)?.abort.abort();
        removePendingSubmit(sessionStore(), key);
        setState({ failed: null });
      },
      pending,
      failed,
    }),
    [ctx, pending, failed],
  );
}
