// What a submit records on its workflow, so the history lives wherever the
// orchestrator's does: where a generation came from (parent, lineage), what it
// belongs to (pair, sweep), and the searchable facts the gallery filters on.
//
// Tags are the orchestrator's only exact filter and a workflow carries at most
// 10, so they hold what the gallery filters or groups by; everything else goes
// in metadata. The budget, counted:
//
//   1     krea-studio                  always (the studio's history)
//   2–5   size: ratio: creativity: seed:   always (filters)
//   6     styleset:<id>                with a style set
//   7     pair:<id>                    a tier comparison (also added to the
//                                      original by "Try on other tier")
//   8     sweep:<id>                   a sweep member
//   9     fav                          any image starred (the favourites filter)
//   10    fav:<i,j,…>                  which images are starred
//
// Metadata: prompt (≤ PROMPT_SEARCH_MAX chars, for the orchestrator's `query`
// text search), parentId, lineageKind, pairId, sweepId, sweepKind, sweepRef,
// styleSet. Favourites take two tags whatever the batch size, where a tag per
// starred image could need eleven.
import { fieldTags, KREA_FIELDS, type KreaInput } from "@/lib/contract/krea/fields";

export const LINEAGE_KINDS = ["reuse", "remix", "rerun", "tier", "sweep"] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];
export const SWEEP_KINDS = ["creativity", "strength"] as const;
export type SweepKind = (typeof SWEEP_KINDS)[number];

/** Ids the studio makes (pairs, sweeps) and the orchestrator's (parents) share one shape. */
export const LINK_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
/** The prompt is copied into metadata for text search; the rest of a 5,000-character prompt adds little. */
export const PROMPT_SEARCH_MAX = 1000;

export const TAG_PREFIX = {
  size: KREA_FIELDS.size.tag,
  ratio: KREA_FIELDS.aspectRatio.tag,
  creativity: KREA_FIELDS.creativity.tag,
  seed: KREA_FIELDS.seed.tag,
  pair: "pair:",
  sweep: "sweep:",
  favourites: "fav:",
  /** `styleset:<id>`: the set a generation was made with (lib/server/style-sets/generation-link.ts) */
  styleSet: "styleset:",
} as const;
export const FAVOURITE_TAG = "fav";

/** Where a submit comes from and what it belongs to; every field optional. */
export interface SubmitContext {
  parent?: string;
  lineage?: LineageKind;
  pair?: string;
  sweep?: string;
  sweepKind?: SweepKind;
  /** strength sweeps: which reference's strength varies (0-based) */
  sweepRef?: number;
}

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v);

export interface ParsedContext {
  context: SubmitContext;
  errors: Record<string, string[]>;
}

/** Reads a submit's studio context from its query string; every problem is a field error. */
export function parseSubmitContext(params: URLSearchParams): ParsedContext {
  const context: SubmitContext = {};
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => (errors[field] = [message]);
  const id = (name: "parent" | "pair" | "sweep") => {
    const raw = params.get(name);
    if (raw === null || raw === "") return;
    if (LINK_ID_PATTERN.test(raw)) context[name] = raw;
    else fail(name, `${name} must be 1–128 characters of A–Z, a–z, 0–9, _ . : or -`);
  };
  id("parent");
  id("pair");
  id("sweep");

  const lineage = params.get("lineage");
  if (lineage) {
    if (isOneOf(LINEAGE_KINDS, lineage)) context.lineage = lineage;
    else fail("lineage", `lineage must be one of: ${LINEAGE_KINDS.join(", ")}`);
  }
  const sweepKind = params.get("sweepKind");
  if (sweepKind) {
    if (isOneOf(SWEEP_KINDS, sweepKind)) context.sweepKind = sweepKind;
    else fail("sweepKind", `sweepKind must be one of: ${SWEEP_KINDS.join(", ")}`);
  }
  const sweepRef = params.get("sweepRef");
  if (sweepRef) {
    if (/^\d$/.test(sweepRef)) context.sweepRef = Number(sweepRef);
    else fail("sweepRef", "sweepRef must be a reference index from 0 to 9");
  }

  if (context.lineage && !context.parent) fail("lineage", "lineage needs a parent");
  if (context.parent && !context.lineage) context.lineage = "reuse";
  if (context.sweep && !context.sweepKind) fail("sweepKind", "a sweep needs its sweepKind");
  if (!context.sweep && (context.sweepKind || context.sweepRef !== undefined)) {
    fail("sweep", "sweepKind and sweepRef only go with a sweep id");
  }
  if (context.sweepKind === "strength" && context.sweepRef === undefined && context.sweep) {
    fail("sweepRef", "a strength sweep names the reference it varies");
  }
  if (context.lineage === "tier" && !context.pair) {
    fail("pair", "trying another tier pairs the two generations: send a pair id");
  }
  return { context, errors };
}

