"use client";
// Sends a Generate click to POST /api/workflows exactly once. Each click gets its
// own idempotency key, stored with the request in sessionStorage until the studio
// answers: a double click is ignored while the first is in flight, failures that
// may heal are retried with the same key (lib/client/builder/submit-retry.ts) for up to
// a minute, Retry reuses the key, and a reload mid-request resends it with the
// same key on the next load. The orchestrator returns the existing workflow for a
// repeated key, so none of these can create a second paid workflow. A click that
// submits several workflows (Compare tiers, a sweep, a card's Rerun) goes the
// same way: one key per member, all stored before the first is sent.
//
// A submit may be prepared first (fresh URLs for uploaded style references): that
// happens after the click and before the keys and requests are made and stored, so
// the stored requests are final from their first send and every resend is identical.
// The click guard covers the preparation too: a second click meanwhile is ignored.
//
// A kept submit belongs to the account it was clicked for (lib/client/builder/submit-account.ts):
// while another account is in use it waits, shown as "Waiting for …" with Discard,
// and is sent only when that account is the current one again.
import { useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { toast } from "@/lib/client/platform/toast";
import {
  newPendingSubmit,
  readPendingSubmits,
  removePendingSubmit,
  savePendingSubmit,
  savePendingSubmits,
  type PendingSubmit,
  type SubmitStyleSet,
} from "@/lib/client/builder/pending-submits";
import { planCostText, planGenerate, type SubmitPlan } from "@/lib/client/builder/submit-plans";
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
import { formatBuzz } from "@/lib/contract/krea/pricing";
import type { ResolvedKreaInput } from "@/lib/contract/krea/schema";
import {
  getCurrentAccount,
  setCurrentAccount,
  useCurrentAccount,
} from "../platform/use-current-account";
import { HEALTH_KEY } from "../platform/use-orchestrator-health";
import {
  addFailed,
  addWaiting,
  clearFailed,
  clearWaiting,
  getSubmitState,
  setState,
  SERVER_STATE,
  subscribe,
  type FailedSubmit,
} from "./submit-state";
import { notifySessionSpend } from "./use-session-spend";
import { openTokenDialog } from "../platform/use-token-dialog";

// Keys being sent by this page right now, shared by every hook instance (and by
// React's development double-mount), so one key is never in flight twice. The
// state lives outside React for the same reason: a submit outlives renders.
const inFlight = new Set<string>();
/** Per key in flight: ends the wait before the next attempt (Retry) or the whole submit (Discard). */
const controls = new Map<string, { wake: () => void; abort: AbortController }>();
/** true while a click's request is being prepared, before it has a key */
let preparing = false;

interface SendContext {
  queryClient: QueryClient;
  onFieldErrors: (errors: FieldErrors) => void;
}

export type { FailedSubmit };

export interface SubmitClickOptions {
  /** the style set to record on the generation */
  styleSet?: SubmitStyleSet | null;
  /** last changes to the input before its key is made and stored; a throw cancels the submit */
  prepare?: (input: ResolvedKreaInput) => Promise<ResolvedKreaInput>;
}

export interface SubmitGeneration {
  /** sends a new Generate click; ignored while another is in flight */
  submit(input: ResolvedKreaInput, options?: SubmitClickOptions): Promise<Generation | null>;
  /** sends every workflow of a plan (one click); ignored while another is in flight */
  submitPlan(plan: SubmitPlan, options?: SubmitClickOptions): Promise<(Generation | null)[]>;
  /** resends the failed submits with their original keys */
  retry(): void;
  /** forgets the failed submits */
  discard(): void;
  /** forgets the submits waiting for this account */
  discardWaiting(fingerprint: string): void;
  pending: boolean;
  failed: FailedSubmit | null;
  waiting: PendingSubmit[];
}

const ENDED: Partial<Record<Generation["status"], string>> = {
  failed: "The generation failed",
  expired: "The generation expired before it was scheduled",
  canceled: "The generation was canceled",
};

const images = (n: number) => `${n} ${n === 1 ? "image" : "images"}`;

function announce(generation: Generation, resumed: boolean): void {
  const n = generation.input?.quantity ?? generation.images.length;
  const buzz = `${formatBuzz(generation.quotedBuzz)} Buzz`;
  const prefix = resumed ? "Recovered after reload: " : "";
  if (generation.status === "succeeded") {
    toast.success(`${prefix}${images(n)} ready · ${buzz}`);
  } else if (generation.final) {
    toast.error(
      `${prefix}${ENDED[generation.status] ?? `The generation ended: ${generation.status}`}`,
      {
        description: generation.failureReason ?? undefined,
      },
    );
  } else {
    toast.success(`${prefix}Generating ${images(n)} · ${buzz}`);
  }
}

interface SendOptions {
  resumed?: boolean;
  /** a member of a several-workflow click: the click announces once */
  quiet?: boolean;
}

async function send(
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
    upsertGeneration(ctx.queryClient, generation);
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
        void ctx.queryClient.invalidateQueries({ queryKey: HEALTH_KEY });
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
    setState({ pending: inFlight.size > 0 });
  }
}

function retryFailed(ctx: SendContext): void {
  for (const entry of getSubmitState().failed?.entries ?? []) {
    const running = controls.get(entry.key);
    if (running) running.wake();
    else void send(ctx, entry);
  }
}

