"use client";
// A clock for progress bars, elapsed times and "4 min ago": one timer per
// interval shared by every component that reads it, running only while someone
// does. Ticking is local; it never causes a request.
import { useSyncExternalStore } from "react";

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | undefined;
  subscribe: (listener: () => void) => () => void;
  read: () => number;
}

const tickers = new Map<number, Ticker>();

function tickerFor(intervalMs: number): Ticker {
  const existing = tickers.get(intervalMs);
  if (existing) return existing;
  const ticker: Ticker = {
    now: Date.now(),
    listeners: new Set(),
    timer: undefined,
    read: () => ticker.now,
    subscribe(listener) {
      ticker.listeners.add(listener);
      if (ticker.timer === undefined) {
        ticker.now = Date.now();
        ticker.timer = setInterval(() => {
          ticker.now = Date.now();
          for (const l of ticker.listeners) l();
        }, intervalMs);
      }
      return () => {
        ticker.listeners.delete(listener);
        if (ticker.listeners.size === 0 && ticker.timer !== undefined) {
          clearInterval(ticker.timer);
          ticker.timer = undefined;
        }
      };
    },
  };
  tickers.set(intervalMs, ticker);
  return ticker;
}

const serverNow = () => 0;

/** The current time in ms, updated every `intervalMs` while mounted. */
export function useNow(intervalMs: number): number {
  const ticker = tickerFor(intervalMs);
  return useSyncExternalStore(ticker.subscribe, ticker.read, serverNow);
}
