"use client";
// What the wipe view draws: medium over large in one stage with a divider
// (Wipe), or the two next to each other (SideBySide). Either way both images take
// the one zoom view, so they always show the same pixels at the same size.
import type { CSSProperties, KeyboardEvent, PointerEvent, Ref } from "react";
import { imageAlt } from "@/lib/client/gallery/format";
import type { GenerationImage } from "@/lib/contract/generations/types";
import type { ZoomPan } from "@/lib/client/gallery/use-zoom-pan";
import { useImageSource } from "@/lib/client/gallery/use-image-source";
import type { Size } from "@/lib/client/gallery/zoom";
import { MatureVeil, useVeiled, VEIL_IMAGE_CLASS } from "./mature-veil";
import { zoomCursor, zoomedStyle } from "./zoom-controls";

interface StageProps {
  medium: GenerationImage;
  large: GenerationImage;
  n: number;
  total: number;
  prompt: string;
  size: Size;
  zoom: ZoomPan;
  stageRef: Ref<HTMLDivElement>;
  /** the two sides' names, left (over) first */
  labels: [string, string];
}

/** A mature side veils the whole pair: half a blurred image would show the other half. */
function usePairVeiled(medium: GenerationImage, large: GenerationImage): boolean {
  const mediumVeiled = useVeiled(medium);
  const largeVeiled = useVeiled(large);
  return mediumVeiled || largeVeiled;
}

/** As wide as the room allows without growing taller than `--stage-h`. */
function boxStyle(size: Size, cap: string): CSSProperties {
  return {
    aspectRatio: `${size.width} / ${size.height}`,
    width: `min(${cap}, calc(var(--stage-h) * ${size.width / size.height}))`,
  };
}

export function Wipe({
  position,
  onPosition,
  ...props
}: StageProps & { position: number; onPosition: (value: number) => void }) {
  const { medium, large, n, total, prompt, size, zoom, stageRef, labels } = props;
  const veiled = usePairVeiled(medium, large);
  return (
    // The divider lives outside the clipping stage, so its handle stays centred on
    // the line at 0 % and 100 % too, half over the edge.
    <div
      className="relative min-h-0 [--stage-h:calc(100dvh-12rem)]"
      // Room at the sides for half the divider's handle at 0 % and 100 %.
      style={boxStyle(size, "100% - 2rem, 64rem")}
    >
      <div
        ref={stageRef}
        {...zoom.handlers}
        data-testid="wipe-stage"
        className={`absolute inset-0 touch-none overflow-hidden select-none ${zoomCursor(zoom)}`}
      >
        <StageImage
          image={large}
          alt={`${labels[1]}: ${imageAlt(prompt, n, total)}`}
          veiled={veiled}
          {...props}
        />
        <div
          data-testid="wipe-medium-layer"
          className="absolute inset-0"
          style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }}
        >
          <StageImage
            image={medium}
            alt={`${labels[0]}: ${imageAlt(prompt, n, total)}`}
            veiled={veiled}
            {...props}
          />
        </div>
        <Tag className="left-2">{labels[0]}</Tag>
        <Tag className="right-2">{labels[1]}</Tag>
      </div>
      <Divider position={position} onPosition={onPosition} />
      {veiled ? (
        // Above the divider (z-10), whose handle sits where the veil's button is.
        <div className="absolute inset-0 z-20">
          <MatureVeil
            imageIds={[medium.id, large.id]}
            label={`pair ${n} of ${total}`}
            size="large"
          />
        </div>
      ) : null}
    </div>
  );
}

export function SideBySide(props: StageProps) {
  const { medium, large, n, total, prompt, size, zoom, stageRef, labels } = props;
  const veiled = usePairVeiled(medium, large);
  const side = (image: GenerationImage, label: string, testId: string) => (
    <div
      ref={stageRef}
      {...zoom.handlers}
      data-testid={`side-stage-${testId}`}
      className={`relative touch-none overflow-hidden select-none ${zoomCursor(zoom)}`}
      style={boxStyle(size, "100%")}
    >
      <StageImage
        image={image}
        alt={`${label}: ${imageAlt(prompt, n, total)}`}
        veiled={veiled}
        {...props}
      />
      <Tag className="left-2">{label}</Tag>
      {veiled ? (
        <MatureVeil imageIds={[medium.id, large.id]} label={`pair ${n} of ${total}`} size="large" />
      ) : null}
    </div>
  );
  // Stacked on phones, next to each other from md: both cells are the same size,
  // which is what lets one view drive both.
  return (
    <div className="grid min-h-0 w-full max-w-[100rem] justify-items-center gap-2 [--stage-h:calc((100dvh-14rem)/2)] md:grid-cols-2 md:[--stage-h:calc(100dvh-12rem)]">
      {side(medium, labels[0], "medium")}
      {side(large, labels[1], "large")}
    </div>
  );
}

function StageImage({
  image,
  alt,
  size,
  zoom,
  veiled,
}: StageProps & { image: GenerationImage; alt: string; veiled: boolean }) {
  const source = useImageSource(image, "full");
  if (!source.src) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      key={source.attempt}
      src={source.src}
      alt={alt}
      width={size.width}
      height={size.height}
      onLoad={source.onLoad}
      onError={source.onError}
      draggable={false}
      className={veiled ? VEIL_IMAGE_CLASS : undefined}
      style={{
        ...zoomedStyle(zoom.view, size),
        imageRendering: zoom.percent > 200 ? "pixelated" : undefined,
      }}
    />
  );
}

function Tag({ className, children }: { className: string; children: string }) {
  return (
    <span
      className={`pointer-events-none absolute top-2 rounded bg-black/60 px-1.5 py-0.5 text-[11px] font-medium ${className}`}
    >
      {children}
    </span>
  );
}

/**
 * The wipe divider: a slider of its own (a Radix slider keeps its thumb inside
 * the track, so the handle left the line near the edges). Drag it, or use the
 * arrows (Shift or Page Up/Down for 10), Home and End.
 */
function Divider({
  position,
  onPosition,
}: {
  position: number;
  onPosition: (value: number) => void;
}) {
  const clamp = (v: number) => Math.round(Math.min(100, Math.max(0, v)));
  const fromPointer = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) onPosition(clamp(((event.clientX - box.left) / box.width) * 100));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const big = event.shiftKey ? 10 : 1;
    const steps: Record<string, number> = {
      ArrowLeft: position - big,
      ArrowDown: position - big,
      ArrowRight: position + big,
      ArrowUp: position + big,
      PageDown: position - 10,
      PageUp: position + 10,
      Home: 0,
      End: 100,
    };
    const next = steps[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onPosition(clamp(next));
  };
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Wipe position"
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={position}
      aria-valuetext={`${position}% medium, ${100 - position}% large`}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        fromPointer(event);
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) fromPointer(event);
      }}
      className="group absolute inset-y-0 z-10 flex w-8 -translate-x-1/2 cursor-ew-resize touch-none items-center justify-center outline-none"
      style={{ left: `${position}%` }}
    >
      <span
        aria-hidden="true"
        className="absolute inset-y-0 left-1/2 w-0.5 -translate-x-1/2 bg-white shadow-[0_0_0_1px_rgba(0,0,0,0.4)]"
      />
      <span
        data-testid="wipe-handle"
        aria-hidden="true"
        className="relative block size-8 rounded-full border-2 border-white bg-black/60 shadow-lg group-focus-visible:outline-2 group-focus-visible:outline-offset-2 group-focus-visible:outline-white"
      />
    </div>
  );
}
