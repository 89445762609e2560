"use client";
// The studio's one store mechanism: state kept outside React (a submit, the
// selection or a reveal outlives renders and is shared by every component),
// read with useSyncExternalStore, plus one-way event channels for requests
// between far parts of the page (Reuse → builder, View → gallery).
//
// Our own instead of zustand: what the stores need is get/set/subscribe and
// the server snapshot, ~60 lines over React's own useSyncExternalStore; a
// library would add a dependency and a second way to write selectors without
// removing any code of ours.
import { useEffect, useRef, useSyncExternalStore } from "react";

type Listener<A> = (value: A) => void;

function listenerSet<A>() {
  const listeners = new Set<Listener<A>>();
  return {
    add(listener: Listener<A>): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify(value: A): void {
      for (const listener of [...listeners]) listener(value);
    },
    get size() {
      return listeners.size;
    },
  };
}

export interface Store<T> {
  get(): T;
  /** Replaces the state; listeners hear of it only when it really changed (Object.is). */
  set(next: T): void;
  update(change: (state: T) => T): void;
  subscribe(listener: () => void): () => void;
  /** What server rendering (and hydration) reads: the page starts from it. */
  readonly server: T;
}

export interface StoreOptions<T> {
  /** the server snapshot; the initial state when left out */
  server?: T;
  /**
   * Runs when the first listener subscribes, before it is added (a clock starts
   * its timer); what it returns runs when the last one leaves.
   */
  whileObserved?: (store: Store<T>) => () => void;
}

const LAZY = Symbol("lazy");
/** An initial state computed on first read (from sessionStorage, say), not at import. */
export interface Lazy<T> {
  [LAZY]: () => T;
}
export const lazy = <T>(init: () => T): Lazy<T> => ({ [LAZY]: init });

function isLazy<T>(value: T | Lazy<T>): value is Lazy<T> {
  return typeof value === "object" && value !== null && LAZY in value;
}

export function createStore<T>(initial: T | Lazy<T>, options: StoreOptions<T> = {}): Store<T> {
  if (isLazy(initial) && !("server" in options)) {
    throw new Error(
      "A lazy store needs its server snapshot: the page must not read storage on the server.",
    );
  }
  let ready = !isLazy(initial);
  let state = (isLazy(initial) ? undefined : initial) as T;
  const listeners = listenerSet<void>();
  let stop: (() => void) | undefined;
  const store: Store<T> = {
    get() {
      if (!ready && isLazy(initial)) {
        state = initial[LAZY]();
        ready = true;
      }
      return state;
    },
    set(next) {
      if (ready && Object.is(next, state)) return;
      state = next;
      ready = true;
      listeners.notify();
    },
    update(change) {
      store.set(change(store.get()));
    },
    subscribe(listener) {
      if (listeners.size === 0 && options.whileObserved) stop = options.whileObserved(store);
      const remove = listeners.add(listener);
      return () => {
        remove();
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
    server: "server" in options ? (options.server as T) : (initial as T),
  };
  return store;
}

const same = <T>(state: T) => state;

/** Reads a store (or a part of it: the component re-renders only when that part changes). */
export function useStore<T>(store: Store<T>): T;
export function useStore<T, S>(store: Store<T>, select: (state: T) => S): S;
export function useStore<T, S>(store: Store<T>, select: (state: T) => S = same as never): S {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.server),
  );
}

export interface Events<A> {
  emit(value: A): void;
  on(listener: (value: A) => void): () => void;
}

/** Requests to whoever listens right now; without a listener a request goes nowhere. */
export function createEvents<A>(): Events<A> {
  const listeners = listenerSet<A>();
  return { emit: listeners.notify, on: listeners.add };
}

/** Listens while mounted; the latest callback always receives the events. */
export function useEvents<A>(events: Events<A>, onEvent: (value: A) => void): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => events.on((value) => latest.current(value)), [events]);
}
