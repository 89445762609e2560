// Geometry of the feed once cards can span columns: a tier pair takes two
// columns, a sweep row as many as it has members (up to what fits), so their
// images are as large as a single card's. Rows are packed in feed order; a wide
// card that does not fit beside the previous ones starts the next row.
import type { FeedItem } from "./groups";
import { alignByIndex } from "./pairing";
import {
  CARD_GAP,
  CARD_PADDING,
  cardSpan,
  estimateCardHeight,
  IMAGE_GAP,
  imageRatio,
  MAX_TILE_HEIGHT,
} from "./layout";
import type { Generation } from "@/lib/contract/generations/types";

/** Narrowest a member's column may get before a sweep wraps onto a second line. */
export const MIN_MEMBER_WIDTH = 110;
/** prompt, column headings, comparison line and chips of a group card */
const GROUP_CHROME = 168;
/** a member's label and its cost/time line above its images */
const MEMBER_HEADING = 34;

export function memberCount(item: FeedItem): number {
  if (item.kind === "single") return 1;
  if (item.kind === "pair") return 2;
  return item.members.length;
}

/** Columns a card spans; a single card with several images may span more (cardSpan). */
export function itemSpan(item: FeedItem, columns: number, cardWidth = Infinity): number {
  if (item.kind === "single") return cardSpan(item.generation, columns, cardWidth);
  // A grid is a mosaic of thumbnails whatever its size: two columns show it.
  if (item.kind === "grid") return Math.max(1, Math.min(columns, 2));
  return Math.max(1, Math.min(columns, memberCount(item)));
}

export function packRows(
  items: readonly FeedItem[],
  columns: number,
  cardWidth = Infinity,
): FeedItem[][] {
  const rows: FeedItem[][] = [];
  let row: FeedItem[] = [];
  let used = 0;
  for (const item of items) {
    const span = itemSpan(item, columns, cardWidth);
    if (used + span > columns && row.length > 0) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(item);
    used += span;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Members side by side inside a group card this wide (a sweep wraps on phones). */
export function memberColumns(members: number, innerWidth: number): number {
  const fit = Math.floor((innerWidth + IMAGE_GAP) / (MIN_MEMBER_WIDTH + IMAGE_GAP));
  return Math.max(1, Math.min(members, fit));
}

function groupMembers(item: FeedItem): (Generation | null)[] {
  if (item.kind === "single") return [item.generation];
  if (item.kind === "pair") return [item.medium, item.large];
  return item.members;
}

export function estimateItemHeight(item: FeedItem, width: number): number {
  if (item.kind === "single") return estimateCardHeight(item.generation, width);
  const members = groupMembers(item);
  const known = members.find((g): g is Generation => g !== null);
  const ratio = known ? imageRatio(known) : 1;
  const inner = width - 2 * CARD_PADDING;
  const cols = memberColumns(members.length, inner);
  const lines = Math.ceil(members.length / cols);
  const cell = (inner - (cols - 1) * IMAGE_GAP) / cols;
  const rows = Math.max(1, alignByIndex(members).length);
  const tile = Math.min(cell / ratio, MAX_TILE_HEIGHT);
  const running = members.some((g) => g && !g.final) ? 36 : 0;
  return GROUP_CHROME + running + lines * (MEMBER_HEADING + rows * (tile + IMAGE_GAP));
}

/** The width of a card spanning `span` columns of `cardWidth`. */
export function spanWidth(span: number, cardWidth: number): number {
  return span * cardWidth + (span - 1) * CARD_GAP;
}
