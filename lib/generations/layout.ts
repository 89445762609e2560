// Geometry of the gallery grid, shared by the virtualized list (row estimates)
// and the cards (image columns), so estimates match what renders and the list
// barely shifts when rows are measured.
import { RATIO_TABLE } from "@/lib/krea/ratios";
import type { Generation } from "./types";

/** px between cards (Tailwind gap-3) */
export const CARD_GAP = 12;
/** narrowest card: two lines of chips still fit */
export const MIN_CARD_WIDTH = 300;
/** px inside a card around the content (p-3) */
export const CARD_PADDING = 12;
/** px between images in a card (gap-1) */
export const IMAGE_GAP = 4;
/**
 * Tallest an image tile grows: a lone 9:16 image at full card width would fill
 * the screen, so tall tiles are narrowed (still at their true ratio) instead.
 */
export const MAX_TILE_HEIGHT = 420;
/** prompt, status, chips and the meta line: measured from the rendered card */
const CARD_CHROME = 128;

/** Cards per row for a list this wide: as many as fit at MIN_CARD_WIDTH. */
export function columnsForWidth(width: number): number {
  return Math.max(1, Math.floor((width + CARD_GAP) / (MIN_CARD_WIDTH + CARD_GAP)));
}

/** Width over height of a generation's images: their own size, else the ratio they were asked for. */
export function imageRatio(g: Generation): number {
  const sized = g.images.find((i) => i.width && i.height);
  if (sized?.width && sized.height) return sized.width / sized.height;
  const asked = g.input ? RATIO_TABLE[g.input.aspectRatio] : null;
  return asked ? asked.width / asked.height : 1;
}

/** How many images sit side by side in a card: wide images get fewer columns, tall ones more. */
export function imageColumns(count: number, ratio: number): number {
  if (count <= 1) return 1;
  let columns = count === 2 ? 2 : count <= 4 ? 2 : count <= 6 || count === 9 ? 3 : 4;
  if (count === 3) columns = 3;
  // Wide images get a column less (at most 3), tall ones a column more.
  if (ratio >= 1.7) columns = count <= 4 ? 2 : 3;
  else if (ratio <= 0.6) columns = Math.min(count, columns + 1);
  return columns;
}

/**
 * How many tiles a card shows: its images, or the quantity asked for while none
 * are known. None when it ended without a single image: the card's outcome
 * says why, and a screenful of empty tiles would not.
 */
export function tileCount(g: Generation): number {
  if (g.final) return g.images.some((i) => i.available) ? g.images.length : 0;
  return g.images.length || (g.input?.quantity ?? 1);
}

export function estimateCardHeight(g: Generation, cardWidth: number): number {
  const count = tileCount(g);
  if (count === 0) return CARD_CHROME + 64;
  const ratio = imageRatio(g);
  const columns = imageColumns(count, ratio);
  const rows = Math.ceil(count / columns);
  const inner = cardWidth - 2 * CARD_PADDING;
  const cell = (inner - (columns - 1) * IMAGE_GAP) / columns;
  const extra = g.final && g.status !== "succeeded" ? 56 : g.final ? 0 : 36;
  return (
    CARD_CHROME + extra + rows * Math.min(cell / ratio, MAX_TILE_HEIGHT) + (rows - 1) * IMAGE_GAP
  );
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
