"use client";
// A generation's images in a grid by their ratio: finished thumbnails, skeletons
// the size of the images still coming, and calm tiles for images that were
// blocked, failed or never made.
import { useQueryClient } from "@tanstack/react-query";
import { clsx } from "clsx";
import {
  Ban,
  Braces,
  Clock,
  Copy,
  Download,
  ImageOff,
  Maximize2,
  RotateCcw,
  ShieldAlert,
  TriangleAlert,
  Wand2,
  type LucideIcon,
} from "lucide-react";
import { use, useState, type CSSProperties } from "react";
import { shortPrompt } from "@/lib/generations/format";
import { imageColumns, imageRatio, MAX_TILE_HEIGHT, tileCount } from "@/lib/generations/layout";
import type { Generation, GenerationImage } from "@/lib/generations/types";
import { useImageSource } from "@/lib/hooks/use-image-source";
import { ActionsMenu } from "./actions-menu";
import { copySeed, download, reuseSettings, useGalleryActions } from "./gallery-actions";
import { ScrollingContext } from "./scrolling-context";

/** Images this page has shown: already in the browser's cache, so never held back. */
const shownSources = new Set<string>();

export function imageAlt(prompt: string, n: number, total: number): string {
  return `${shortPrompt(prompt, 100)} — image ${n} of ${total}`;
}

function ratioStyle(image: GenerationImage | null, fallback: number): CSSProperties {
  const ratio = image?.width && image.height ? image.width / image.height : fallback;
  return {
    aspectRatio: image?.width && image.height ? `${image.width} / ${image.height}` : `${ratio}`,
    // Narrower rather than taller than MAX_TILE_HEIGHT, centred in its cell.
    width: `min(100%, ${Math.round(MAX_TILE_HEIGHT * ratio)}px)`,
    justifySelf: "center",
  };
}

export function ImageGrid({ generation: g, prompt }: { generation: Generation; prompt: string }) {
  const count = tileCount(g);
  if (count === 0) return null;
  const ratio = imageRatio(g);
  const columns = imageColumns(count, ratio);
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

function endedTile(g: Generation): [LucideIcon, string] {
  if (g.status === "canceled") return [Ban, "Canceled"];
  if (g.status === "expired") return [Clock, "Expired"];
  return [TriangleAlert, "Failed"];
}

function PendingTile({ style }: { style: CSSProperties }) {
  // The progress bar above says what is happening; the tile only holds the space.
  return (
    <div
      aria-hidden="true"
      style={style}
      className="rounded-md bg-subtle motion-safe:animate-pulse"
    />
  );
}

function StateTile({
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

function Thumbnail({
  generation: g,
  image,
  n,
  total,
  prompt,
  style,
}: {
  generation: Generation;
  image: GenerationImage;
  n: number;
  total: number;
  prompt: string;
  style: CSSProperties;
}) {
  const { openImage, showApiRequest } = useGalleryActions();
  const queryClient = useQueryClient();
  const source = useImageSource(image, "preview");
  const [loaded, setLoaded] = useState(false);
  const scrolling = use(ScrollingContext);
  const [requested, setRequested] = useState(false);
  const mayLoad = requested || !scrolling || (source.src !== null && shownSources.has(source.src));
  // Once asked for, an image stays: scrolling again must not blank it.
  if (mayLoad && !requested && source.src !== null) setRequested(true);
  // The actions button exists only while the pointer or focus is on the tile: ten
  // per card, thousands of cards, would crowd the DOM. Once its menu has been
  // used it stays, so the menu can hand focus back to it. On touch screens a tap
  // opens the lightbox, which has every action.
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [menuUsed, setMenuUsed] = useState(false);
  const hasInput = g.input !== null;

  return (
    <div
      style={style}
      onPointerEnter={(event) => event.pointerType === "mouse" && setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node && event.currentTarget.contains(next))) setFocused(false);
      }}
      className="relative overflow-hidden rounded-md bg-subtle"
    >
      {source.src && mayLoad ? (
        // A plain <img>: signed URLs expire, so Next's optimizer (which caches by URL) cannot serve them.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={source.attempt}
          src={source.src}
          alt={imageAlt(prompt, n, total)}
          width={image.width ?? undefined}
          height={image.height ?? undefined}
          loading="lazy"
          decoding="async"
          draggable={false}
          onLoad={(event) => {
            shownSources.add(event.currentTarget.src);
            setLoaded(true);
            source.onLoad();
          }}
          onError={source.onError}
          className={clsx(
            "size-full object-cover transition-opacity duration-200",
            loaded ? "opacity-100" : "opacity-0",
          )}
        />
      ) : null}
      {source.failed ? (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-1.5 p-2 text-center text-[11px] text-muted">
          <ImageOff aria-hidden="true" className="size-4" />
          <span>Couldn’t load image {n}</span>
          <button
            type="button"
            onClick={source.retry}
            className="inline-flex items-center gap-1 rounded-md border border-border bg-raised px-2 py-0.5 font-medium text-foreground hover:bg-subtle"
          >
            <RotateCcw aria-hidden="true" className="size-3" />
            Retry
          </button>
        </div>
      ) : (
        <button
          type="button"
          data-image-id={image.id}
          aria-label={`Open image ${n} of ${total}`}
          onClick={() => openImage(image.id)}
          className="absolute inset-0 cursor-zoom-in rounded-md focus-visible:-outline-offset-2"
        />
      )}
      {hovered || focused || menuUsed ? (
        <ActionsMenu
          label={`Actions for image ${n} of ${total}`}
          variant="overlay"
          className="absolute top-1 right-1"
          onOpenChange={(open) => open && setMenuUsed(true)}
          actions={[
            { label: "Open", icon: Maximize2, onSelect: () => openImage(image.id) },
            {
              label: "Download",
              icon: Download,
              onSelect: () => download(queryClient, g, image, n),
            },
            { label: "Copy seed", icon: Copy, onSelect: () => copySeed(g), disabled: !hasInput },
            {
              label: "Reuse settings",
              icon: Wand2,
              onSelect: () => reuseSettings(g),
              disabled: !hasInput,
            },
            {
              label: "Copy as API request",
              icon: Braces,
              onSelect: () => showApiRequest(g.id),
              disabled: !hasInput,
            },
          ]}
        />
      ) : null}
    </div>
  );
}
