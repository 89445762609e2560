// When the gallery asks for another history page. The cursor is opaque (the
// spec promises nothing about its length or form), so the only rule is about
// progress: a page whose cursor was already used — the page just read handing
// back its own cursor, with or without items — ends the history, rather than
// asking the same question forever. A page with no items but a new cursor goes on
// (a filtered scan that has not found a match yet). Decision in README "Library".
import type { GenerationPage } from "@/lib/contract/generations/types";

export function nextPageParam(
  last: GenerationPage,
  usedCursors: readonly (string | null)[],
): string | undefined {
  if (!last.next || usedCursors.includes(last.next)) return undefined;
  return last.next;
}
