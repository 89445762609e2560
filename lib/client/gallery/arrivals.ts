// Generations that arrive (a submit's answer, a watch update) while a history
// view is still loading its first page. Such a view has no data to put them in,
// and the list it asked for may have been read before they existed, so without
// this they would be lost: no card, and nothing to watch, until a reload. They
// wait here until the view's first page arrives and takes them in
// (keepNewerThanPage). A minute is plenty: any list read after that has them.
import type { QueryClient } from "@tanstack/react-query";
import type { Generation } from "@/lib/contract/generations/types";
import { shouldReplace } from "./watch-plan";

const KEEP_MS = 60_000;

interface Arrival {
  generation: Generation;
  at: number;
}

const byClient = new WeakMap<QueryClient, Map<string, Arrival>>();

function arrivalsOf(queryClient: QueryClient, now: number): Map<string, Arrival> {
  let arrivals = byClient.get(queryClient);
  if (!arrivals) {
    arrivals = new Map();
    byClient.set(queryClient, arrivals);
  }
  for (const [id, a] of arrivals) if (now - a.at > KEEP_MS) arrivals.delete(id);
  return arrivals;
}

/** Keeps a generation for the views still loading; a final copy is never replaced by an unfinished one. */
export function holdArrival(
  queryClient: QueryClient,
  generation: Generation,
  now = Date.now(),
): void {
  const arrivals = arrivalsOf(queryClient, now);
  const held = arrivals.get(generation.id);
  if (held && !shouldReplace(held.generation, generation)) return;
  arrivals.set(generation.id, { generation, at: now });
}

/** The generations waiting for a loading view, newest arrival last; `take` removes them. */
export function heldArrivals(
  queryClient: QueryClient,
  take: (g: Generation) => boolean,
  now = Date.now(),
): Generation[] {
  const arrivals = arrivalsOf(queryClient, now);
  const out: Generation[] = [];
  for (const [id, a] of arrivals) {
    if (!take(a.generation)) continue;
    out.push(a.generation);
    arrivals.delete(id);
  }
  return out;
}
