"use client";
// The zoom bar shared by the lightbox and the wipe view: zoom out, the zoom in
// percent of true pixels, zoom in, Fit and 100%, each named for assistive
// technology and with its key in the tooltip.
import { Button } from "@/components/ui/button";
import { Minus, Plus } from "lucide-react";
import type { CSSProperties, ReactNode } from "react";
import type { ZoomPan } from "@/lib/client/gallery/use-zoom-pan";
import type { Size, View } from "@/lib/client/gallery/zoom";

/** Places an image in its stage: sized (not CSS-scaled) so 100% is drawn pixel for pixel. */
export function zoomedStyle(view: View, image: Size, offsetX = 0): CSSProperties {
  return {
    position: "absolute",
    left: 0,
    top: 0,
    width: image.width * view.scale,
    height: image.height * view.scale,
    maxWidth: "none",
    transform: `translate(${view.x + offsetX}px, ${view.y}px)`,
    transformOrigin: "0 0",
  };
}

/** The cursor that says what a drag would do. */
export function zoomCursor(zoom: ZoomPan): string {
  if (zoom.dragging) return "cursor-grabbing";
  return zoom.pannable ? "cursor-grab" : "cursor-zoom-in";
}

export function ZoomControls({ zoom, className = "" }: { zoom: ZoomPan; className?: string }) {
  return (
    <div
      role="group"
      aria-label="Zoom"
      className={`flex items-center gap-0.5 rounded-lg bg-black/70 p-0.5 text-xs text-white shadow-lg backdrop-blur ${className}`}
    >
      <ZoomButton
        label="Zoom out"
        title="Zoom out (−)"
        onClick={zoom.zoomOut}
        disabled={zoom.atMin}
      >
        <Minus aria-hidden="true" className="size-4" />
      </ZoomButton>
      <output aria-label="Zoom level" className="w-11 text-center font-medium tabular-nums">
        {zoom.percent}%
      </output>
      <ZoomButton label="Zoom in" title="Zoom in (+)" onClick={zoom.zoomIn} disabled={zoom.atMax}>
        <Plus aria-hidden="true" className="size-4" />
      </ZoomButton>
      <ZoomButton label="Fit to view" title="Fit to view (0)" onClick={zoom.fit} wide>
        Fit
      </ZoomButton>
      <ZoomButton
        label="Zoom to 100%"
        title="100%: one image pixel per screen pixel (1)"
        onClick={() => zoom.actual()}
        wide
      >
        100%
      </ZoomButton>
    </div>
  );
}

function ZoomButton({
  label,
  title,
  onClick,
  disabled,
  wide,
  children,
}: {
  label: string;
  title: string;
  onClick: () => void;
  disabled?: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      variant="bare"
      aria-label={label}
      title={title}
      onClick={onClick}
      disabled={disabled}
      className={`inline-flex h-7 items-center justify-center rounded-md font-medium hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white disabled:opacity-40 ${wide ? "px-2" : "w-7"}`}
    >
      {children}
    </Button>
  );
}
