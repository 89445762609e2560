import "server-only";
import { createHash } from "node:crypto";
import { toAppError } from "@/lib/server/http/problem";
import type { WatchError, WatchResult } from "@/lib/contract/generations/types";
import type { Generation } from "@/lib/contract/generations/types";

export type { WatchError, WatchResult };
import type { OrchestratorTarget } from "./target";
import { announceSession, forwardJoin, onRemoteJoin, withdrawSession } from "./watch-fanout";
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

/**
 * Watch sessions: a browser tab names its long-polls with a session id and a
 * sequence number, and sends the session id with each submit. A workflow created
 * while that tab's long-poll is running joins it here, so the tab need not
 * restart its long-poll (one more request per generation) to follow the new one.
 */
interface WatchSession {
  scope: string;
  seq: number;
  /** false when the long-poll is full */
  join: (id: string) => boolean;
}
const sessions = new Map<string, WatchSession>();
const SESSION_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export interface SessionRef {
  id: string;
  seq: number;
}

/** A well-formed session reference, or null (a malformed one is ignored, never an error). */
export function sessionRef(id: string | null, seq: string | null): SessionRef | null {
  if (!id || !SESSION_PATTERN.test(id) || !seq || !/^\d{1,9}$/.test(seq)) return null;
  return { id, seq: Number(seq) };
}

// Joins published by another instance for a long-poll held here (watch-fanout.ts).
onRemoteJoin((message) => {
  const session = sessions.get(message.session);
  if (session && session.scope === message.scope) session.join(message.id);
});

/**
 * Adds a just-created workflow to the running long-poll of the tab that
 * submitted it, here or (with REDIS_URL) on another instance. Returns that
 * long-poll's sequence number, or null when the tab has none running for this
 * orchestrator and token (it then asks itself).
 */
export async function joinWatchSession(
  sessionId: string | null,
  target: OrchestratorTarget,
  id: string,
): Promise<number | null> {
  if (!sessionId || !SESSION_PATTERN.test(sessionId)) return null;
  const session = sessions.get(sessionId);
  if (!session) return forwardJoin(sessionId, scope(target, ""), id);
  if (session.scope !== scope(target, "")) return null;
  return session.join(id) ? session.seq : null;
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
  session?: SessionRef | null,
): Promise<WatchResult> {
  const errors: Record<string, WatchError> = {};
  const watched = [...ids];
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
    let wake: (() => void) | undefined;
    const nextJoin = () =>
      new Promise<"joined">((resolve) => {
        wake = () => resolve("joined");
      });
    let joined = nextJoin();
    let registered: WatchSession | undefined;
    if (session) {
      registered = {
        scope: scope(target, ""),
        seq: session.seq,
        join: (id) => {
          if (watched.includes(id)) return true;
          if (watched.length >= MAX_WATCH_IDS) return false;
          watched.push(id);
          arm(id);
          wake?.();
          return true;
        },
      };
      sessions.set(session.id, registered);
      // Another instance may take this tab's next submit (watch-fanout.ts).
      await announceSession(session.id, registered.scope, session.seq, waitSeconds * 1000 + 2_000);
    }

    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<"stop">((resolve) => {
      timer = setTimeout(resolve, waitSeconds * 1000, "stop");
      onAbort = () => resolve("stop");
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      while (!done) {
        const next = await Promise.race([...candidates.values(), stop, joined]);
        if (next === "stop") break;
        if (next === "joined") {
          // A new workflow joined: race again with it among the candidates.
          joined = nextJoin();
          continue;
        }
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
      if (session && sessions.get(session.id) === registered) {
        sessions.delete(session.id);
        void withdrawSession(session.id, session.seq);
      }
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  const items: Generation[] = [];
  for (const id of watched) {
    const known = latest.get(scope(target, id));
    if (known) items.push(known);
  }
  return { items, errors };
}
