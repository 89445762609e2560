"use client";
// The designer's display name for style set history: set once in the studio,
// kept in this browser's localStorage (every tab, every visit) and sent with
// each style-set write, so the history says who changed what. Not an identity
// check: the studio has no accounts; it is what a colleague reads.
import { useSyncExternalStore } from "react";
import { AUTHOR_MAX } from "@/lib/contract/style-sets/history";

export const AUTHOR_KEY = "krea-studio:author";

function localStore(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

let current: string | null | undefined;
const listeners = new Set<() => void>();

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed ? Array.from(trimmed).slice(0, AUTHOR_MAX).join("") : null;
}

function snapshot(): string | null {
  if (current === undefined) {
    try {
      current = clean(localStore()?.getItem(AUTHOR_KEY));
    } catch {
      current = null;
    }
  }
  return current;
}

/** The display name, or null until the designer sets one. */
export function getAuthor(): string | null {
  return snapshot();
}

export function setAuthor(name: string): void {
  current = clean(name);
  try {
    if (current) localStore()?.setItem(AUTHOR_KEY, current);
    else localStore()?.removeItem(AUTHOR_KEY);
  } catch {
    // Storage refused: the name lasts until the page closes.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab set its name: follow it.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== AUTHOR_KEY) return;
    current = undefined;
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useAuthor(): string | null {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
