// GET /v2/consumer/workflows: filters, order and keyset pagination. The cursor
// is opaque to clients but is just the (createdAt, id) of the last row served,
// so a page costs an index range scan however deep it is, and rows inserted
// meanwhile never shift or repeat earlier pages.
import type { Db } from "./db";
import { fieldError } from "./problems";
import { toWorkflow, type WorkflowRow } from "./rows";
import type { WorkflowRecord } from "./types";

export const TAKE_DEFAULT = 100;
export const TAKE_MAX = 1000;

export interface WorkflowQuery {
  userId: string;
  tags: string[];
  take: number;
  ascending: boolean;
  excludeFailed: boolean;
  fromDate: number | null;
  toDate: number | null;
  /** case-insensitive substring of the metadata JSON */
  text: string | null;
  cursor: { createdAt: number; id: string } | null;
}

export function parseWorkflowQuery(userId: string, params: URLSearchParams): WorkflowQuery {
  const takeRaw = params.get("take");
  let take = TAKE_DEFAULT;
  if (takeRaw !== null && takeRaw !== "") {
    if (!/^-?\d+$/.test(takeRaw)) throw fieldError("take", "take must be a whole number");
    take = Math.min(TAKE_MAX, Math.max(1, Number(takeRaw)));
  }
  const ascending = bool(params, "ascending");
  const cursorRaw = params.get("cursor");
  return {
    userId,
    tags: [...new Set(params.getAll("tags").filter((t) => t.length > 0))],
    take,
    ascending,
    excludeFailed: bool(params, "excludeFailed"),
    fromDate: date(params, "fromDate"),
    toDate: date(params, "toDate"),
    text: params.get("query") || null,
    cursor: cursorRaw ? decodeCursor(cursorRaw, ascending) : null,
  };
}

function bool(params: URLSearchParams, name: string): boolean {
  const raw = params.get(name);
  if (raw === null || raw === "") return false;
  if (raw.toLowerCase() === "true") return true;
  if (raw.toLowerCase() === "false") return false;
  throw fieldError(name, `${name} must be true or false`);
}

function date(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw === "") return null;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw fieldError(name, `${name} must be an ISO 8601 date-time`);
  return ms;
}

export function encodeCursor(row: { createdAt: number; id: string }, ascending: boolean): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id, ascending ? 1 : 0])).toString(
    "base64url",
  );
}

function decodeCursor(raw: string, ascending: boolean): { createdAt: number; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === "number" &&
      typeof parsed[1] === "string" &&
      parsed[2] === (ascending ? 1 : 0)
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw fieldError(
    "cursor",
    "cursor is not one this engine handed out for this query order; start again without a cursor",
  );
}

export function buildQuerySql(q: WorkflowQuery): { sql: string; params: (string | number)[] } {
  const where = ["w.user_id = ?", "w.deleted_at IS NULL"];
  const params: (string | number)[] = [q.userId];
  for (const tag of q.tags) {
    where.push("EXISTS (SELECT 1 FROM workflow_tags t WHERE t.workflow_id = w.id AND t.tag = ?)");
    params.push(tag);
  }
  if (q.excludeFailed) where.push("w.status NOT IN ('failed', 'expired', 'canceled')");
  if (q.fromDate !== null) {
    where.push("w.created_at >= ?");
    params.push(q.fromDate);
  }
  if (q.toDate !== null) {
    where.push("w.created_at <= ?");
    params.push(q.toDate);
  }
  if (q.text !== null) {
    where.push("instr(w.metadata_search, ?) > 0");
    params.push(q.text.toLowerCase());
  }
  if (q.cursor) {
    where.push(q.ascending ? "(w.created_at, w.id) > (?, ?)" : "(w.created_at, w.id) < (?, ?)");
    params.push(q.cursor.createdAt, q.cursor.id);
  }
  const dir = q.ascending ? "ASC" : "DESC";
  params.push(q.take + 1);
  return {
    sql: `SELECT w.* FROM workflows w INDEXED BY workflows_by_user_created
          WHERE ${where.join(" AND ")} ORDER BY w.created_at ${dir}, w.id ${dir} LIMIT ?`,
    params,
  };
}

export function runWorkflowQuery(
  db: Db,
  q: WorkflowQuery,
): { items: WorkflowRecord[]; next: string } {
  const { sql, params } = buildQuerySql(q);
  const rows = db.prepare<(string | number)[], WorkflowRow>(sql).all(...params);
  const items = rows.slice(0, q.take).map(toWorkflow);
  const last = items[items.length - 1];
  const next = rows.length > q.take && last ? encodeCursor(last, q.ascending) : "";
  return { items, next };
}
