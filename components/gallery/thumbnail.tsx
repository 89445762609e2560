"use client";
// A finished image in a card: the preview at its true ratio (renewed when its
// URL expires), a button that opens the lightbox, and on hover or focus its
// star, its selection box and its actions. A star stays visible once given,
// and every selection box shows while anything is selected. Touch has no
// hover: a long press selects, and while anything is selected a tap toggles.
import { Button } from "@/components/ui/button";
import { clsx } from "clsx";
import { Braces, Copy, Download, ImageOff, Maximize2, RotateCcw, Wand2 } from "lucide-react";
import {
  use,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
  type PointerEvent,
} from "react";
import { imageAlt } from "@/lib/client/gallery/format";
import { favouriteIndices } from "@/lib/contract/generations/links";
import type { Generation, GenerationImage } from "@/lib/contract/generations/types";
import { useFavourite } from "@/lib/client/gallery/use-favourite";
import { useImageSource } from "@/lib/client/gallery/use-image-source";
import { ActionsMenu } from "./actions-menu";
import { copySeed, download, reuseSettings, useGalleryActions } from "./gallery-actions";
import { Glyph } from "./glyph";
import { MatureBadge, MatureVeil, useVeiled, VEIL_IMAGE_CLASS } from "./mature-veil";
import { ScrollingContext } from "./scrolling-context";
import { recentSet } from "@/lib/client/gallery/recent-set";
import { selectRange, toggleSelected, useIsSelected, useSelectionCount } from "./selection-store";

/** How long a finger rests on an image to select it, and how far it may drift meanwhile. */
const LONG_PRESS_MS = 450;
const LONG_PRESS_SLOP_PX = 10;
/**
 * A few screens of images (a screen shows at most ~12 cards of up to 10): enough
 * for scrolling back over what was just shown. 1,000 kept ~200 kB of signed URLs
 * alive after their generations had left the cache (bench figure 9).
 */
const SHOWN_SOURCES_KEPT = 300;

/**
 * Images this page has shown lately: already in the browser's cache, so never held
 * back while scrolling. Only the latest ones: a set of every URL shown grew with the
 * history scrolled (10,000 signed URLs, ~2 MB of a 5 MB heap, bench figure 9).
 */
const shownSources = recentSet<string>(SHOWN_SOURCES_KEPT);