/** The query string a submit with this context sends (empty when there is none). */
export function submitContextQuery(context: SubmitContext | undefined): URLSearchParams {
  const q = new URLSearchParams();
  if (!context) return q;
  if (context.parent) q.set("parent", context.parent);
  if (context.lineage) q.set("lineage", context.lineage);
  if (context.pair) q.set("pair", context.pair);
  if (context.sweep) q.set("sweep", context.sweep);
  if (context.sweepKind) q.set("sweepKind", context.sweepKind);
  if (context.sweepRef !== undefined) q.set("sweepRef", String(context.sweepRef));
  return q;
}

type FactInput = KreaInput & { seed: number };

/** The searchable facts of an input, as tags: one per table row with a tag prefix. */
export const factTags: (input: FactInput) => string[] = fieldTags;

/** Tags and metadata for a submit: the facts, the links, and the prompt for text search. */
export function submitLinks(
  input: FactInput & { prompt: string },
  context: SubmitContext,
): { tags: string[]; metadata: Record<string, unknown> } {
  const tags = factTags(input);
  if (context.pair) tags.push(`${TAG_PREFIX.pair}${context.pair}`);
  if (context.sweep) tags.push(`${TAG_PREFIX.sweep}${context.sweep}`);
  const metadata: Record<string, unknown> = { prompt: input.prompt.slice(0, PROMPT_SEARCH_MAX) };
  if (context.parent) {
    metadata.parentId = context.parent;
    metadata.lineageKind = context.lineage ?? "reuse";
  }
  if (context.pair) metadata.pairId = context.pair;
  if (context.sweep) {
    metadata.sweepId = context.sweep;
    metadata.sweepKind = context.sweepKind;
    if (context.sweepRef !== undefined) metadata.sweepRef = context.sweepRef;
  }
  return { tags, metadata };
}

/** A short random id for a pair or a sweep, made in the browser at click time. */
export function newLinkId(kind: "pair" | "sweep"): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  const text = Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("");
  return `${kind === "pair" ? "p" : "s"}_${text}`;
}

// Favourites: `fav` marks a workflow with any starred image; `fav:0,3` lists
// which (0-based, in the order of its images). Several `fav:` tags (two servers
// racing) read as their union.

export function favouriteIndices(tags: readonly string[]): number[] {
  const out = new Set<number>();
  for (const tag of tags) {
    if (!tag.startsWith(TAG_PREFIX.favourites)) continue;
    for (const part of tag.slice(TAG_PREFIX.favourites.length).split(",")) {
      if (/^\d$/.test(part)) out.add(Number(part));
    }
  }
  return [...out].sort((a, b) => a - b);
}

export function favouriteListTag(indices: readonly number[]): string | null {
  return indices.length
    ? `${TAG_PREFIX.favourites}${[...indices].sort((a, b) => a - b).join(",")}`
    : null;
}

/** The tags after starring (or unstarring) one image; all other tags kept in place. */
export function withFavourite(tags: readonly string[], index: number, on: boolean): string[] {
  const current = new Set(favouriteIndices(tags));
  if (on) current.add(index);
  else current.delete(index);
  const rest = tags.filter((t) => t !== FAVOURITE_TAG && !t.startsWith(TAG_PREFIX.favourites));
  const list = favouriteListTag([...current]);
  return list ? [...rest, list, FAVOURITE_TAG] : rest;
}
