// One click's attempts, kept out of React so a Node test runs the very code the
// browser runs: same key every time, backoff honouring Retry-After, a time budget
// per click (exactly once: README "How it works").
import type { Generation } from "@/lib/contract/generations/types";
import { ApiError, apiFetch, NetworkError } from "@/lib/client/platform/api-client";
import { submitPath, type PendingSubmit } from "./pending-submits";
import { ACCOUNT_HEADER } from "@/lib/contract/api";

/** How long one click keeps trying before it gives up and hands over to Retry. */
export const CLICK_BUDGET_MS = 60_000;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 8_000;

/** Sends one attempt of a pending submit; the studio answers the generation or a problem. */
export function postSubmit(
  entry: PendingSubmit,
  options: {
    signal?: AbortSignal;
    fetch?: typeof fetch;
    /** more headers (the tab's watch session) */
    headers?: Record<string, string>;
    onResponse?: (response: Response) => void;
  } = {},
): Promise<Generation> {
  return apiFetch<Generation>(submitPath(entry), {
    method: "POST",
    // The server refuses it (409) if this is no longer the account in use.
    headers: {
      ...options.headers,
      "idempotency-key": entry.key,
      [ACCOUNT_HEADER]: entry.account.fingerprint,
    },
    json: entry.input,
    signal: options.signal,
    fetchImpl: options.fetch,
    onResponse: options.onResponse,
  });
}

/** Worth resending with the same key: the request may never have arrived, or may heal. */
export function isRetryableSubmitError(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.status >= 500 || error.status === 429);
}

/** The click ran out of time; the request is kept for Retry (same key). */
export class SubmitGaveUp extends Error {
  readonly last: unknown;
  constructor(message: string, last: unknown) {
    super(message, { cause: last });
    this.name = "SubmitGaveUp";
    this.last = last;
  }
}

export interface RetryNotice {
  /** attempts made so far */
  attempt: number;
  delayMs: number;
  /** what the builder shows next to Generate while waiting */
  message: string;
}

export interface ClickRetryOptions {
  budgetMs?: number;
  now?: () => number;
  random?: () => number;
  /** waits between attempts; may resolve early (Retry pressed) and rejects on abort */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** aborts the attempt in flight and stops retrying (Discard) */
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
}

const NO_ANSWER = "The studio did not answer in time.";

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return "The Generate request did not reach the studio.";
}

export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, fails for good (4xx other than 429), or the
 * budget runs out (SubmitGaveUp). Each attempt gets a signal that aborts at the
 * deadline, so a request hanging on a dead network cannot hold the click forever.
 */
export async function retryClick<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: ClickRetryOptions = {},
): Promise<T> {
  const budget = options.budgetMs ?? CLICK_BUDGET_MS;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? sleepFor;
  const deadline = now() + budget;
  const giveUp = (last: unknown, extra = "") =>
    new SubmitGaveUp(
      `${describe(last)}${extra} Gave up after ${seconds(budget)} s. Your request is kept: Retry sends it again with the same key, so it cannot be charged twice.`,
      last,
    );

  for (let n = 1; ; n++) {
    const left = deadline - now();
    const timeout = AbortSignal.timeout(Math.max(1, left));
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    let error: unknown;
    try {
      return await attempt(signal);
    } catch (e) {
      error = e;
    }
    if (options.signal?.aborted) throw options.signal.reason;
    // Our own deadline cut the attempt short: nothing more to wait for.
    if (timeout.aborted) throw giveUp(new ApiError(504, { detail: NO_ANSWER }));
    if (!isRetryableSubmitError(error)) throw error;

    const asked = error instanceof ApiError && error.retryAfter ? error.retryAfter * 1000 : 0;
    const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (n - 1)) * (0.5 + random() / 2);
    const delay = Math.max(asked, Math.round(backoff));
    const remaining = deadline - now();
    if (delay >= remaining) {
      throw giveUp(error, asked > remaining ? ` It asks to wait ${seconds(asked)} s.` : "");
    }
    options.onRetry?.({
      attempt: n,
      delayMs: delay,
      message: `${describe(error)} Retrying in ${seconds(delay)} s with the same request: it cannot be charged twice.`,
    });
    await sleep(delay, options.signal);
  }
}
