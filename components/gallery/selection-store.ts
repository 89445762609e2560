"use client";
// Which images are selected (for a zip), outside React so a change re-renders
// only the thumbnails whose own state changed, not every card. Ranges follow
// the gallery's order (the lightbox's): shift-click selects from the last image
// clicked to this one.
import { createStore, useStore } from "@/lib/client/platform/store";

const selection = createStore<ReadonlySet<string>>(new Set());
// Not rendered from, so plain variables: the range anchor and the gallery's order.
let anchor: string | null = null;
let order: readonly string[] = [];

const emit = (next: ReadonlySet<string>) => selection.set(next);

/** The gallery's image order, kept current by the gallery. */
export function setSelectionOrder(ids: readonly string[]): void {
  order = ids;
  // Images no longer shown (a filter changed) leave the selection.
  const selected = selection.get();
  if (selected.size > 0) {
    const shown = new Set(ids);
    const kept = [...selected].filter((id) => shown.has(id));
    if (kept.length !== selected.size) emit(new Set(kept));
  }
}

export function toggleSelected(id: string): void {
  const next = new Set(selection.get());
  if (next.has(id)) next.delete(id);
  else next.add(id);
  anchor = id;
  emit(next);
}

/** Selects every image between the last one clicked and this one (inclusive). */
export function selectRange(id: string): void {
  const from = anchor ? order.indexOf(anchor) : -1;
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggleSelected(id);
  const [a, b] = from < to ? [from, to] : [to, from];
  emit(new Set([...selection.get(), ...order.slice(a, b + 1)]));
  anchor = id;
}

export function clearSelection(): void {
  anchor = null;
  if (selection.get().size > 0) emit(new Set());
}

export function selectedIds(): string[] {
  // In gallery order, so the zip lists images as the gallery shows them.
  const selected = selection.get();
  return order.filter((id) => selected.has(id));
}

export function useIsSelected(id: string): boolean {
  return useStore(selection, (selected) => selected.has(id));
}

export function useSelectionCount(): number {
  return useStore(selection, (selected) => selected.size);
}
