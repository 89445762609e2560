// The gallery's feed: generations made to be compared land as one card — a
// tier pair (metadata.pairId), a sweep row (metadata.sweepId) or a decision
// grid (metadata.gridId, whatever its size) — placed where
// its newest member is; everything else is a card of its own. Pure, so the
// grouping rules are tested without a browser.
import { CREATIVITY_LEVELS } from "@/lib/contract/krea/options";
import { formatStrength } from "./format";
import type { SweepKind } from "@/lib/contract/generations/links";
import type { Generation } from "@/lib/contract/generations/types";

export interface SingleItem {
  kind: "single";
  key: string;
  generation: Generation;
}

export interface PairItem {
  kind: "pair";
  key: string;
  pairId: string;
  medium: Generation | null;
  large: Generation | null;
  /** the side that is not loaded, when its id is known (the parent of a tier try) */
  missingId: string | null;
}

export interface SweepItem {
  kind: "sweep";
  key: string;
  sweepId: string;
  sweepKind: SweepKind;
  /** in the order of the varied value: raw → high, or weakest → strongest */
  members: Generation[];
}

/** A decision grid's cells, one card whatever their number; it opens the grid view. */
export interface GridItem {
  kind: "grid";
  key: string;
  gridId: string;
  /** in cell order */
  members: Generation[];
}

export type FeedItem = SingleItem | PairItem | SweepItem | GridItem;

/** The value a sweep member varies, as its column says it. */
export function sweepValue(g: Generation): { order: number; label: string } {
  const input = g.input;
  if (!input) return { order: 0, label: "?" };
  if (g.metadata.sweepKind === "strength") {
    const ref = input.imageStyleReferences[g.metadata.sweepRef ?? 0];
    const s = ref?.strength ?? 0;
    return { order: s, label: `Strength ${formatStrength(s)}` };
  }
  const order = CREATIVITY_LEVELS.indexOf(input.creativity);
  return { order, label: input.creativity.charAt(0).toUpperCase() + input.creativity.slice(1) };
}

function pairOf(members: Generation[], pairId: string): PairItem | null {
  const medium = members.find((g) => g.input?.size === "medium") ?? null;
  const large = members.find((g) => g.input?.size === "large") ?? null;
  const present = medium ?? large;
  if (!present) return null;
  if (medium && large) {
    return { kind: "pair", key: `pair:${pairId}`, pairId, medium, large, missingId: null };
  }
  // One side only: a card of its own, unless it is a tier try whose original
  // (its parent) can be fetched to complete the pair.
  if (present.metadata.lineageKind === "tier" && present.metadata.parentId) {
    return {
      kind: "pair",
      key: `pair:${pairId}`,
      pairId,
      medium,
      large,
      missingId: present.metadata.parentId,
    };
  }
  return null;
}

/**
 * The pair a generation belongs to. An original completed by "Try on …" gets
 * its pair id on the orchestrator only after the browser has it, so the try's
 * parent link counts too: a stale copy of the original still lands in the pair.
 */
function pairIds(generations: readonly Generation[]): (g: Generation) => string | undefined {
  const byParent = new Map<string, string>();
  for (const g of generations) {
    const { lineageKind, parentId, pairId } = g.metadata;
    if (lineageKind === "tier" && parentId && pairId) byParent.set(parentId, pairId);
  }
  return (g) => g.metadata.pairId ?? byParent.get(g.id);
}

export function groupGenerations(generations: readonly Generation[]): FeedItem[] {
  const pairs = new Map<string, Generation[]>();
  const sweeps = new Map<string, Generation[]>();
  const grids = new Map<string, Generation[]>();
  const pairIdOf = pairIds(generations);
  for (const g of generations) {
    const { sweepId, gridId } = g.metadata;
    if (gridId) {
      grids.set(gridId, [...(grids.get(gridId) ?? []), g]);
      continue;
    }
    const pairId = pairIdOf(g);
    if (pairId) pairs.set(pairId, [...(pairs.get(pairId) ?? []), g]);
    else if (sweepId) sweeps.set(sweepId, [...(sweeps.get(sweepId) ?? []), g]);
  }
  // A pair needs both tiers (or a fetchable original); a generation whose
  // partner is missing falls back to its sweep, or to a card of its own.
  const pairItems = new Map<string, PairItem>();
  for (const [id, members] of pairs) {
    const item = pairOf(members, id);
    if (item) pairItems.set(id, item);
    else {
      for (const g of members) {
        if (g.metadata.sweepId) {
          sweeps.set(g.metadata.sweepId, [...(sweeps.get(g.metadata.sweepId) ?? []), g]);
        }
      }
    }
  }
  const claimed = new Set<string>();
  for (const item of pairItems.values()) {
    for (const g of [item.medium, item.large]) if (g) claimed.add(g.id);
  }

  const out: FeedItem[] = [];
  const placed = new Set<string>();
  for (const g of generations) {
    if (placed.has(g.id)) continue;
    const gridId = g.metadata.gridId;
    const cells = gridId ? grids.get(gridId) : undefined;
    if (gridId && cells) {
      const members = [...cells].sort(
        (a, b) => (a.metadata.gridCell ?? 0) - (b.metadata.gridCell ?? 0),
      );
      out.push({ kind: "grid", key: `grid:${gridId}`, gridId, members });
      for (const m of cells) placed.add(m.id);
      continue;
    }
    const pairId = pairIdOf(g);
    const pair = pairId ? pairItems.get(pairId) : undefined;
    if (pair && claimed.has(g.id)) {
      out.push(pair);
      for (const m of [pair.medium, pair.large]) if (m) placed.add(m.id);
      continue;
    }
    const sweepId = g.metadata.sweepId;
    const members = sweepId ? (sweeps.get(sweepId) ?? []).filter((m) => !claimed.has(m.id)) : [];
    if (sweepId && members.length > 1) {
      const sorted = [...members].sort((a, b) => sweepValue(a).order - sweepValue(b).order);
      out.push({
        kind: "sweep",
        key: `sweep:${sweepId}`,
        sweepId,
        sweepKind: g.metadata.sweepKind === "strength" ? "strength" : "creativity",
        members: sorted,
      });
      for (const m of members) placed.add(m.id);
      continue;
    }
    out.push({ kind: "single", key: g.id, generation: g });
    placed.add(g.id);
  }
  return out;
}

/** The generations of a feed item, in the order the card shows them. */
export function itemGenerations(item: FeedItem): Generation[] {
  if (item.kind === "single") return [item.generation];
  if (item.kind === "sweep" || item.kind === "grid") return item.members;
  return [item.medium, item.large].filter((g): g is Generation => g !== null);
}
