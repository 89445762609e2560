import "server-only";
import type { Generation } from "@/lib/contract/generations/types";

// The studio's own history cursors, beside the orchestrator's opaque one. The
// orchestrator only pages forward, so a page the gallery dropped to bound its
// memory (TanStack Query's maxPages) is read again by position: "the items
// newer than this one" (~b.) or "older than this one" (~a.), by createdAt and
// id, through the spec's fromDate/toDate and `ascending`. Anything else is the
// orchestrator's cursor, passed on as it came; one that happens to start with
// "~" is wrapped as ~u. so the two can never be confused.

export type HistoryCursor =
  | { kind: "upstream"; cursor: string }
  | { kind: "before" | "after"; createdAt: string; id: string };

export interface Position {
  createdAt: string;
  id: string;
}

const PREFIX = { before: "~b.", after: "~a.", upstream: "~u." } as const;

export function positionOf(g: Generation): Position {
  return { createdAt: g.createdAt, id: g.id };
}

export function beforeCursor(p: Position): string {
  return PREFIX.before + Buffer.from(JSON.stringify([p.createdAt, p.id])).toString("base64url");
}

export function afterCursor(p: Position): string {
  return PREFIX.after + Buffer.from(JSON.stringify([p.createdAt, p.id])).toString("base64url");
}

/** What the studio hands out for an orchestrator cursor. */
export function upstreamCursor(cursor: string): string {
  return cursor.startsWith("~") ? PREFIX.upstream + cursor : cursor;
}

/** Reads a cursor; null for a position cursor that is not one the studio could have made. */
export function parseHistoryCursor(raw: string): HistoryCursor | null {
  if (raw.startsWith(PREFIX.upstream)) {
    return { kind: "upstream", cursor: raw.slice(PREFIX.upstream.length) };
  }
  const kind = raw.startsWith(PREFIX.before)
    ? "before"
    : raw.startsWith(PREFIX.after)
      ? "after"
      : null;
  if (kind === null) return { kind: "upstream", cursor: raw };
  try {
    const value: unknown = JSON.parse(Buffer.from(raw.slice(3), "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      Number.isFinite(Date.parse(value[0])) &&
      value[1].length > 0 &&
      value[1].length <= 200
    ) {
      return { kind, createdAt: value[0], id: value[1] };
    }
  } catch {
    // not JSON: refused below
  }
  return null;
}

/** Newest-first order of the gallery: >0 when `a` is newer than `b`. */
export function compareNewest(a: Position, b: Position): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime;
  // Same millisecond: a finer timestamp, then the id, decide (code-unit order, as SQL's).
  return cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
