"use client";
// Sends a Generate click to POST /api/workflows exactly once. Each click gets its
// own idempotency key, stored with the request in sessionStorage until the studio
// answers: a double click is ignored while the first is in flight, Retry after a
// network error reuses the key, and a reload mid-request resends it with the
// same key on the next load. The orchestrator returns the existing workflow for a
// repeated key, so none of these can create a second paid workflow.
//
// A submit may be prepared first (fresh URLs for uploaded style references): that
// happens after the click and before the key and request are made and stored, so
// the stored request is final from its first send and every resend is identical.
// The click guard covers the preparation too: a second click meanwhile is ignored.
import { useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { toast } from "@/lib/ui/toast";
import {
  newPendingSubmit,
  readPendingSubmits,
  removePendingSubmit,
  savePendingSubmit,
  submitPath,
  type PendingSubmit,
  type SubmitStyleSet,
} from "@/lib/builder/pending-submits";
import { recordSubmitted } from "@/lib/builder/session-spend";
import { sessionStore } from "@/lib/builder/session-store";
import { upsertGeneration } from "@/lib/generations/cache";
import type { Generation } from "@/lib/generations/types";
import { watchSession } from "@/lib/generations/watch-session";
import { ApiError, apiFetch, NetworkError } from "@/lib/http/client";
import type { FieldErrors } from "@/lib/http/field-errors";
import { formatBuzz } from "@/lib/krea/pricing";
import type { ResolvedKreaInput } from "@/lib/krea/schema";
import { notifySessionSpend } from "./use-session-spend";
import { openTokenDialog } from "./use-token-dialog";

// Keys being sent by this page right now, shared by every hook instance (and by
// React's development double-mount), so one key is never in flight twice. The
// state lives outside React for the same reason: a submit outlives renders.
const inFlight = new Set<string>();
/** true while a click's request is being prepared, before it has a key */
let preparing = false;

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
}

export interface SubmitOptions {
  /** the style set to record on the generation */
  styleSet?: SubmitStyleSet | null;
  /** last changes to the input before its key is made and stored; a throw cancels the submit */
  prepare?: (input: ResolvedKreaInput) => Promise<ResolvedKreaInput>;
}

export interface SubmitGeneration {
  /** sends a new Generate click; ignored while another is in flight */
  submit(input: ResolvedKreaInput, options?: SubmitOptions): Promise<Generation | null>;
  /** resends the failed submit with its original key */
  retry(): void;
  /** forgets the failed submit */
  discard(): void;
  pending: boolean;
  failed: FailedSubmit | null;
}

const images = (n: number) => `${n} ${n === 1 ? "image" : "images"}`;

/** Worth resending with the same key: the request may never have arrived, or may heal. */
function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.status >= 500 || error.status === 429);
}

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
  try {
    let joined: string | null = null;
    const generation = await apiFetch<Generation>(submitPath(entry), {
      method: "POST",
      headers: { "idempotency-key": entry.key, ...watchSession.submitHeaders() },
      json: entry.input,
      onResponse: (response) => {
        joined = response.headers.get("x-watch-joined");
      },
    });
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
    if (isRetryable(error)) {
      // Kept in storage with its key: Retry, or the next load, sends the same request.
      const message =
        error instanceof ApiError
          ? error.detail
          : "The Generate request did not reach the studio. Retry sends the same request: it cannot be charged twice.";
      setState({ failed: { entry, message } });
      toast.error("Generate did not go through", {
        description: message,
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
    setState({ pending: inFlight.size > 0 });
  }
}

async function prepareThenSend(
  ctx: SendContext,
  input: ResolvedKreaInput,
  { prepare, styleSet }: SubmitOptions,
): Promise<Generation | null> {
  preparing = true;
  setState({ pending: true });
  let prepared: ResolvedKreaInput;
  try {
    prepared = prepare ? await prepare(input) : input;
  } catch (error) {
    toast.error("Generate did not go through", {
      description: `${error instanceof Error ? error.message : String(error)} Nothing was sent or charged.`,
    });
    return null;
  } finally {
    preparing = false;
    setState({ pending: inFlight.size > 0 });
  }
  return send(ctx, newPendingSubmit(prepared, Date.now(), styleSet));
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
      submit: (input, options = {}) => {
        if (inFlight.size > 0 || preparing) return Promise.resolve(null);
        if (options.prepare) return prepareThenSend(ctx, input, options);
        return send(ctx, newPendingSubmit(input, Date.now(), options.styleSet));
      },
      retry: () => {
        if (state.failed) void send(ctx, state.failed.entry);
      },
      discard: () => {
        if (!state.failed) return;
        removePendingSubmit(sessionStore(), state.failed.entry.key);
        setState({ failed: null });
      },
      pending,
      failed,
    }),
    [ctx, pending, failed],
  );
}
