"use client";
// The designer's display name for style set history: set once in the studio,
// kept in this browser's localStorage (every tab, every visit) and sent with
// each style-set write, so the history says who changed what. Not an identity
// check: the studio has no accounts; it is what a colleague reads.
import { createStore, lazy, useStore } from "@/lib/client/platform/store";
import { AUTHOR_MAX } from "@/lib/contract/style-sets/history";

export const AUTHOR_KEY = "krea-studio:author";

function localStore(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed ? Array.from(trimmed).slice(0, AUTHOR_MAX).join("") : null;
}

function stored(): string | null {
  try {
    return clean(localStore()?.getItem(AUTHOR_KEY));
  } catch {
    return null;
  }
}

const author = createStore<string | null>(lazy(stored), {
  server: null,
  // Another tab set its name: follow it.
  whileObserved: (store) => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === AUTHOR_KEY) store.set(stored());
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  },
});

/** The display name, or null until the designer sets one. */
export function getAuthor(): string | null {
  return author.get();
}

export function setAuthor(name: string): void {
  const next = clean(name);
  try {
    if (next) localStore()?.setItem(AUTHOR_KEY, next);
    else localStore()?.removeItem(AUTHOR_KEY);
  } catch {
    // Storage refused: the name lasts until the page closes.
  }
  author.set(next);
}

export function useAuthor(): string | null {
  return useStore(author);
}
