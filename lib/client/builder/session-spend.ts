// Buzz actually charged for the generations submitted from this tab. The ids
// live in sessionStorage with the last charge seen for each, so the figure
// survives a reload even before the gallery has fetched the history again.
import type { Generation } from "@/lib/contract/generations/types";
import {
  isRecord,
  readJsonItem,
  writeJsonItem,
  type KeyValueStore,
} from "@/lib/client/platform/session-store";

export const SESSION_SPEND_KEY = "krea-studio:session-spend";

/** Generation id → Buzz charged so far (null until its transactions show). */
export type SpendRecord = Record<string, number | null>;

export function readSpend(store: KeyValueStore | null): SpendRecord {
  const raw = readJsonItem(store, SESSION_SPEND_KEY);
  const out: SpendRecord = {};
  if (!isRecord(raw)) return out;
  for (const [id, value] of Object.entries(raw)) {
    out[id] = typeof value === "number" && Number.isFinite(value) ? value : null;
  }
  return out;
}

export function recordSubmitted(store: KeyValueStore | null, generation: Generation): SpendRecord {
  const record = readSpend(store);
  record[generation.id] = generation.chargedBuzz ?? record[generation.id] ?? null;
  writeJsonItem(store, SESSION_SPEND_KEY, record);
  return record;
}

/** The record with the latest charges from the cache; the same object when nothing changed. */
export function mergeCharges(record: SpendRecord, generations: Generation[]): SpendRecord {
  let next: SpendRecord | undefined;
  for (const g of generations) {
    if (!(g.id in record) || g.chargedBuzz === null || record[g.id] === g.chargedBuzz) continue;
    next ??= { ...record };
    next[g.id] = g.chargedBuzz;
  }
  return next ?? record;
}

export interface SpendTotal {
  /** whole Buzz charged so far */
  total: number;
  /** generations submitted from this tab */
  count: number;
}

export function totalSpend(record: SpendRecord): SpendTotal {
  const values = Object.values(record);
  return {
    total: values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
    count: values.length,
  };
}

export function writeSpend(store: KeyValueStore | null, record: SpendRecord): void {
  writeJsonItem(store, SESSION_SPEND_KEY, record);
}
