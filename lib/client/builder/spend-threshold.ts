// Above how many Buzz a click asks first ("Compare tiers" with ten large images,
// a sweep): the designer's own setting, kept in localStorage so it holds for
// every tab and every visit. Below it, one click spends without a question.
import type { KeyValueStore } from "@/lib/client/platform/session-store";

export const CONFIRM_ABOVE_KEY = "krea-studio:confirm-above";
export const DEFAULT_CONFIRM_ABOVE = 300;
export const CONFIRM_ABOVE_MAX = 1_000_000;

export function localStore(): KeyValueStore | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readConfirmAbove(store: KeyValueStore | null): number {
  try {
    const raw = store?.getItem(CONFIRM_ABOVE_KEY);
    if (raw === null || raw === undefined || !/^\d{1,7}$/.test(raw)) return DEFAULT_CONFIRM_ABOVE;
    return Math.min(CONFIRM_ABOVE_MAX, Number(raw));
  } catch {
    return DEFAULT_CONFIRM_ABOVE;
  }
}

export function writeConfirmAbove(store: KeyValueStore | null, value: number): void {
  if (!Number.isFinite(value) || value < 0) return;
  try {
    store?.setItem(CONFIRM_ABOVE_KEY, String(Math.min(CONFIRM_ABOVE_MAX, Math.round(value))));
  } catch {
    // Storage refused: the setting lasts until the page closes.
  }
}

export function needsConfirmation(total: number, confirmAbove: number): boolean {
  return total > confirmAbove;
}
