"use client";
// A clock for progress bars, elapsed times and "4 min ago": one timer per
// interval shared by every component that reads it, running only while someone
// does. Ticking is local; it never causes a request.
import { createStore, useStore, type Store } from "@/lib/client/platform/store";

const clocks = new Map<number, Store<number>>();

function clockFor(intervalMs: number): Store<number> {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = createStore(Date.now(), {
      server: 0,
      whileObserved: (store) => {
        store.set(Date.now());
        const timer = setInterval(() => store.set(Date.now()), intervalMs);
        return () => clearInterval(timer);
      },
    });
    clocks.set(intervalMs, clock);
  }
  return clock;
}

/** The current time in ms, updated every `intervalMs` while mounted. */
export function useNow(intervalMs: number): number {
  return useStore(clockFor(intervalMs));
}
