"use client";
// The full image at its true ratio, fitted to the viewport, with its settings
// and actions beside it. ← → (or a swipe) step through every image in gallery
// order, Esc closes and puts focus back on the thumbnail of the image last shown.
// The image zooms to 100% and pans (lib/client/gallery/use-zoom-pan.ts). Loaded on
// demand: it is not part of the page's first-load JavaScript.
import { Button } from "@/components/ui/button";
import { ArrowLeft, Braces, ChevronLeft, ChevronRight, Copy, Download, Wand2 } from "lucide-react";
import { Dialog, DialogCloseButton, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { useEffect, useState, type KeyboardEvent, type ReactNode } from "react";
import { favouriteIndices } from "@/lib/contract/generations/links";
import { useFavourite } from "@/lib/client/gallery/use-favourite";
import { useZoomPan } from "@/lib/client/gallery/use-zoom-pan";
import type { Size } from "@/lib/client/gallery/zoom";
import { ActionsMenu } from "./actions-menu";
import { CardFacts, SettingsChips } from "./card-meta";
import { copySeed, download, reuseSettings, useGalleryActions } from "./gallery-actions";
import { generationActions } from "./generation-actions";
import { Glyph } from "./glyph";
import { LineageLink } from "./lineage-link";
import { GridLink } from "./grid-link";
import type { LightboxEntry } from "./lightbox-entries";
import { LightboxImage } from "./lightbox-image";
import { ZoomControls, zoomCursor } from "./zoom-controls";

export interface LightboxProps {
  entries: LightboxEntry[];
  imageId: string;
  onNavigate: (imageId: string) => void;
  onClose: () => void;
  /** puts focus back on the thumbnail of this image */
  onReturnFocus: (imageId: string) => void;
  onShowApiRequest: (generationId: string) => void;
  /** older history exists beyond the last entry */
  hasMore: boolean;
  /** asks for the next history page when stepping nears the last loaded image */
  onNearEnd: () => void;
  /** follows a lineage link to the parent, inside the lightbox */
  onOpenParent: (parentId: string) => void;
  /** the image the designer came from by a lineage link, to walk back to */
  onBack?: () => void;
}

export function Lightbox({
  entries,
  imageId,
  onNavigate,
  onClose,
  onReturnFocus,
  onShowApiRequest,
  hasMore,
  onNearEnd,
  onOpenParent,
  onBack,
}: LightboxProps) {
  const actions = useGalleryActions();
  const setFavourite = useFavourite();
  const index = entries.findIndex((e) => e.image.id === imageId);
  const entry = entries[index];
  const previous = entries[index - 1];
  const next = entries[index + 1];
  // The workflow says each image's size; only when it does not, the loaded file does.
  const [natural, setNatural] = useState<{ id: string; size: Size } | null>(null);
  const size = imageSize(entry, natural?.id === imageId ? natural.size : null);
  const { bind: stageRef, ...zoom } = useZoomPan({
    image: size,
    resetKey: imageId,
    onSwipe: (direction) => {
      const target = direction === 1 ? next : previous;
      if (target) onNavigate(target.image.id);
    },
    // A click on the image zooms to 100% there (and back to fit); on the dark around it, closes.
    onTap: (at, onImage) => {
      if (!onImage) onClose();
      else if (zoom.atFit) zoom.actual(at);
      else zoom.fit();
    },
  });

  // Warm the neighbours so arrow keys feel instant.
  const neighbourUrls = [previous?.image.url, next?.image.url].filter(Boolean).join(" ");
  useEffect(() => {
    for (const url of neighbourUrls.split(" ").filter(Boolean)) new Image().src = url;
  }, [neighbourUrls]);

  useEffect(() => {
    if (!entry) onClose();
  }, [entry, onClose]);

  const nearEnd = index >= entries.length - 3;
  useEffect(() => {
    if (nearEnd && hasMore) onNearEnd();
  }, [nearEnd, hasMore, onNearEnd]);
  if (!entry) return null;

  const g = entry.generation;
  const prompt = g.input?.prompt ?? "Image";
  const hasInput = g.input !== null;
  const starred = favouriteIndices(g.tags).includes(entry.n - 1);

  function onKeyDown(event: KeyboardEvent) {
    // Zoom keys first: when zoomed in, the arrows pan instead of stepping.
    if (zoom.onKeyDown(event)) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.key === "ArrowLeft" ? previous : event.key === "ArrowRight" ? next : null;
    if (!target) return;
    event.preventDefault();
    onNavigate(target.image.id);
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        layout="stage"
        aria-describedby={undefined}
        onKeyDown={onKeyDown}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          onReturnFocus(imageId);
        }}
        className="flex flex-col md:flex-row"
      >
        {/* Clicking the dark around the image closes, as in every lightbox. */}
        <div
          onClick={(event) => {
            if (event.target === event.currentTarget) onClose();
          }}
          className="relative h-[60dvh] shrink-0 bg-black md:h-auto md:min-w-0 md:flex-1"
        >
          <div
            ref={stageRef}
            {...zoom.handlers}
            data-testid="lightbox-stage"
            className="absolute inset-3 touch-none overflow-hidden select-none md:inset-x-16 md:inset-y-6"
          >
            <LightboxImage
              key={entry.image.id}
              entry={entry}
              prompt={prompt}
              size={size}
              view={zoom.view}
              offsetX={zoom.swipeOffset}
              pixelated={zoom.percent > 200}
              className={zoomCursor(zoom)}
              onNaturalSize={(s) => setNatural({ id: entry.image.id, size: s })}
            />
          </div>
          <StageButton
            label="Previous image"
            onClick={() => previous && onNavigate(previous.image.id)}
            disabled={!previous}
            className="left-2 md:left-4"
          >
            <ChevronLeft aria-hidden="true" className="size-5" />
          </StageButton>
          <StageButton
            label="Next image"
            onClick={() => next && onNavigate(next.image.id)}
            disabled={!next}
            className="right-2 md:right-4"
          >
            <ChevronRight aria-hidden="true" className="size-5" />
          </StageButton>
          <ZoomControls zoom={zoom} className="absolute bottom-2 left-1/2 -translate-x-1/2" />
        </div>
        <aside
          aria-label="Image details"
          className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto border-t border-border bg-panel p-4 text-foreground md:w-80 md:flex-none md:border-t-0 md:border-l"
        >
          {onBack ? (
            <Button variant="link" onClick={onBack} className="-mb-1 self-start text-xs">
              <ArrowLeft aria-hidden="true" className="size-3.5" />
              Back to the later generation
            </Button>
          ) : null}
          <div className="flex items-start gap-2">
            <DialogTitle className="min-w-0 flex-1 text-[13px] leading-5 font-normal break-words whitespace-pre-line">
              {prompt}
            </DialogTitle>
            <Button
              variant="icon"
              size="sm"
              aria-pressed={starred}
              aria-label={`Favourite image ${entry.n} of ${entry.total}`}
              onClick={() => setFavourite(g, entry.n - 1, !starred)}
              className={starred ? "-mt-1 text-favourite hover:text-favourite" : "-mt-1"}
            >
              <Glyph name={starred ? "star-filled" : "star"} className="size-4" />
            </Button>
            <ActionsMenu
              label="Generation actions"
              className="-mt-1"
              actions={() => generationActions(g, actions, { paired: Boolean(g.metadata.pairId) })}
            />
            <DialogCloseButton className="-mt-1 -mr-1" />
          </div>
          <p aria-live="polite" className="text-xs text-muted tabular-nums">
            Image {entry.n} of {entry.total} · {index + 1} of {entries.length}
            {hasMore ? "+" : ""} in the gallery
          </p>
          <LineageLink generation={g} onOpen={onOpenParent} className="" />
          <GridLink generation={g} />
          <SettingsChips generation={g} />
          <CardFacts generation={g} />
          <div className="mt-1 grid grid-cols-2 gap-2">
            <ActionButton
              primary
              onClick={() => download(g, entry.n)}
              icon={<Download aria-hidden="true" className="size-4" />}
            >
              Download
            </ActionButton>
            <ActionButton
              onClick={() => copySeed(g)}
              disabled={!hasInput}
              icon={<Copy aria-hidden="true" className="size-4" />}
            >
              Copy seed
            </ActionButton>
            <ActionButton
              onClick={() => {
                reuseSettings(g);
                onClose();
              }}
              disabled={!hasInput}
              icon={<Wand2 aria-hidden="true" className="size-4" />}
            >
              Reuse settings
            </ActionButton>
            <ActionButton
              onClick={() => onShowApiRequest(g.id)}
              disabled={!hasInput}
              icon={<Braces aria-hidden="true" className="size-4" />}
            >
              Copy as API request
            </ActionButton>
          </div>
          <p className="mt-auto hidden text-[11px] text-muted md:block">
            ← → or swipe to move between images · scroll, + − to zoom · 1 for 100%, 0 to fit · drag
            or arrows to pan when zoomed · Esc to close
          </p>
        </aside>
      </DialogContent>
    </Dialog>
  );
}

/** Fallback for a workflow that does not say the size: the loaded file's, then a square. */
function imageSize(entry: LightboxEntry | undefined, natural: Size | null): Size {
  const { width, height } = entry?.image ?? {};
  if (width && height) return { width, height };
  return natural ?? { width: 1024, height: 1024 };
}

function StageButton({
  label,
  onClick,
  disabled,
  className,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  className: string;
  children: ReactNode;
}) {
  return (
    <Button
      variant="bare"
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
      className={`absolute top-1/2 inline-flex size-9 -translate-y-1/2 items-center justify-center rounded-full bg-black/60 text-white hover:bg-black/80 disabled:opacity-30 ${className}`}
    >
      {children}
    </Button>
  );
}

function ActionButton({
  onClick,
  disabled,
  primary,
  icon,
  children,
}: {
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
  icon: ReactNode;
  children: ReactNode;
}) {
  return (
    <Button
      variant={primary ? "primary" : "secondary"}
      size="none"
      onClick={onClick}
      disabled={disabled}
      className="px-2.5 py-1.5 text-xs disabled:opacity-50"
    >
      {icon}
      {children}
    </Button>
  );
}