function announcePlan(plan: SubmitPlan, results: (Generation | null)[]): void {
  const sent = results.filter((g): g is Generation => g !== null);
  if (sent.length === 0) return;
  const what =
    sent.length === plan.members.length
      ? `${plan.title}: ${sent.length} generations`
      : `${plan.title}: ${sent.length} of ${plan.members.length} generations`;
  toast.success(`${what} · ${planCostText(plan)}`);
}

/**
 * Runs the click's preparation once, on the first member, and carries the fresh
 * reference URLs to every member by position (a strength sweep's members differ
 * only in one strength, so their references line up). Null when it failed: the
 * designer has been told, nothing was sent.
 */
export async function preparePlan(plan: SubmitPlan, prepare: SubmitClickOptions["prepare"]) {
  if (!prepare) return plan;
  preparing = true;
  setState({ pending: true });
  try {
    const fresh = (await prepare(plan.members[0]!.input)).imageStyleReferences;
    return {
      ...plan,
      members: plan.members.map((m) => ({
        ...m,
        input: {
          ...m.input,
          imageStyleReferences: m.input.imageStyleReferences.map((ref, i) => ({
            ...ref,
            imageUrl: fresh[i]?.imageUrl ?? ref.imageUrl,
          })),
        },
      })),
    };
  } catch (error) {
    toast.error("Generate did not go through", {
      description: `${error instanceof Error ? error.message : String(error)} Nothing was sent or charged.`,
    });
    return null;
  } finally {
    preparing = false;
    setState({ pending: inFlight.size > 0 });
  }
}

/** Sends one click's workflows; ignored while another click is in flight. */
export async function sendPlan(
  ctx: SendContext,
  plan: SubmitPlan,
  options: SubmitClickOptions = {},
): Promise<(Generation | null)[]> {
  // The guard is synchronous: a double click's second event sees it at once,
  // before React has re-rendered the button as disabled.
  if (inFlight.size > 0 || preparing || plan.members.length === 0) return [];
  // Whom this click spends for; the header sets it as the page starts.
  const account = getCurrentAccount();
  if (!account) {
    toast.error("Generate did not go through", {
      description: "The studio is still starting in this tab. Nothing was sent; try again.",
    });
    return [];
  }
  const ready = await preparePlan(plan, options.prepare);
  if (!ready) return [];
  const several = ready.members.length > 1;
  const group = several ? globalThis.crypto.randomUUID() : undefined;
  const now = Date.now();
  const entries = ready.members.map((m) =>
    newPendingSubmit(m.input, now, {
      account,
      context: m.context,
      group,
      styleSet: options.styleSet,
      // Several at once return at once: the gallery follows them with one long-poll.
      wait: several ? 0 : undefined,
    }),
  );
  savePendingSubmits(sessionStore(), entries);
  const results = await Promise.all(entries.map((e) => send(ctx, e, { quiet: several })));
  if (several) announcePlan(ready, results);
  return results;
}

const IGNORE_FIELD_ERRORS = () => undefined;

/** Submits from outside the builder (a card's Rerun, Try on large): no form to put field errors on. */
export function useSubmitPlan(): (plan: SubmitPlan) => Promise<(Generation | null)[]> {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const ctx: SendContext = { queryClient, onFieldErrors: IGNORE_FIELD_ERRORS };
    return (plan: SubmitPlan) => sendPlan(ctx, plan);
  }, [queryClient]);
}

export function useSubmitGeneration(
  onFieldErrors: (errors: FieldErrors) => void,
): SubmitGeneration {
  const queryClient = useQueryClient();
  const { pending, failed, waiting } = useSyncExternalStore(
    subscribe,
    getSubmitState,
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
  // server answers with the workflow it already made, if it made one. Only the
  // current account's are sent; the others wait, and go when theirs is back.
  const account = useCurrentAccount()?.fingerprint;
  useEffect(() => {
    if (!account) return;
    const current = getCurrentAccount();
    for (const entry of readPendingSubmits(sessionStore())) {
      const running = controls.get(entry.key);
      if (!running) void send(ctx, entry, { resumed: true });
      // One retrying right now for the account that was just left stops and waits.
      else if (!isCurrentAccount(entry.account, current))
        running.abort.abort(new AccountChangedError(entry.account));
    }
  }, [ctx, account]);

  return useMemo(
    () => ({
      submit: (input, options) =>
        sendPlan(ctx, planGenerate(input), options).then((r) => r[0] ?? null),
      submitPlan: (plan, options) => sendPlan(ctx, plan, options),
      retry: () => retryFailed(ctx),
      discard: () => {
        const failed = getSubmitState().failed;
        if (!failed) return;
        for (const entry of failed.entries) {
          controls.get(entry.key)?.abort.abort();
          removePendingSubmit(sessionStore(), entry.key);
        }
        setState({ failed: null });
      },
      discardWaiting: (fingerprint) => {
        const gone = getSubmitState().waiting.filter((e) => e.account.fingerprint === fingerprint);
        for (const entry of gone) removePendingSubmit(sessionStore(), entry.key);
        setState({ waiting: getSubmitState().waiting.filter((e) => !gone.includes(e)) });
      },
      pending,
      failed,
      waiting,
    }),
    [ctx, pending, failed, waiting],
  );
}
