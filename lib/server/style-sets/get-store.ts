import "server-only";
import { closeStudioDbs, getStudioDb } from "@/lib/server/db/studio-db";
import { DbStyleSetStore } from "./db-store";
import type { StyleSetStore } from "./store";

// One store per process, over the process's studio database (getStudioDb:
// SQLite in the data dir, or DATABASE_URL's Postgres). Kept on globalThis
// because Next may evaluate this module more than once.

declare global {
  // A `var` is how TypeScript types a property of globalThis.
  var __kreaStudioStyleSetStores: WeakMap<object, StyleSetStore> | undefined;
}

export function getStyleSetStore(): StyleSetStore {
  const stores = (globalThis.__kreaStudioStyleSetStores ??= new WeakMap());
  // Keyed by the database's promise: tests point STUDIO_DATA_DIR (or DATABASE_URL)
  // at a fresh database per suite, and a reopened database gets a fresh store.
  const db = getStudioDb();
  let store = stores.get(db);
  if (!store) {
    store = new DbStyleSetStore(db);
    stores.set(db, store);
  }
  return store;
}

/** Closes the studio databases (tests, shutdown); the next call opens afresh. */
export async function closeStyleSetStores(): Promise<void> {
  globalThis.__kreaStudioStyleSetStores = undefined;
  await closeStudioDbs();
}
