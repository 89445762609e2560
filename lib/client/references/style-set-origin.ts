"use client";
// The style set the builder's references came from (see lib/client/references/sets.ts
// for the rule), kept beside the draft in the tab's sessionStorage so a reload
// keeps the link, and shared outside React because the builder form, its
// references section and the submit all read it.
import {
  isRecord,
  readJsonItem,
  sessionStore,
  writeJsonItem,
} from "@/lib/client/platform/session-store";
import type { StyleSetOrigin } from "@/lib/client/references/sets";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/limits";
import { createStore, lazy, useStore } from "@/lib/client/platform/store";

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

const origin = createStore<StyleSetOrigin | null>(
  lazy(() => readOrigin(readJsonItem(sessionStore(), ORIGIN_KEY))),
  { server: null },
);

export function getStyleSetOrigin(): StyleSetOrigin | null {
  return origin.get();
}

export function setStyleSetOrigin(next: StyleSetOrigin | null): void {
  if (next === origin.get()) return;
  writeJsonItem(sessionStore(), ORIGIN_KEY, next ?? undefined);
  origin.set(next);
}

export function useStyleSetOrigin(): StyleSetOrigin | null {
  return useStore(origin);
}
