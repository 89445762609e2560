"use client";
// Medium and large on top of each other at the same size (both tiers return the
// same pixels), with a divider the designer drags — or moves with the arrow
// keys, Home and End — to wipe from one to the other. The divider is a Radix
// slider spread over the whole image, so a press anywhere on the image moves it
// there, and assistive technology hears "Wipe position, 50 %".
import { clsx } from "clsx";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { Dialog, Slider } from "radix-ui";
import { useState } from "react";
import { imageAlt } from "@/lib/generations/format";
import { alignByIndex, difference } from "@/lib/generations/pairing";
import type { Generation, GenerationImage } from "@/lib/generations/types";
import { useImageSource } from "@/lib/hooks/use-image-source";
import { MatureVeil, useVeiled, VEIL_IMAGE_CLASS } from "./mature-veil";

export interface WipeDialogProps {
  medium: Generation;
  large: Generation;
  /** the batch index to open on */
  index: number;
  onClose: () => void;
}

export function WipeDialog({ medium, large, index: initial, onClose }: WipeDialogProps) {
  // Only indices where both tiers have an image can be wiped.
  const rows = alignByIndex([medium, large])
    .map((row, i) => ({
      i,
      m: row[0]?.image,
      l: row[1]?.image,
      ok: row.every((s) => s.state === "image"),
    }))
    .filter((r) => r.ok);
  const [at, setAt] = useState(() =>
    Math.max(
      0,
      rows.findIndex((r) => r.i === initial),
    ),
  );
  const [position, setPosition] = useState(50);
  const row = rows[at];
  const prompt = medium.input?.prompt ?? "Image";
  const diff = difference(medium, large);
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/90" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-0 z-50 flex flex-col items-center gap-3 p-3 text-white outline-none md:p-6"
        >
          <div className="flex w-full max-w-5xl items-start gap-3">
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-sm font-semibold">
                Wipe view: medium vs large
              </Dialog.Title>
              <p className="truncate text-xs text-white/70">{prompt}</p>
              <p className="mt-0.5 text-xs text-white/90 tabular-nums">
                Large vs medium: <span className="font-medium">{diff.text}</span>
                {typeof medium.input?.seed === "number" ? ` · seed ${medium.input.seed}` : ""}
              </p>
            </div>
            {rows.length > 1 ? (
              <div className="flex items-center gap-1 text-xs tabular-nums">
                <button
                  type="button"
                  aria-label="Previous image pair"
                  disabled={at === 0}
                  onClick={() => setAt((v) => v - 1)}
                  className="inline-flex size-7 items-center justify-center rounded-md bg-white/10 hover:bg-white/20 disabled:opacity-30"
                >
                  <ChevronLeft aria-hidden="true" className="size-4" />
                </button>
                <span aria-live="polite">
                  Pair {(row?.i ?? 0) + 1} of {Math.max(...rows.map((r) => r.i)) + 1}
                </span>
                <button
                  type="button"
                  aria-label="Next image pair"
                  disabled={at >= rows.length - 1}
                  onClick={() => setAt((v) => v + 1)}
                  className="inline-flex size-7 items-center justify-center rounded-md bg-white/10 hover:bg-white/20 disabled:opacity-30"
                >
                  <ChevronRight aria-hidden="true" className="size-4" />
                </button>
              </div>
            ) : null}
            <Dialog.Close
              aria-label="Close"
              className="inline-flex size-8 shrink-0 items-center justify-center rounded-md hover:bg-white/15"
            >
              <X aria-hidden="true" className="size-4" />
            </Dialog.Close>
          </div>
          {row?.m && row.l ? (
            <Wipe
              key={row.i}
              medium={row.m}
              large={row.l}
              n={row.i + 1}
              total={medium.images.length}
              prompt={prompt}
              position={position}
              onPosition={setPosition}
            />
          ) : (
            <p className="m-auto text-sm text-white/70">No image pair has both tiers yet.</p>
          )}
          <p className="text-[11px] text-white/60">
            Drag the divider or use ← → (Shift for bigger steps), Home and End · Esc to close
          </p>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function Wipe({
  medium,
  large,
  n,
  total,
  prompt,
  position,
  onPosition,
}: {
  medium: GenerationImage;
  large: GenerationImage;
  n: number;
  total: number;
  prompt: string;
  position: number;
  onPosition: (value: number) => void;
}) {
  const m = useImageSource(medium, "full");
  const l = useImageSource(large, "full");
  // A mature side veils the whole wipe: half a blurred image would show the other half.
  const mediumVeiled = useVeiled(medium);
  const largeVeiled = useVeiled(large);
  const veiled = mediumVeiled || largeVeiled;
  const fit = clsx("absolute inset-0 size-full object-contain", veiled && VEIL_IMAGE_CLASS);
  const width = large.width ?? medium.width ?? 1024;
  const height = large.height ?? medium.height ?? 1024;
  return (
    <div
      className="relative min-h-0 overflow-hidden select-none [--stage-h:calc(100dvh-9rem)]"
      style={{
        aspectRatio: `${width} / ${height}`,
        width: `min(100%, 64rem, calc(var(--stage-h) * ${width / height}))`,
      }}
    >
      {l.src ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={`l${l.attempt}`}
          src={l.src}
          alt={`Large: ${imageAlt(prompt, n, total)}`}
          onLoad={l.onLoad}
          onError={l.onError}
          draggable={false}
          className={fit}
        />
      ) : null}
      {m.src ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={`m${m.attempt}`}
          src={m.src}
          alt={`Medium: ${imageAlt(prompt, n, total)}`}
          onLoad={m.onLoad}
          onError={m.onError}
          draggable={false}
          style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }}
          className={fit}
        />
      ) : null}
      <span className="pointer-events-none absolute top-2 left-2 rounded bg-black/60 px-1.5 py-0.5 text-[11px] font-medium">
        Medium
      </span>
      <span className="pointer-events-none absolute top-2 right-2 rounded bg-black/60 px-1.5 py-0.5 text-[11px] font-medium">
        Large
      </span>
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgba(0,0,0,0.4)]"
        style={{ left: `${position}%` }}
      />
      <Slider.Root
        value={[position]}
        onValueChange={(v) => onPosition(v[0] ?? 50)}
        min={0}
        max={100}
        step={1}
        aria-label="Wipe position"
        className="absolute inset-0 flex cursor-ew-resize touch-none items-center"
      >
        <Slider.Track className="relative h-full grow">
          <Slider.Range className="absolute h-full" />
        </Slider.Track>
        <Slider.Thumb
          aria-label="Wipe position"
          aria-valuetext={`${position}% medium, ${100 - position}% large`}
          className="block size-8 rounded-full border-2 border-white bg-black/60 shadow-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        />
      </Slider.Root>
      {veiled ? (
        <MatureVeil imageIds={[medium.id, large.id]} label={`pair ${n} of ${total}`} size="large" />
      ) : null}
    </div>
  );
}
