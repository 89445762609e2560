// Buzz charged over time, by tier: today, this week and all time. Pure, so the
// sums are tested without an orchestrator; the server pages through the
// history to collect the entries (lib/server/orchestrator/spend.ts).
import type { KreaSize } from "@/lib/contract/krea/options";
import type { Generation } from "./types";

export interface SpendBucket {
  medium: number;
  large: number;
  /** every charge, including workflows the studio cannot read as Krea v2 */
  total: number;
  /** generations that charged anything */
  count: number;
}

export interface SpendSummary {
  today: SpendBucket;
  week: SpendBucket;
  all: SpendBucket;
  /** generations read */
  scanned: number;
  /** false when the scan stopped at its limit: "all time" then means the most recent `scanned` */
  complete: boolean;
}

export interface SpendEntry {
  /** ms since the epoch */
  createdAt: number;
  size: KreaSize | null;
  /** whole Buzz charged (debits minus credits) */
  charged: number;
}

export function spendEntry(g: Generation): SpendEntry {
  return {
    createdAt: Date.parse(g.createdAt),
    size: g.input?.size ?? null,
    charged: g.chargedBuzz ?? 0,
  };
}

const empty = (): SpendBucket => ({ medium: 0, large: 0, total: 0, count: 0 });

function add(bucket: SpendBucket, e: SpendEntry): void {
  if (e.size) bucket[e.size] += e.charged;
  bucket.total += e.charged;
  bucket.count += 1;
}

export interface SpendBoundaries {
  /** start of today and of this week, ms since the epoch, in the designer's time zone */
  today: number;
  week: number;
}

export function summarizeSpend(
  entries: readonly SpendEntry[],
  bounds: SpendBoundaries,
  complete: boolean,
): SpendSummary {
  const summary = {
    today: empty(),
    week: empty(),
    all: empty(),
    scanned: entries.length,
    complete,
  };
  for (const e of entries) {
    if (e.charged === 0) continue;
    add(summary.all, e);
    if (e.createdAt >= bounds.week) add(summary.week, e);
    if (e.createdAt >= bounds.today) add(summary.today, e);
  }
  return summary;
}

/** Local midnight today and local Monday midnight this week, for `now`. */
export function localBoundaries(now: Date = new Date()): SpendBoundaries {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (today.getDay() + 6) % 7;
  const week = new Date(today.getFullYear(), today.getMonth(), today.getDate() - sinceMonday);
  return { today: today.getTime(), week: week.getTime() };
}
