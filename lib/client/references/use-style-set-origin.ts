"use client";
// The style set the builder's references came from (see lib/client/references/sets.ts
// for the rule), kept beside the draft in the tab's sessionStorage so a reload
// keeps the link, and shared outside React because the builder form, its
// references section and the submit all read it.
import { useSyncExternalStore } from "react";
import {
  isRecord,
  readJsonItem,
  sessionStore,
  writeJsonItem,
} from "@/lib/client/platform/session-store";
import type { StyleSetOrigin } from "@/lib/client/references/sets";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/limits";

export const ORIGIN_KEY = "krea-studio:builder-style-set";

function readOrigin(value: unknown): StyleSetOrigin | null {
  if (!isRecord(value)) return null;
  const { id, name, version, references } = value;
  if (typeof id !== "string" || !STYLE_SET_ID_PATTERN.test(id)) return null;
  if (typeof name !== "string" || typeof version !== "number" || !Array.isArray(references)) {
    return null;
  }
  const refs: StyleSetOrigin["references"] = [];
  for (const r of references) {
    if (!isRecord(r) || typeof r.imageUrl !== "string" || typeof r.strength !== "number") {
      return null;
    }
    refs.push({
      imageUrl: r.imageUrl,
      strength: r.strength,
      blobId: typeof r.blobId === "string" ? r.blobId : null,
    });
  }
  return { id, name, version, references: refs };
}

let current: StyleSetOrigin | null | undefined;
const listeners = new Set<() => void>();

function snapshot(): StyleSetOrigin | null {
  if (current === undefined) current = readOrigin(readJsonItem(sessionStore(), ORIGIN_KEY));
  return current;
}

export function getStyleSetOrigin(): StyleSetOrigin | null {
  return snapshot();
}

export function setStyleSetOrigin(origin: StyleSetOrigin | null): void {
  if (origin === snapshot()) return;
  current = origin;
  writeJsonItem(sessionStore(), ORIGIN_KEY, origin ?? undefined);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useStyleSetOrigin(): StyleSetOrigin | null {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
