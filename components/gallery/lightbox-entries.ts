// The images the lightbox steps through, in gallery order: card by card, and
// inside a pair or sweep card image n of each member before image n+1, so ← →
// compares medium with large. Kept apart from the lightbox so the gallery can
// compute it (and the selection its ranges) without loading the lightbox's code.
import type { FeedItem } from "@/lib/client/gallery/groups";
import { alignByIndex } from "@/lib/client/gallery/pairing";
import type { Generation, GenerationImage } from "@/lib/contract/generations/types";

export interface LightboxEntry {
  generation: Generation;
  image: GenerationImage;
  /** 1-based place in its generation */
  n: number;
  /** images in its generation */
  total: number;
}

function generationEntries(generation: Generation): LightboxEntry[] {
  const total = generation.images.length;
  const out: LightboxEntry[] = [];
  generation.images.forEach((image, i) => {
    if (image.available) out.push({ generation, image, n: i + 1, total });
  });
  return out;
}

export function lightboxEntries(items: readonly FeedItem[]): LightboxEntry[] {
  const out: LightboxEntry[] = [];
  const seen = new Set<string>();
  const push = (e: LightboxEntry) => {
    if (seen.has(e.image.id)) return;
    seen.add(e.image.id);
    out.push(e);
  };
  for (const item of items) {
    if (item.kind === "single") {
      generationEntries(item.generation).forEach(push);
      continue;
    }
    const members = item.kind === "pair" ? [item.medium, item.large] : item.members;
    for (const row of alignByIndex(members)) {
      for (const slot of row) {
        if (slot.state !== "image" || !slot.generation || !slot.image) continue;
        push({
          generation: slot.generation,
          image: slot.image,
          n: slot.index + 1,
          total: slot.generation.images.length,
        });
      }
    }
  }
  return out;
}

/** The entries of one generation on its own (one opened from a lineage link, not in the feed). */
export function detachedEntries(generation: Generation): LightboxEntry[] {
  return generationEntries(generation);
}
