import "server-only";
import { createHash } from "node:crypto";
import { toAppError } from "@/lib/http/problem";
import type { Generation } from "@/lib/generations/types";
import type { OrchestratorTarget } from "./target";
import { getGeneration } from "./workflows";

// One browser request follows every unfinished generation and returns as soon
// as any of them finishes (a browser holds at most 6 connections per origin, so
// one long-poll per generation would starve images and estimates). Upstream,
// each workflow has at most one long-poll in flight, shared by every browser
// request that asks about it, so a browser re-asking after one generation
// finished joins the calls already running instead of starting new ones.

/** How long one upstream long-poll may hold (the orchestrator's limit is 100 s). */
export const UPSTREAM_WAIT_SECONDS = 20;
export const MAX_WATCH_IDS = 50;

interface Outcome {
  id: string;
  generation?: Generation;
  error?: WatchError;
}

export interface WatchError {
  kind: string;
  detail: string;
  /** false when asking again cannot help (deleted, not yours) */
  retryable: boolean;
}

export interface WatchResult {
  /** the latest state of every watched generation this server knows */
  items: Generation[];
  /** ids whose state could not be read, with why */
  errors: Record<string, WatchError>;
}

const inflight = new Map<string, Promise<Outcome>>();
const latest = new Map<string, Generation>();
const MAX_LATEST = 2_000;

function scope(target: OrchestratorTarget, id: string): string {
  return (
    createHash("sha256").update(`${target.baseUrl}\n${target.token}`).digest("hex").slice(0, 16) +
    id
  );
}

function remember(key: string, generation: Generation): void {
  latest.delete(key);
  latest.set(key, generation);
  if (latest.size > MAX_LATEST) latest.delete(latest.keys().next().value ?? "");
}

/** The shared upstream long-poll for one workflow: joined if running, started if not. */
function follow(target: OrchestratorTarget, id: string): Promise<Outcome> {
  const key = scope(target, id);
  const running = inflight.get(key);
  if (running) return running;
  const promise = getGeneration(target, id, { wait: UPSTREAM_WAIT_SECONDS })
    .then((generation): Outcome => {
      remember(key, generation);
      return { id, generation };
    })
    .catch((error: unknown): Outcome => {
      const e = toAppError(error);
      return { id, error: { kind: e.kind, detail: e.detail, retryable: e.retryable } };
    })
    .finally(() => inflight.delete(key));
  inflight.set(key, promise);
  return promise;
}

/** A re-armed long-poll that came back this fast is not waiting upstream: slow down. */
const MIN_REARM_MS = 1_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves when any watched generation is final, when reading one fails, or
 * after `waitSeconds`, whichever comes first.
 */
export async function watchGenerations(
  target: OrchestratorTarget,
  ids: string[],
  waitSeconds: number,
  signal?: AbortSignal,
): Promise<WatchResult> {
  const errors: Record<string, WatchError> = {};
  // Already known to be final (e.g. finished since the browser last asked).
  let done = ids.some((id) => latest.get(scope(target, id))?.final);

  if (!done && ids.length > 0 && waitSeconds > 0 && !signal?.aborted) {
    const armedAt = new Map<string, number>();
    const candidates = new Map<string, Promise<Outcome>>();
    const arm = (id: string) => {
      const since = Date.now() - (armedAt.get(id) ?? 0);
      const start = () => {
        armedAt.set(id, Date.now());
        return follow(target, id);
      };
      candidates.set(id, since < MIN_REARM_MS ? delay(MIN_REARM_MS - since).then(start) : start());
    };
    ids.forEach(arm);

    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<"stop">((resolve) => {
      timer = setTimeout(resolve, waitSeconds * 1000, "stop");
      onAbort = () => resolve("stop");
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      while (!done) {
        const next = await Promise.race([...candidates.values(), stop]);
        if (next === "stop") break;
        if (next.error) {
          errors[next.id] = next.error;
          done = true;
        } else if (next.generation?.final) {
          done = true;
        } else {
          // That upstream long-poll ran out without news; follow it again.
          arm(next.id);
        }
      }
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  const items: Generation[] = [];
  for (const id of ids) {
    const known = latest.get(scope(target, id));
    if (known) items.push(known);
  }
  return { items, errors };
}
