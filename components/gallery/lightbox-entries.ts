// The images the lightbox steps through, in gallery order (newest generation
// first, then each generation's images in order). Kept apart from the lightbox
// so the gallery can compute it without loading the lightbox's code.
import type { Generation, GenerationImage } from "@/lib/generations/types";

export interface LightboxEntry {
  generation: Generation;
  image: GenerationImage;
  /** 1-based place in its generation */
  n: number;
  /** images in its generation */
  total: number;
}

export function lightboxEntries(generations: readonly Generation[]): LightboxEntry[] {
  const out: LightboxEntry[] = [];
  for (const generation of generations) {
    const total = generation.images.length;
    generation.images.forEach((image, i) => {
      if (image.available) out.push({ generation, image, n: i + 1, total });
    });
  }
  return out;
}