export function Thumbnail({
  generation: g,
  image,
  n,
  total,
  prompt,
  style,
  side,
}: {
  generation: Generation;
  image: GenerationImage;
  n: number;
  total: number;
  prompt: string;
  style: CSSProperties;
  /** which member of a pair or sweep card, e.g. "large": names its controls apart */
  side?: string;
}) {
  const { openImage, showApiRequest } = useGalleryActions();
  const source = useImageSource(image, "preview");
  const veiled = useVeiled(image);
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
  const selected = useIsSelected(image.id);
  const selecting = useSelectionCount() > 0;
  const starred = favouriteIndices(g.tags).includes(n - 1);
  const setFavourite = useFavourite();
  const near = hovered || focused || menuUsed;
  const pick = (range: boolean) => (range ? selectRange(image.id) : toggleSelected(image.id));
  const what = `${side ? `${side} ` : ""}image ${n} of ${total}`;
  const touch = useTouchSelect(() => pick(false));

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
      className={clsx(
        "relative overflow-hidden rounded-md bg-subtle",
        selected && "outline-2 outline-offset-1 outline-accent outline-solid",
      )}
    >
      {source.src && mayLoad ? (
        // A plain <img>: signed URLs expire, so Next's optimizer (which caches by URL) cannot serve them.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={source.attempt}
          src={source.src}
          alt={side ? `${side}: ${imageAlt(prompt, n, total)}` : imageAlt(prompt, n, total)}
          width={image.width ?? undefined}
          height={image.height ?? undefined}
          loading="lazy"
          decoding="async"
          draggable={false}
          onLoad={() => {
            // The URL as given: the absolute one the element reports would never match it.
            if (source.src) shownSources.add(source.src);
            setLoaded(true);
            source.onLoad();
          }}
          onError={source.onError}
          className={clsx(
            "size-full object-cover transition-opacity duration-200",
            loaded ? "opacity-100" : "opacity-0",
            veiled && VEIL_IMAGE_CLASS,
          )}
        />
      ) : null}
      {source.failed ? (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-1.5 p-2 text-center text-[11px] text-muted">
          <ImageOff aria-hidden="true" className="size-4" />
          <span>
            Couldn’t load {side ? `${side} ` : ""}image {n}
          </span>
          <Button
            variant="secondary"
            size="none"
            onClick={source.retry}
            className="gap-1 px-2 py-0.5"
          >
            <RotateCcw aria-hidden="true" className="size-3" />
            Retry
          </Button>
        </div>
      ) : veiled ? (
        <MatureVeil imageIds={[image.id]} label={what} />
      ) : (
        <Button
          variant="bare"
          data-image-id={image.id}
          aria-label={`Open ${what}`}
          {...touch.handlers}
          onClick={(event) => {
            if (touch.consumeLongPress()) return;
            if (event.shiftKey) pick(true);
            // A tap while choosing images toggles this one, as phone galleries do.
            else if (selecting && touch.lastWasTouch()) pick(false);
            else openImage(image.id);
          }}
          onKeyDown={(event) => {
            // Space selects (Shift+Space a range); Enter opens.
            if (event.key !== " ") return;
            event.preventDefault();
            pick(event.shiftKey);
          }}
          onKeyUp={(event) => event.key === " " && event.preventDefault()}
          className="absolute inset-0 cursor-zoom-in touch-manipulation rounded-md select-none [-webkit-touch-callout:none] focus-visible:-outline-offset-2"
        />
      )}
      {image.mature && !veiled ? <MatureBadge className="absolute bottom-1 left-1" /> : null}
      {near || selecting || selected ? (
        <Button
          variant="bare"
          role="checkbox"
          aria-checked={selected}
          aria-label={`Select ${what}`}
          onClick={(event) => pick(event.shiftKey)}
          className={clsx(
            "absolute top-1 left-1 inline-flex size-6 items-center justify-center rounded-md border backdrop-blur-sm",
            selected
              ? "border-accent bg-accent text-accent-foreground"
              : "border-white/70 bg-black/45 text-transparent hover:bg-black/65",
          )}
        >
          <Glyph name="check" className="size-3.5" />
        </Button>
      ) : null}
      {near || starred ? (
        <Button
          variant="overlay"
          size="sm"
          aria-pressed={starred}
          aria-label={`Favourite ${what}`}
          onClick={() => setFavourite(g, n - 1, !starred)}
          className={clsx(
            "absolute top-1",
            starred && "text-favourite-on-veil",
            near ? "right-9" : "right-1",
          )}
        >
          <Glyph name={starred ? "star-filled" : "star"} className="size-4" />
        </Button>
      ) : null}
      {near ? (
        <ActionsMenu
          label={`Actions for ${what}`}
          variant="overlay"
          className="absolute top-1 right-1"
          onOpenChange={(open) => open && setMenuUsed(true)}
          actions={[
            { label: "Open", icon: Maximize2, onSelect: () => openImage(image.id) },
            {
              label: "Download",
              icon: Download,
              onSelect: () => download(g, n),
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

/** Long press on touch: selects after LONG_PRESS_MS unless the finger moved or lifted. */
function useTouchSelect(onLongPress: () => void) {
  const press = useRef<{ timer: ReturnType<typeof setTimeout>; x: number; y: number } | null>(null);
  const fired = useRef(false);
  const touched = useRef(false);
  const cancel = () => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  };
  useEffect(() => () => clearTimeout(press.current?.timer), []);
  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
      touched.current = event.pointerType === "touch";
      fired.current = false;
      cancel();
      if (!touched.current) return;
      const timer = setTimeout(() => {
        press.current = null;
        fired.current = true;
        onLongPress();
      }, LONG_PRESS_MS);
      press.current = { timer, x: event.clientX, y: event.clientY };
    },
    onPointerMove: (event: PointerEvent<HTMLButtonElement>) => {
      const p = press.current;
      if (p && Math.hypot(event.clientX - p.x, event.clientY - p.y) > LONG_PRESS_SLOP_PX) cancel();
    },
    onPointerUp: cancel,
    onPointerCancel: cancel,
    onPointerLeave: cancel,
    // The browser's own long-press menu (save image…) would cover the selection.
    onContextMenu: (event: MouseEvent<HTMLButtonElement>) => {
      if (touched.current) event.preventDefault();
    },
  };
  return {
    handlers,
    /** true once after a long press: the click that follows it must not open the image */
    consumeLongPress: () => {
      const was = fired.current;
      fired.current = false;
      return was;
    },
    lastWasTouch: () => touched.current,
  };
}
