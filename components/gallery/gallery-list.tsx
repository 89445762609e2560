"use client";
// The history as a virtualized grid: cards are laid out in rows (as many
// columns as fit) and only the rows near the viewport are in the DOM, so ten
// thousand images cost what a screenful does. The page scrolls on phones and
// the gallery pane scrolls beside the builder, so the list virtualizes against
// whichever of the two actually scrolls. Rows are real DOM in reading order:
// Tab moves card to card, and focusing a card near the edge scrolls it into
// view, which renders the next rows before the next Tab. The gallery holds a few
// pages of history at a time (use-generations.ts): when pages above are dropped
// or read again, the space they took is kept as padding above the rows, so the
// cards in view never move (anchoring, below).
import { useVirtualizer, useWindowVirtualizer, type VirtualItem } from "@tanstack/react-virtual";
import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from "react";
import {
  estimateItemHeight,
  itemSpan,
  packRows,
  spanWidth,
} from "@/lib/client/gallery/feed-layout";
import { itemGenerations, type FeedItem } from "@/lib/client/gallery/groups";
import { columnsForWidth, CARD_GAP } from "@/lib/client/gallery/layout";
import type { LostGenerations } from "@/lib/client/gallery/use-generation-watch";
import { GenerationCard } from "./generation-card";
import { GridCard } from "./grid-card";
import { GroupCard } from "./group-card";
import { ScrollingContext } from "./scrolling-context";

/**
 * Rows rendered beyond the viewport each way. One is enough for Tab (focusing a
 * card scrolls it in, which renders the next row) and keeps a screen of ten-image
 * cards well inside the DOM budget.
 */
const OVERSCAN_ROWS = 1;

export interface GalleryListProps {
  /** the feed: single generations, tier pairs and sweeps */
  items: readonly FeedItem[];
  lost: LostGenerations;
  /** -1 while older pages exist */
  setSize: number;
  /** an older page is loading */
  busy: boolean;
  /** generations held in memory for this view */
  held: number;
  /** asks for the next page when the last rows come near */
  onNearEnd: () => void;
  /** newer pages were dropped to bound memory and can be read again */
  hasAbove: boolean;
  /** asks for the page above when the first rows come near */
  onNearStart: () => void;
  /**
   * the top of the history is in view and the list is still: `shown` generations
   * are in the rows through two past the last rendered, the rest may be let go
   */
  onAtTop: (shown: number) => void;
  /** the gallery keeps this to scroll a generation into view (focus return from the lightbox) */
  scrollToGenerationRef: RefObject<((generationId: string) => void) | null>;
}

function scrollParentOf(el: HTMLElement): HTMLElement | Window {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === "auto" || overflowY === "scroll") return p;
  }
  return window;
}

const onResize = (notify: () => void) => {
  window.addEventListener("resize", notify);
  return () => window.removeEventListener("resize", notify);
};

/** Width, scroll container and offset of the list, kept current as the layout changes. */
function useListGeometry(el: HTMLDivElement | null) {
  const observe = useCallback(
    (notify: () => void) => {
      if (!el) return () => {};
      // The builder above the list grows and shrinks on phones: watch the whole page.
      const ro = new ResizeObserver(notify);
      ro.observe(el);
      ro.observe(document.body);
      const stopResize = onResize(notify);
      return () => {
        ro.disconnect();
        stopResize();
      };
    },
    [el],
  );
  const scrollParent = useSyncExternalStore(
    onResize,
    () => (el ? scrollParentOf(el) : null),
    () => null,
  );
  const width = useSyncExternalStore(
    observe,
    () => el?.clientWidth ?? 0,
    () => 0,
  );
  const scrollMargin = useSyncExternalStore(
    observe,
    () => {
      if (!el || !scrollParent) return 0;
      const top = el.getBoundingClientRect().top;
      return scrollParent instanceof Window
        ? Math.round(top + window.scrollY)
        : Math.round(top - scrollParent.getBoundingClientRect().top + scrollParent.scrollTop);
    },
    () => 0,
  );
  return { scrollParent, width, scrollMargin };
}

const NO_ROWS: FeedItem[][] = [];

