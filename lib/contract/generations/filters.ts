// The gallery's filters: one typed object, read from and written to the page's
// URL (so a view can be bookmarked and shared), sent to GET /api/workflows, and
// matched against generations (the server's post-filter, and the browser when
// a new generation arrives in a filtered view). Parsing never throws: junk in a
// URL is ignored or normalised, never an error page.
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  SEED_MAX,
  type AspectRatio,
  type Creativity,
  type KreaSize,
} from "@/lib/contract/krea/options";
import { FAVOURITE_TAG } from "./links";
import { STYLE_SET_ID_PATTERN } from "@/lib/contract/style-sets/limits";
import type { Generation } from "./types";

export const STATUS_FILTERS = ["running", "succeeded", "failed", "canceled"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The search box keeps at most this much; nobody remembers more of a prompt. */
export const QUERY_MAX = 200;
/** Same shape as STYLE_SET_ID_PATTERN (a test keeps them equal) without its schema's weight. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface GalleryFilters {
  /** words that must all appear in the prompt; "" for none */
  q: string;
  size: KreaSize | null;
  ratio: AspectRatio | null;
  creativity: Creativity | null;
  seed: number | null;
  styleSet: string | null;
  status: StatusFilter | null;
  /** calendar days (YYYY-MM-DD) in the designer's time zone, inclusive */
  from: string | null;
  to: string | null;
  fav: boolean;
  /** decision-grid cells: "any" for every grid's, or one plan's id */
  grid: string | null;
}

/** A plan id (lib/server/plans) as the `grid` filter takes it; "any" means every grid. */
const GRID_FILTER = /^(any|g_[a-z0-9]{16})$/;

export const NO_FILTERS: GalleryFilters = {
  q: "",
  size: null,
  ratio: null,
  creativity: null,
  seed: null,
  styleSet: null,
  status: null,
  from: null,
  to: null,
  fav: false,
  grid: null,
};

type Params = Pick<URLSearchParams, "get">;

const pick = <T extends string>(values: readonly T[], raw: string | null): T | null =>
  values.find((v) => v === raw?.trim()) ??
  values.find((v) => v === raw?.trim().toLowerCase()) ??
  null;

export function normaliseQuery(raw: string | null): string {
  return (raw ?? "").replace(/\s+/g, " ").trim().slice(0, QUERY_MAX).trim();
}

function parseSeed(raw: string | null): number | null {
  const text = raw?.trim() ?? "";
  if (!/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= SEED_MAX ? n : null;
}

/** A real calendar day as YYYY-MM-DD, or null. */
export function parseDay(raw: string | null): string | null {
  const m = DAY.exec(raw?.trim() ?? "");
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real && y >= 2000 && y <= 9999 ? (m[0] ?? null) : null;
}

const truthy = (raw: string | null) =>
  ["1", "true", "yes", "on"].includes(raw?.trim().toLowerCase() ?? "");

export function parseFilters(params: Params): GalleryFilters {
  let from = parseDay(params.get("from"));
  let to = parseDay(params.get("to"));
  // A range typed backwards means the same days.
  if (from && to && from > to) [from, to] = [to, from];
  const styleSet = params.get("styleSet")?.trim() ?? "";
  return {
    q: normaliseQuery(params.get("q")),
    size: pick(KREA_SIZES, params.get("size")),
    ratio: pick(ASPECT_RATIOS, params.get("ratio")),
    creativity: pick(CREATIVITY_LEVELS, params.get("creativity")),
    seed: parseSeed(params.get("seed")),
    styleSet: STYLE_SET_ID_PATTERN.test(styleSet) ? styleSet : null,
    status: pick(STATUS_FILTERS, params.get("status")),
    from,
    to,
    fav: truthy(params.get("fav")),
    grid: GRID_FILTER.exec(params.get("grid")?.trim() ?? "")?.[0] ?? null,
  };
}

/** The filters as URL parameters, defaults left out, always in the same order. */
export function serializeFilters(f: GalleryFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.q) out.set("q", f.q);
  if (f.size) out.set("size", f.size);
  if (f.ratio) out.set("ratio", f.ratio);
  if (f.creativity) out.set("creativity", f.creativity);
  if (f.seed !== null) out.set("seed", String(f.seed));
  if (f.styleSet) out.set("styleSet", f.styleSet);
  if (f.status) out.set("status", f.status);
  if (f.from) out.set("from", f.from);
  if (f.to) out.set("to", f.to);
  if (f.fav) out.set("fav", "1");
  if (f.grid) out.set("grid", f.grid);
  return out;
}

export function isFiltered(f: GalleryFilters): boolean {
  return serializeFilters(f).size > 0;
}

export function sameFilters(a: GalleryFilters, b: GalleryFilters): boolean {
  return serializeFilters(a).toString() === serializeFilters(b).toString();
}

