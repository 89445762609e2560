// Geometry of the gallery grid, shared by the virtualized list (row estimates)
// and the cards (image columns), so estimates match what renders and the list
// barely shifts when rows are measured.
import { RATIO_TABLE } from "@/lib/contract/krea/ratios";
import type { Generation } from "@/lib/contract/generations/types";

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
/**
 * Narrowest an image tile of a multi-image card may get (issue: 3-image cards
 * showed ~96 px tiles at 1440 px). Such a card spans more feed columns, or,
 * where there are none (phones), puts fewer images side by side. 150 rather
 * than 160 keeps 2-image cards at 1440 px (153 px tiles) one column wide.
 */
export const MIN_TILE_WIDTH = 150;
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

/**
 * How many images sit side by side in a card: wide images get fewer columns,
 * tall ones more; never so many that a tile is narrower than MIN_TILE_WIDTH
 * in a card whose inner width is known.
 */
export function imageColumns(count: number, ratio: number, innerWidth = Infinity): number {
  const natural = naturalColumns(count, ratio);
  const fit = Math.floor((innerWidth + IMAGE_GAP) / (MIN_TILE_WIDTH + IMAGE_GAP));
  return Math.max(1, Math.min(natural, fit));
}

function naturalColumns(count: number, ratio: number): number {
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

/** Width of one tile with `columns` images side by side in this inner width. */
function tileWidth(columns: number, ratio: number, inner: number): number {
  return Math.min((inner - (columns - 1) * IMAGE_GAP) / columns, MAX_TILE_HEIGHT * ratio);
}

/**
 * Feed columns a single generation's card spans: one, unless its images in
 * their natural grid would be narrower than MIN_TILE_WIDTH; then as few more
 * as make them fit (at most the row).
 */
export function cardSpan(g: Generation, columns: number, cardWidth: number): number {
  const count = tileCount(g);
  if (count <= 1 || columns <= 1 || !Number.isFinite(cardWidth)) return 1;
  const ratio = imageRatio(g);
  const natural = naturalColumns(count, ratio);
  for (let span = 1; span < columns; span++) {
    const inner = span * cardWidth + (span - 1) * CARD_GAP - 2 * CARD_PADDING;
    if (tileWidth(natural, ratio, inner) >= MIN_TILE_WIDTH) return span;
  }
  return columns;
}

export function estimateCardHeight(g: Generation, cardWidth: number): number {
  const count = tileCount(g);
  if (count === 0) return CARD_CHROME + 64;
  const ratio = imageRatio(g);
  const inner = cardWidth - 2 * CARD_PADDING;
  const columns = imageColumns(count, ratio, inner);
  const rows = Math.ceil(count / columns);
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
