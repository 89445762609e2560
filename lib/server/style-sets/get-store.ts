import "server-only";
import { studioDbPath } from "@/lib/server/db/studio-db";
import { SqliteStyleSetStore } from "./sqlite-store";
import type { StyleSetStore } from "./store";

// One store per process and database file. Kept on globalThis because Next may
// evaluate this module more than once (per bundle, and on every dev reload),
// and each copy would otherwise open its own connection.

declare global {
  // A `var` is how TypeScript types a property of globalThis.
  var __kreaStudioStyleSetStores: Map<string, StyleSetStore> | undefined;
}

export function getStyleSetStore(): StyleSetStore {
  const stores = (globalThis.__kreaStudioStyleSetStores ??= new Map());
  // Keyed by file: tests point STUDIO_DATA_DIR at a fresh folder per suite.
  const file = studioDbPath();
  let store = stores.get(file);
  if (!store) {
    store = SqliteStyleSetStore.open(file);
    stores.set(file, store);
  }
  return store;
}

/** Closes every open store (tests, shutdown); the next call opens afresh. */
export function closeStyleSetStores(): void {
  const stores = globalThis.__kreaStudioStyleSetStores;
  globalThis.__kreaStudioStyleSetStores = undefined;
  for (const store of stores?.values() ?? []) store.close();
}
