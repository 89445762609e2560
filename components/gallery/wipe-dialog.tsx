"use client";
// Medium and large on top of each other at the same size (both tiers return the
// same pixels), with a divider the designer drags — or moves with the arrow
// keys, Home and End — to wipe from one to the other; a click on the image puts
// the divider there and assistive technology hears "Wipe position, 50 %". Or
// side by side, for the detail at one point. Both images share one zoom: wheel
// or pinch, drag to pan, 1 for 100 %, 0 to fit.
import { Button } from "@/components/ui/button";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Dialog, DialogCloseButton, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { useState, type ReactNode } from "react";
import { alignByIndex, difference } from "@/lib/client/gallery/pairing";
import type { Generation, GenerationImage } from "@/lib/contract/generations/types";
import { useZoomPan } from "@/lib/client/gallery/use-zoom-pan";
import type { Size } from "@/lib/client/gallery/zoom";
import { ZoomControls } from "./zoom-controls";
import { SideBySide, Wipe } from "./wipe-stage";

export interface WipeDialogProps {
  medium: Generation;
  large: Generation;
  /** the batch index to open on */
  index: number;
  onClose: () => void;
  /** what the two sides are called (a grid compares any two cells); tiers by default */
  labels?: [string, string];
  /** buttons beside the title, e.g. a grid's "Pick" for each side */
  actions?: ReactNode;
  /** where focus goes when the dialog closes (it was not opened by a trigger) */
  onCloseAutoFocus?: (event: Event) => void;
}

export function WipeDialog({
  medium,
  large,
  index: initial,
  onClose,
  labels = ["Medium", "Large"],
  actions,
  onCloseAutoFocus,
}: WipeDialogProps) {
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
  const [mode, setMode] = useState<"wipe" | "side">("wipe");
  const size = pairSize(row?.m, row?.l);
  const { bind: stageRef, ...zoom } = useZoomPan({
    image: size,
    resetKey: String(row?.i ?? -1),
    // A click (not a drag) puts the divider there, zoomed in or not.
    onTap: (at) => {
      if (mode === "wipe" && zoom.stage.width > 0)
        setPosition(Math.round(Math.min(100, Math.max(0, (at.x / zoom.stage.width) * 100))));
    },
  });
  const stageProps = (m: GenerationImage, l: GenerationImage) => ({
    medium: m,
    large: l,
    n: (row?.i ?? 0) + 1,
    total: medium.images.length,
    prompt,
    size,
    zoom,
    stageRef,
    labels,
  });
  return (
    // Solid black, as in the lightbox: a bright page around the images skews how they read.
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        layout="stage"
        aria-describedby={undefined}
        onCloseAutoFocus={onCloseAutoFocus}
        // The divider handles its own arrows first; elsewhere they pan a zoomed image.
        onKeyDown={(event) => {
          if (!event.defaultPrevented) zoom.onKeyDown(event);
        }}
        className="flex flex-col items-center gap-3 p-3 text-white md:p-6"
      >
        <div className="flex w-full max-w-5xl items-start gap-3">
          <div className="min-w-0 flex-1">
            <DialogTitle className="text-sm">
              Wipe view: {labels[0].toLowerCase()} vs {labels[1].toLowerCase()}
            </DialogTitle>
            <p className="truncate text-xs text-white/70">{prompt}</p>
            <p className="mt-0.5 text-xs text-white/90 tabular-nums">
              {labels[1]} vs {labels[0].toLowerCase()}:{" "}
              <span className="font-medium">{diff.text}</span>
              {typeof medium.input?.seed === "number" ? ` · seed ${medium.input.seed}` : ""}
            </p>
          </div>
          {actions}
          {rows.length > 1 ? (
            <div className="flex items-center gap-1 text-xs tabular-nums">
              <Button
                variant="bare"
                aria-label="Previous image pair"
                disabled={at === 0}
                onClick={() => setAt((v) => v - 1)}
                className="inline-flex size-7 items-center justify-center rounded-md bg-white/10 hover:bg-white/20 disabled:opacity-30"
              >
                <ChevronLeft aria-hidden="true" className="size-4" />
              </Button>
              <span aria-live="polite">
                Pair {(row?.i ?? 0) + 1} of {Math.max(...rows.map((r) => r.i)) + 1}
              </span>
              <Button
                variant="bare"
                aria-label="Next image pair"
                disabled={at >= rows.length - 1}
                onClick={() => setAt((v) => v + 1)}
                className="inline-flex size-7 items-center justify-center rounded-md bg-white/10 hover:bg-white/20 disabled:opacity-30"
              >
                <ChevronRight aria-hidden="true" className="size-4" />
              </Button>
            </div>
          ) : null}
          <DialogCloseButton className="size-8 text-white hover:bg-white/15 hover:text-white" />
        </div>
        {row?.m && row.l ? (
          mode === "wipe" ? (
            <Wipe
              key={row.i}
              {...stageProps(row.m, row.l)}
              position={position}
              onPosition={setPosition}
            />
          ) : (
            <SideBySide key={row.i} {...stageProps(row.m, row.l)} />
          )
        ) : (
          <p className="m-auto text-sm text-white/70">No image pair has both tiers yet.</p>
        )}
        <div className="flex flex-wrap items-center justify-center gap-2">
          <div
            role="group"
            aria-label="Layout"
            className="flex items-center gap-0.5 rounded-lg bg-black/70 p-0.5 text-xs"
          >
            <ModeButton pressed={mode === "wipe"} onClick={() => setMode("wipe")}>
              Wipe
            </ModeButton>
            <ModeButton pressed={mode === "side"} onClick={() => setMode("side")}>
              Side by side
            </ModeButton>
          </div>
          <ZoomControls zoom={zoom} />
        </div>
        <p className="text-center text-[11px] text-white/60">
          {mode === "wipe"
            ? "Drag the divider, click to place it, or use ← → (Shift for bigger steps), Home and End · "
            : ""}
          Scroll or pinch to zoom, drag to pan · 1 for 100%, 0 to fit · Esc to close
        </p>
      </DialogContent>
    </Dialog>
  );
}

/** Both tiers return the same pixels; the workflow says how many. */
function pairSize(
  m: GenerationImage | null | undefined,
  l: GenerationImage | null | undefined,
): Size {
  const width = l?.width ?? m?.width;
  const height = l?.height ?? m?.height;
  return width && height ? { width, height } : { width: 1024, height: 1024 };
}

function ModeButton({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <Button
      variant="bare"
      aria-pressed={pressed}
      onClick={onClick}
      className={`inline-flex h-7 items-center rounded-md px-2 font-medium focus-visible:outline-2 focus-visible:outline-white ${pressed ? "bg-white text-black" : "text-white hover:bg-white/15"}`}
    >
      {children}
    </Button>
  );
}
