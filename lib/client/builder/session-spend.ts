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

/**
 * Generation id → Buzz charged so far (null until its transactions show). A
 * grid started from this tab is one entry, "grid:<plan id>", with the Buzz its
 * plan reports spent: the server sends its cells, so their ids are not known here.
 */
export type SpendRecord = Record<string, number | null>;

const GRID = "grid:";

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

export function recordGridStarted(store: KeyValueStore | null, planId: string): SpendRecord {
  const record = readSpend(store);
  record[GRID + planId] ??= null;
  writeJsonItem(store, SESSION_SPEND_KEY, record);
  return record;
}

/** The ids of the grid plans started from this tab. */
export function gridsOf(record: SpendRecord): string[] {
  return Object.keys(record)
    .filter((k) => k.startsWith(GRID))
    .map((k) => k.slice(GRID.length));
}

function mergeInto(record: SpendRecord, charges: Iterable<[string, number | null]>): SpendRecord {
  let next: SpendRecord | undefined;
  for (const [key, charged] of charges) {
    if (!(key in record) || charged === null || record[key] === charged) continue;
    next ??= { ...record };
    next[key] = charged;
  }
  return next ?? record;
}

/** The record with the latest charges from the cache; the same object when nothing changed. */
export function mergeCharges(record: SpendRecord, generations: Generation[]): SpendRecord {
  return mergeInto(
    record,
    generations.map((g) => [g.id, g.chargedBuzz]),
  );
}

/** The record with what each grid plan of this tab reports spent; the same object when nothing changed. */
export function mergePlanCharges(
  record: SpendRecord,
  plans: readonly { id: string; spent: number }[],
): SpendRecord {
  return mergeInto(
    record,
    plans.map((p) => [GRID + p.id, p.spent]),
  );
}

export interface SpendTotal {
  /** whole Buzz charged so far */
  total: number;
  /** generations submitted from this tab, grids not included */
  count: number;
  /** grid plans started from this tab */
  grids: string[];
}

export function totalSpend(record: SpendRecord): SpendTotal {
  const grids = gridsOf(record);
  const values = Object.values(record);
  return {
    total: values.reduce<number>((sum, v) => sum + (v ?? 0), 0),
    count: values.length - grids.length,
    grids,
  };
}

export function writeSpend(store: KeyValueStore | null, record: SpendRecord): void {
  writeJsonItem(store, SESSION_SPEND_KEY, record);
}

/** Stores what the grid plans of this tab report spent; true when that changed the record. */
export function recordPlanCharges(
  store: KeyValueStore | null,
  plans: readonly { id: string; spent: number }[],
): boolean {
  const record = readSpend(store);
  const merged = mergePlanCharges(record, plans);
  if (merged === record) return false;
  writeSpend(store, merged);
  return true;
}
