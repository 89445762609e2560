import "server-only";
import { AppError } from "@/lib/server/http/problem";

// Retries only what is safe to repeat: reads, and submits that carry an
// externalId (the orchestrator returns the existing workflow for a repeated key).
// Exponential backoff with full jitter, Retry-After honoured, bounded in time.

export interface RetryPolicy {
  /** total tries, the first included */
  attempts: number;
  /** give up once this much time has passed, whatever the attempts left */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const READ_POLICY: RetryPolicy = {
  attempts: 4,
  budgetMs: 15_000,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};
export const SUBMIT_POLICY: RetryPolicy = {
  attempts: 6,
  budgetMs: 45_000,
  baseDelayMs: 400,
  maxDelayMs: 8_000,
};
export const NO_RETRY: RetryPolicy = { attempts: 1, budgetMs: 0, baseDelayMs: 0, maxDelayMs: 0 };

export interface RetryHooks {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  signal?: AbortSignal;
  onRetry?: (error: AppError, attempt: number, delayMs: number) => void;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = hooks.sleep ?? defaultSleep;
  const random = hooks.random ?? Math.random;
  const now = hooks.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(error instanceof AppError) || !error.retryable || attempt >= policy.attempts)
        throw error;
      const left = policy.budgetMs - (now() - started);
      const delay =
        error.retryAfter !== undefined
          ? Math.ceil(error.retryAfter * 1000)
          : backoffDelay(policy, attempt, random);
      if (delay > left) throw error;
      hooks.onRetry?.(error, attempt, delay);
      await sleep(delay, hooks.signal);
    }
  }
}