export function GalleryList(props: GalleryListProps) {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const { scrollParent, width, scrollMargin } = useListGeometry(el);
  const columns = columnsForWidth(width);
  const cardWidth = (width - (columns - 1) * CARD_GAP) / columns;
  const rows = useMemo(
    () => packRows(props.items, columns, cardWidth),
    [props.items, columns, cardWidth],
  );
  // The first cards render in the background, in slices between frames: a page of
  // cards drawn at once was one long task after hydration (Lighthouse's Total
  // Blocking Time, bench figure 6). Later changes (an arrival, a finished image)
  // render at once, as before: deferring those could skip frames under load.
  const [mounted, setMounted] = useState(false);
  useEffect(() => startTransition(() => setMounted(true)), []);
  const shownRows = mounted ? rows : NO_ROWS;
  const shared = { ...props, rows: shownRows, columns, cardWidth, width, scrollMargin };

  return (
    <div
      ref={setEl}
      role="feed"
      aria-labelledby="gallery-title"
      // Busy too until its cards are drawn: an empty feed is still being filled.
      aria-busy={props.busy || shownRows.length === 0 || width === 0 || !scrollParent}
      // How many generations the page holds (the bench checks that it stays bounded).
      data-held={props.held}
      className="relative"
    >
      {width === 0 || !scrollParent ? null : scrollParent instanceof Window ? (
        <WindowRows {...shared} />
      ) : (
        <ElementRows {...shared} scrollElement={scrollParent} />
      )}
    </div>
  );
}

interface RowsProps extends GalleryListProps {
  rows: FeedItem[][];
  columns: number;
  /** one column's width, px */
  cardWidth: number;
  width: number;
  scrollMargin: number;
}

/** Space kept above the rows for dropped pages, and the feed position of the first card. */
interface Above {
  padding: number;
  base: number;
}

function useRowOptions({ rows, columns, cardWidth, scrollMargin }: RowsProps, above: Above) {
  return {
    count: rows.length,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    paddingStart: above.padding,
    estimateSize: (i: number) =>
      Math.max(
        ...(rows[i] ?? []).map((item) =>
          estimateItemHeight(item, spanWidth(itemSpan(item, columns, cardWidth), cardWidth)),
        ),
        0,
      ) + CARD_GAP,
    // A row is known by its first card and the column count: a new generation
    // on top shifts every row, and stale sizes would be worse than estimates.
    getItemKey: (i: number) => `${columns}:${rows[i]?.[0]?.key ?? i}`,
  };
}

function WindowRows(props: RowsProps) {
  const [above, setAbove] = useState<Above>({ padding: 0, base: 0 });
  const virtualizer = useWindowVirtualizer({ ...useRowOptions(props, above) });
  return <Rows {...props} virtualizer={virtualizer} above={above} setAbove={setAbove} />;
}

function ElementRows({ scrollElement, ...props }: RowsProps & { scrollElement: HTMLElement }) {
  const [above, setAbove] = useState<Above>({ padding: 0, base: 0 });
  // Rows reads the virtualizer afresh on every render and is not memoized, which is
  // what this rule protects against.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    ...useRowOptions(props, above),
    getScrollElement: () => scrollElement,
  });
  return <Rows {...props} virtualizer={virtualizer} above={above} setAbove={setAbove} />;
}

interface RowVirtualizer {
  isScrolling: boolean;
  scrollOffset: number | null;
  measurementsCache: VirtualItem[];
  getVirtualItems(): VirtualItem[];
  getTotalSize(): number;
  measureElement(el: Element | null): void;
  scrollToIndex(index: number, options?: { align?: "start" | "center" | "end" | "auto" }): void;
  scrollToOffset(offset: number): void;
}

/** A card in view, where its row started, and its position in the feed. */
interface Anchor {
  key: string;
  start: number;
  position: number;
  /** the first card of the rows when this was taken */
  firstKey: string | undefined;
}

/**
 * Keeps the cards in view still when rows above them come or go (pages dropped
 * or read again): the padding above the rows takes up the difference, and the
 * feed positions (aria-posinset) stay those of the whole history. Once the top
 * of the history is loaded again the padding goes and the scroll position takes
 * up whatever the estimate was off by.
 */
