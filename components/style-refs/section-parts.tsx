"use client";
// Small pieces of the references section that load with the page.
import { ImagePlus } from "lucide-react";
import { useLayoutEffect, useState, type RefObject } from "react";

/** Rows' size while the list's code arrives, so nothing jumps when it does. */
export function RowsSkeleton({ count }: { count: number }) {
  return (
    <ol aria-busy="true" aria-label="Style references, loading" className="space-y-1.5">
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="h-[74px] animate-pulse rounded-md border border-border bg-subtle" />
      ))}
    </ol>
  );
}

/**
 * While files or links are dragged over the builder, the whole pane says what a
 * drop will do. Drawn over the pane without catching the pointer, so the drag
 * events keep reaching the pane underneath.
 */
export function DropOverlay({ pane }: { pane: RefObject<HTMLElement | null> }) {
  const [box, setBox] = useState<DOMRect | null>(null);
  useLayoutEffect(() => {
    const el = pane.current?.closest("aside") ?? pane.current;
    // Measured once per drag: the pane does not move while something is dragged over it.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a DOM measurement, taken before paint
    if (el) setBox(el.getBoundingClientRect());
  }, [pane]);
  if (!box) return null;
  return (
    <div
      aria-hidden="true"
      style={{ top: box.top, left: box.left, width: box.width, height: box.height }}
      className="pointer-events-none fixed z-30 flex items-center justify-center border-2 border-dashed border-accent bg-[color-mix(in_oklab,var(--studio-panel)_85%,transparent)]"
    >
      <p className="flex items-center gap-2 rounded-md bg-raised px-3 py-2 text-sm font-medium shadow">
        <ImagePlus aria-hidden="true" className="size-4 text-accent" />
        Drop to add as style references
      </p>
    </div>
  );
}
