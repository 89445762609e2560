"use client";
// The lightbox's image: the original placed by the zoom view (fit, 100% or
// anything between), with the thumbnail (already cached) standing in until the
// original arrives.
import { Button } from "@/components/ui/button";
import { ImageOff, RotateCcw } from "lucide-react";
import { useState } from "react";
import { imageAlt } from "@/lib/client/gallery/format";
import { useImageSource } from "@/lib/client/gallery/use-image-source";
import type { Size, View } from "@/lib/client/gallery/zoom";
import type { LightboxEntry } from "./lightbox-entries";
import { zoomedStyle } from "./zoom-controls";
import { MatureBadge, MatureVeil, useVeiled, VEIL_IMAGE_CLASS } from "./mature-veil";

export function LightboxImage({
  entry,
  prompt,
  size,
  view,
  offsetX,
  pixelated,
  className,
  onNaturalSize,
}: {
  entry: LightboxEntry;
  prompt: string;
  /** the image's pixel size: the workflow's width/height */
  size: Size;
  view: View;
  /** a swipe in progress */
  offsetX: number;
  /** past 200% the pixels show as squares, as a designer checking detail expects */
  pixelated: boolean;
  className: string;
  /** only needed when the workflow did not say the image's size */
  onNaturalSize: (size: Size) => void;
}) {
  const { image } = entry;
  const full = useImageSource(image, "full");
  const preview = useImageSource(image, "preview");
  const [loaded, setLoaded] = useState(false);
  const veiled = useVeiled(image);
  const veil = veiled ? ` ${VEIL_IMAGE_CLASS}` : "";
  return (
    // Sized from the image's own width/height before a byte arrives.
    <div
      className={className}
      style={{
        ...zoomedStyle(view, size, offsetX),
        imageRendering: pixelated ? "pixelated" : undefined,
      }}
    >
      {/* The thumbnail, already in the browser's cache, stands in until the original arrives. */}
      {preview.src && !loaded ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={preview.src}
          alt=""
          draggable={false}
          className={`absolute inset-0 size-full${veil}`}
          onError={preview.onError}
        />
      ) : null}
      {full.src ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={full.attempt}
          src={full.src}
          alt={imageAlt(prompt, entry.n, entry.total)}
          width={size.width}
          height={size.height}
          draggable={false}
          onLoad={(event) => {
            setLoaded(true);
            full.onLoad();
            const img = event.currentTarget;
            if (!image.width || !image.height)
              onNaturalSize({ width: img.naturalWidth, height: img.naturalHeight });
          }}
          onError={full.onError}
          className={`absolute inset-0 size-full max-w-none${veil}`}
        />
      ) : null}
      {veiled ? (
        <MatureVeil
          imageIds={[image.id]}
          label={`image ${entry.n} of ${entry.total}`}
          size="large"
        />
      ) : image.mature ? (
        <MatureBadge className="absolute top-2 left-2" />
      ) : null}
      {full.failed ? (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 text-sm text-white/80">
          <ImageOff aria-hidden="true" className="size-6" />
          Couldn’t load this image.
          <Button
            variant="bare"
            onClick={full.retry}
            className="inline-flex items-center gap-1.5 rounded-md bg-white/15 px-3 py-1.5 text-xs font-medium text-white hover:bg-white/25"
          >
            <RotateCcw aria-hidden="true" className="size-3.5" />
            Retry
          </Button>
        </div>
      ) : null}
    </div>
  );
}
