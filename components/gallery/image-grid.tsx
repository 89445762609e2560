"use client";
// A generation's images in a grid by their ratio: finished thumbnails, skeletons
// the size of the images still coming, and calm tiles for images that were
// blocked, failed or never made.
import { Ban, Clock, ShieldAlert, TriangleAlert, type LucideIcon } from "lucide-react";
import type { CSSProperties } from "react";
import {
  CARD_PADDING,
  imageColumns,
  imageRatio,
  MAX_TILE_HEIGHT,
  tileCount,
} from "@/lib/client/gallery/layout";
import type { Generation, GenerationImage } from "@/lib/contract/generations/types";
import { Thumbnail } from "./thumbnail";

export function ratioStyle(image: GenerationImage | null, fallback: number): CSSProperties {
  const ratio = image?.width && image.height ? image.width / image.height : fallback;
  return {
    aspectRatio: image?.width && image.height ? `${image.width} / ${image.height}` : `${ratio}`,
    // Narrower rather than taller than MAX_TILE_HEIGHT, centred in its cell.
    width: `min(100%, ${Math.round(MAX_TILE_HEIGHT * ratio)}px)`,
    justifySelf: "center",
  };
}

export function ImageGrid({
  generation: g,
  prompt,
  width,
}: {
  generation: Generation;
  prompt: string;
  /** the card's width in px, when the feed knows it */
  width?: number;
}) {
  const count = tileCount(g);
  if (count === 0) return null;
  const ratio = imageRatio(g);
  const columns = imageColumns(
    count,
    ratio,
    width === undefined ? Infinity : width - 2 * CARD_PADDING,
  );
  const tiles: (GenerationImage | null)[] = g.images.length
    ? g.images
    : Array.from({ length: count }, () => null);
  return (
    <div
      className="grid gap-1"
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
    >
      {tiles.map((image, i) => {
        const style = ratioStyle(image, ratio);
        if (image?.available) {
          return (
            <Thumbnail
              key={image.id}
              generation={g}
              image={image}
              n={i + 1}
              total={count}
              prompt={prompt}
              style={style}
            />
          );
        }
        if (image?.blockedReason) {
          return <StateTile key={image.id} icon={ShieldAlert} label="Blocked" style={style} />;
        }
        if (!g.final) return <PendingTile key={image?.id ?? i} style={style} />;
        const [icon, label] = endedTile(g);
        return <StateTile key={image?.id ?? i} icon={icon} label={label} style={style} />;
      })}
    </div>
  );
}

export function endedTile(g: Generation): [LucideIcon, string] {
  if (g.status === "canceled") return [Ban, "Canceled"];
  if (g.status === "expired") return [Clock, "Expired"];
  return [TriangleAlert, "Failed"];
}

export function PendingTile({ style }: { style: CSSProperties }) {
  // The progress bar above says what is happening; the tile only holds the space.
  return (
    <div
      aria-hidden="true"
      style={style}
      className="rounded-md bg-subtle motion-safe:animate-pulse"
    />
  );
}

export function StateTile({
  icon: Icon,
  label,
  style,
}: {
  icon: LucideIcon;
  label: string;
  style: CSSProperties;
}) {
  return (
    <div
      style={style}
      className="flex flex-col items-center justify-center gap-1 rounded-md border border-dashed border-border-strong bg-subtle text-[11px] text-muted"
    >
      <Icon aria-hidden="true" className="size-4" />
      {label}
    </div>
  );
}
