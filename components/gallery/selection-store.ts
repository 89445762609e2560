"use client";
// Which images are selected (for a zip), outside React so a change re-renders
// only the thumbnails whose own state changed, not every card. Ranges follow
// the gallery's order (the lightbox's): shift-click selects from the last image
// clicked to this one.
import { useSyncExternalStore } from "react";

let selected: ReadonlySet<string> = new Set();
let anchor: string | null = null;
let order: readonly string[] = [];
const listeners = new Set<() => void>();

function emit(next: ReadonlySet<string>): void {
  selected = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The gallery's image order, kept current by the gallery. */
export function setSelectionOrder(ids: readonly string[]): void {
  order = ids;
  // Images no longer shown (a filter changed) leave the selection.
  if (selected.size > 0) {
    const shown = new Set(ids);
    const kept = [...selected].filter((id) => shown.has(id));
    if (kept.length !== selected.size) emit(new Set(kept));
  }
}

export function toggleSelected(id: string): void {
  const next = new Set(selected);
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
  emit(new Set([...selected, ...order.slice(a, b + 1)]));
  anchor = id;
}

export function clearSelection(): void {
  anchor = null;
  if (selected.size > 0) emit(new Set());
}

export function selectedIds(): string[] {
  // In gallery order, so the zip lists images as the gallery shows them.
  return order.filter((id) => selected.has(id));
}

export function useIsSelected(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => selected.has(id),
    () => false,
  );
}

export function useSelectionCount(): number {
  return useSyncExternalStore(
    subscribe,
    () => selected.size,
    () => 0,
  );
}