/** Keeps the page's other parameters (anything not a filter) and replaces the filters. */
export function withFilters(current: URLSearchParams, f: GalleryFilters): URLSearchParams {
  const out = new URLSearchParams();
  const names = new Set(Object.keys(NO_FILTERS));
  for (const [k, v] of current) if (!names.has(k)) out.append(k, v);
  for (const [k, v] of serializeFilters(f)) out.set(k, v);
  return out;
}

export interface DateRange {
  /** ms since the epoch, inclusive; null for open */
  from: number | null;
  to: number | null;
}

/** The filter's days as instants in the local time zone of whoever calls this (the browser). */
export function localDayRange(f: Pick<GalleryFilters, "from" | "to">): DateRange {
  const at = (day: string, end: boolean) => {
    const [y, m, d] = day.split("-").map(Number);
    return end
      ? new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1).getTime() - 1
      : new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).getTime();
  };
  return { from: f.from ? at(f.from, false) : null, to: f.to ? at(f.to, true) : null };
}

/** What the browser sends to GET /api/workflows: the filters, days as ISO instants. */
export function historyQuery(f: GalleryFilters): URLSearchParams {
  const out = serializeFilters({ ...f, from: null, to: null });
  const range = localDayRange(f);
  if (range.from !== null) out.set("fromDate", new Date(range.from).toISOString());
  if (range.to !== null) out.set("toDate", new Date(range.to).toISOString());
  return out;
}

/** Reads an ISO instant (fromDate/toDate on the history route); null when absent or junk. */
export function parseInstant(raw: string | null): number | null {
  if (!raw || raw.length > 40 || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return null;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? ms : null;
}

/** The search words, lower-cased: every one must appear in the prompt. */
export function queryWords(q: string): string[] {
  return [...new Set(normaliseQuery(q).toLowerCase().split(" ").filter(Boolean))];
}

export function matchesStatus(g: Generation, status: StatusFilter): boolean {
  switch (status) {
    case "running":
      return !g.final;
    case "succeeded":
      return g.status === "succeeded";
    case "failed":
      return g.status === "failed" || g.status === "expired";
    case "canceled":
      return g.status === "canceled";
  }
}

/** Whether a generation belongs in a filtered view. */
export function matchesFilters(g: Generation, f: GalleryFilters, range: DateRange): boolean {
  const input = g.input;
  if (f.size || f.ratio || f.creativity || f.seed !== null || f.q) {
    if (!input) return false;
    if (f.size && input.size !== f.size) return false;
    if (f.ratio && input.aspectRatio !== f.ratio) return false;
    if (f.creativity && input.creativity !== f.creativity) return false;
    if (f.seed !== null && input.seed !== f.seed) return false;
    const prompt = input.prompt.toLowerCase();
    if (!queryWords(f.q).every((w) => prompt.includes(w))) return false;
  }
  if (f.styleSet && g.metadata.styleSet?.id !== f.styleSet) return false;
  if (f.status && !matchesStatus(g, f.status)) return false;
  if (f.fav && !g.tags.includes(FAVOURITE_TAG)) return false;
  if (f.grid && !(f.grid === "any" ? g.metadata.gridId : g.metadata.gridId === f.grid))
    return false;
  const created = Date.parse(g.createdAt);
  if (range.from !== null && !(created >= range.from)) return false;
  if (range.to !== null && !(created <= range.to)) return false;
  return true;
}

export interface FilterChip {
  key: keyof GalleryFilters | "dates";
  label: string;
  /** the filters without this one */
  without: GalleryFilters;
}

const STATUS_LABEL: Record<StatusFilter, string> = {
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  canceled: "Canceled",
};

/** One removable chip per active filter, in the order the bar shows them. */
export function filterChips(f: GalleryFilters): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (key: FilterChip["key"], label: string, patch: Partial<GalleryFilters>) =>
    chips.push({ key, label, without: { ...f, ...patch } });
  if (f.q) add("q", `“${f.q}”`, { q: "" });
  if (f.fav) add("fav", "Favourites", { fav: false });
  if (f.grid) add("grid", f.grid === "any" ? "Grids" : "One grid", { grid: null });
  if (f.size) add("size", f.size === "large" ? "Large" : "Medium", { size: null });
  if (f.ratio) add("ratio", f.ratio, { ratio: null });
  if (f.creativity) add("creativity", `Creativity ${f.creativity}`, { creativity: null });
  if (f.seed !== null) add("seed", `Seed ${f.seed}`, { seed: null });
  if (f.styleSet) add("styleSet", "Style set", { styleSet: null });
  if (f.status) add("status", STATUS_LABEL[f.status], { status: null });
  if (f.from || f.to) {
    const label =
      f.from && f.to
        ? f.from === f.to
          ? f.from
          : `${f.from} – ${f.to}`
        : f.from
          ? `Since ${f.from}`
          : `Until ${f.to}`;
    add("dates", label, { from: null, to: null });
  }
  return chips;
}
