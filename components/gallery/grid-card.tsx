"use client";
// A decision grid in the gallery: one card, a mosaic of its cells' thumbnails,
// how far it is and what it cost; it opens the grid view.
import { Grid3x3 } from "lucide-react";
import Link from "next/link";
import { memo } from "react";
import { shortPrompt } from "@/lib/client/gallery/format";
import type { GridItem } from "@/lib/client/gallery/groups";
import { formatBuzz } from "@/lib/contract/krea/pricing";

const MOSAIC_MAX = 16;

export const GridCard = memo(function GridCard({
  item,
  position,
  setSize,
  span,
}: {
  item: GridItem;
  position: number;
  setSize: number;
  span: number;
}) {
  const cells = item.members;
  const done = cells.filter((g) => g.final).length;
  const spent = cells.reduce((sum, g) => sum + (g.chargedBuzz ?? 0), 0);
  const prompt = cells[0]?.input?.prompt ?? "";
  const shown = cells.slice(0, MOSAIC_MAX);
  const side = Math.ceil(Math.sqrt(shown.length));
  const size = cells[0]?.metadata.gridSize ?? cells.length;
  const title = `Grid of ${size} cells`;
  return (
    <article
      aria-label={`${title}: ${shortPrompt(prompt, 60)}`}
      aria-posinset={position}
      aria-setsize={setSize}
      style={{ gridColumn: `span ${span}` }}
      className="flex flex-col gap-2 rounded-xl border border-border bg-panel p-3"
    >
      <div
        className="grid w-full max-w-sm gap-0.5 self-center overflow-hidden rounded-md"
        style={{ gridTemplateColumns: `repeat(${side}, minmax(0, 1fr))` }}
      >
        {shown.map((g) => {
          const image = g.images.find((i) => i.available && (i.previewUrl || i.url));
          return image ? (
            // eslint-disable-next-line @next/next/no-img-element -- a signed orchestrator URL
            <img
              key={g.id}
              src={image.previewUrl ?? image.url ?? ""}
              alt=""
              loading="lazy"
              className={`aspect-square w-full object-cover ${image.mature ? "blur-lg" : ""}`}
            />
          ) : (
            <div key={g.id} className="aspect-square w-full bg-subtle" />
          );
        })}
      </div>
      <div className="flex items-start gap-2">
        <Grid3x3 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted" />
        <div className="min-w-0 flex-1 text-sm">
          <p className="font-medium">{title}</p>
          <p className="truncate text-xs text-muted">{prompt}</p>
          <p className="text-xs text-muted tabular-nums">
            {cells.length < size ? `${cells.length} loaded · ` : ""}
            {done} done · {formatBuzz(spent)} Buzz
          </p>
        </div>
        <Link
          href={`/grids/${encodeURIComponent(item.gridId)}`}
          className="h-8 shrink-0 rounded-md border border-border px-3 text-sm leading-8 font-medium hover:bg-subtle"
        >
          Open grid
        </Link>
      </div>
    </article>
  );
});
