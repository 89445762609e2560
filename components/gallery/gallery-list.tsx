"use client";
// The history as a virtualized grid: cards are laid out in rows (as many
// columns as fit) and only the rows near the viewport are in the DOM, so ten
// thousand images cost what a screenful does. The page scrolls on phones and
// the gallery pane scrolls beside the builder, so the list virtualizes against
// whichever of the two actually scrolls. Rows are real DOM in reading order:
// Tab moves card to card, and focusing a card near the edge scrolls it into
// view, which renders the next rows before the next Tab.
import { useVirtualizer, useWindowVirtualizer, type VirtualItem } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useMemo,
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
  /** asks for the next page when the last rows come near */
  onNearEnd: () => void;
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

export function GalleryList(props: GalleryListProps) {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const { scrollParent, width, scrollMargin } = useListGeometry(el);
  const columns = columnsForWidth(width);
  const cardWidth = (width - (columns - 1) * CARD_GAP) / columns;
  const rows = useMemo(
    () => packRows(props.items, columns, cardWidth),
    [props.items, columns, cardWidth],
  );
  const shared = { ...props, rows, columns, cardWidth, width, scrollMargin };

  return (
    <div
      ref={setEl}
      role="feed"
      aria-labelledby="gallery-title"
      aria-busy={props.busy}
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

function useRowOptions({ rows, columns, cardWidth, scrollMargin }: RowsProps) {
  return {
    count: rows.length,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
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
  const virtualizer = useWindowVirtualizer({ ...useRowOptions(props) });
  return <Rows {...props} virtualizer={virtualizer} />;
}

function ElementRows({ scrollElement, ...props }: RowsProps & { scrollElement: HTMLElement }) {
  // Rows reads the virtualizer afresh on every render and is not memoized, which is
  // what this rule protects against.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    ...useRowOptions(props),
    getScrollElement: () => scrollElement,
  });
  return <Rows {...props} virtualizer={virtualizer} />;
}

interface RowVirtualizer {
  isScrolling: boolean;
  getVirtualItems(): VirtualItem[];
  getTotalSize(): number;
  measureElement(el: Element | null): void;
  scrollToIndex(index: number, options?: { align?: "start" | "center" | "end" | "auto" }): void;
}

function Rows({
  rows,
  columns,
  cardWidth,
  lost,
  setSize,
  scrollMargin,
  onNearEnd,
  scrollToGenerationRef,
  virtualizer,
}: RowsProps & { virtualizer: RowVirtualizer }) {
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? -1;
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
                const position = (positions.get(feedItem.key) ?? 0) + 1;
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
