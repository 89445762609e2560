"use client";
// The lightbox's image: the original at its true ratio, fitted to the stage, with
// the thumbnail (already cached) standing in until the original arrives.
import { ImageOff, RotateCcw } from "lucide-react";
import { useState } from "react";
import { imageAlt } from "@/lib/generations/format";
import { useImageSource } from "@/lib/hooks/use-image-source";
import type { LightboxEntry } from "./lightbox-entries";
import { MatureBadge, MatureVeil, useVeiled, VEIL_IMAGE_CLASS } from "./mature-veil";

export function LightboxImage({ entry, prompt }: { entry: LightboxEntry; prompt: string }) {
  const { image } = entry;
  const full = useImageSource(image, "full");
  const preview = useImageSource(image, "preview");
  const [loaded, setLoaded] = useState(false);
  const veiled = useVeiled(image);
  const fit = `absolute inset-0 size-full object-contain${veiled ? ` ${VEIL_IMAGE_CLASS}` : ""}`;
  const width = image.width ?? 1024;
  const height = image.height ?? 1024;
  return (
    // Sized from the image's own width/height before a byte arrives: as wide as the
    // stage allows without growing taller than it.
    <div
      className="relative overflow-hidden [--stage-h:calc(60dvh-1.5rem)] md:[--stage-h:calc(100dvh-3rem)]"
      style={{
        aspectRatio: `${width} / ${height}`,
        width: `min(100%, calc(var(--stage-h) * ${width / height}))`,
      }}
    >
      {/* The thumbnail, already in the browser's cache, stands in until the original arrives. */}
      {preview.src && !loaded ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={preview.src} alt="" className={fit} onError={preview.onError} />
      ) : null}
      {full.src ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={full.attempt}
          src={full.src}
          alt={imageAlt(prompt, entry.n, entry.total)}
          width={width}
          height={height}
          onLoad={() => {
            setLoaded(true);
            full.onLoad();
          }}
          onError={full.onError}
          className={fit}
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
          <button
            type="button"
            onClick={full.retry}
            className="inline-flex items-center gap-1.5 rounded-md bg-white/15 px-3 py-1.5 text-xs font-medium text-white hover:bg-white/25"
          >
            <RotateCcw aria-hidden="true" className="size-3.5" />
            Retry
          </button>
        </div>
      ) : null}
    </div>
  );
}