function useAnchoring(
  rows: FeedItem[][],
  virtualizer: RowVirtualizer,
  hasAbove: boolean,
  above: Above,
  setAbove: (above: Above) => void,
) {
  const anchor = useRef<Anchor | null>(null);
  useLayoutEffect(() => {
    const firstKey = rows[0]?.[0]?.key;
    const previous = anchor.current;
    const rowOf = (key: string) => rows.findIndex((r) => r.some((item) => item.key === key));
    // Only while pages above are (or were just) out: a generation landing on top of
    // a history whose top is loaded pushes the cards down as it always did.
    const windowed = hasAbove || above.padding > 0 || above.base > 0;
    if (windowed && previous && previous.firstKey !== firstKey) {
      const index = rowOf(previous.key);
      const start = virtualizer.measurementsCache[index]?.start;
      if (index >= 0 && start !== undefined) {
        const wanted = above.padding + (previous.start - start);
        const padding = hasAbove ? Math.max(0, wanted) : 0;
        let inWindow = 0;
        for (const r of rows.slice(0, index)) inWindow += r.length;
        const base = hasAbove ? Math.max(0, previous.position - inWindow) : 0;
        if (padding !== wanted) {
          virtualizer.scrollToOffset((virtualizer.scrollOffset ?? 0) + (padding - wanted));
        }
        anchor.current = { ...previous, firstKey };
        if (padding !== above.padding || base !== above.base) setAbove({ padding, base });
        return;
      }
    }
    // The first card fully in view (or the first rendered) anchors the next change.
    const offset = virtualizer.scrollOffset ?? 0;
    const items = virtualizer.getVirtualItems();
    const first = items.find((v) => v.start >= offset) ?? items[0];
    const key = first ? rows[first.index]?.[0]?.key : undefined;
    if (!first || !key) {
      anchor.current = null;
      return;
    }
    let position = above.base;
    for (const r of rows.slice(0, first.index)) position += r.length;
    anchor.current = { key, start: first.start, position, firstKey };
  });
}

function Rows({
  rows,
  columns,
  cardWidth,
  lost,
  setSize,
  scrollMargin,
  onNearEnd,
  hasAbove,
  onNearStart,
  onAtTop,
  scrollToGenerationRef,
  virtualizer,
  above,
  setAbove,
}: RowsProps & { virtualizer: RowVirtualizer; above: Above; setAbove: (a: Above) => void }) {
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? -1;
  const firstIndex = virtualRows[0]?.index ?? -1;
  useAnchoring(rows, virtualizer, hasAbove, above, setAbove);
  // aria-posinset counts cards in feed order, whatever rows they fell into.
  const positions = useMemo(() => {
    const map = new Map<string, number>();
    for (const r of rows) for (const feedItem of r) map.set(feedItem.key, map.size);
    return map;
  }, [rows]);

  useEffect(() => {
    if (rows.length > 0 && lastIndex >= rows.length - 1 - OVERSCAN_ROWS) onNearEnd();
  }, [lastIndex, rows.length, onNearEnd]);

  useEffect(() => {
    if (hasAbove && firstIndex >= 0 && firstIndex <= OVERSCAN_ROWS) onNearStart();
  }, [hasAbove, firstIndex, onNearStart]);

  // Two rows past the rendered ones: what is kept then never comes near enough to
  // the end to be read again at once (onNearEnd above).
  const scrolling = virtualizer.isScrolling;
  useEffect(() => {
    if (hasAbove || scrolling || firstIndex !== 0 || lastIndex < 0) return;
    let shown = 0;
    for (const r of rows.slice(0, lastIndex + 3)) {
      for (const item of r) shown += itemGenerations(item).length;
    }
    onAtTop(shown);
  }, [hasAbove, scrolling, firstIndex, lastIndex, rows, onAtTop]);

  useEffect(() => {
    scrollToGenerationRef.current = (id) => {
      const row = rows.findIndex((r) =>
        r.some((item) => itemGenerations(item).some((g) => g.id === id)),
      );
      if (row >= 0) virtualizer.scrollToIndex(row, { align: "center" });
    };
  }, [rows, virtualizer, scrollToGenerationRef]);

  return (
    <ScrollingContext value={virtualizer.isScrolling}>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualRows.map((item) => {
          const row = rows[item.index] ?? [];
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 grid w-full items-start gap-3 pb-3"
              style={{
                transform: `translateY(${item.start - scrollMargin}px)`,
                gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              }}
            >
              {row.map((feedItem) => {
                const span = itemSpan(feedItem, columns, cardWidth);
                const position = above.base + (positions.get(feedItem.key) ?? 0) + 1;
                return feedItem.kind === "single" ? (
                  <GenerationCard
                    key={feedItem.key}
                    generation={feedItem.generation}
                    lostReason={lost[feedItem.generation.id]}
                    position={position}
                    setSize={setSize}
                    span={span}
                    width={spanWidth(span, cardWidth)}
                  />
                ) : feedItem.kind === "grid" ? (
                  <GridCard
                    key={feedItem.key}
                    item={feedItem}
                    position={position}
                    setSize={setSize}
                    span={span}
                  />
                ) : (
                  <GroupCard
                    key={feedItem.key}
                    item={feedItem}
                    lost={lost}
                    position={position}
                    setSize={setSize}
                    span={span}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
    </ScrollingContext>
  );
}
