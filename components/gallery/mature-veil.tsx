"use client";
// Mature images (the orchestrator rates them r, x or xxx) show blurred under a
// "Mature" badge until the designer reveals them with one click or key press.
// A reveal holds for that image across the card and the lightbox until the page
// reloads; it is kept outside React (like the selection) so revealing one image
// re-renders only its own tiles.
import { Button } from "@/components/ui/button";
import { Eye } from "lucide-react";
import { createStore, useStore } from "@/lib/client/platform/store";

const revealed = createStore<ReadonlySet<string>>(new Set());

export function revealMature(id: string): void {
  revealed.update((ids) => (ids.has(id) ? ids : new Set([...ids, id])));
}

/** True while a mature image is still veiled; false for every other image. */
export function useVeiled(image: { id: string; mature: boolean }): boolean {
  const shown = useStore(revealed, (ids) => ids.has(image.id));
  return image.mature && !shown;
}

/** The blur a veiled image's <img> gets (scaled so its blurred edge stays inside the tile). */
export const VEIL_IMAGE_CLASS = "scale-110 blur-2xl";

export function MatureBadge({ className = "" }: { className?: string }) {
  return (
    <span
      className={`pointer-events-none rounded-sm bg-black/65 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase backdrop-blur-sm ${className}`}
    >
      Mature
    </span>
  );
}

/** Covers a veiled image: one click (or Enter / Space) shows it. */
export function MatureVeil({
  imageIds,
  label,
  size = "small",
}: {
  /** what one click reveals: the image, or both sides of a wipe */
  imageIds: readonly string[];
  /** what is revealed, e.g. "image 2 of 4" */
  label: string;
  size?: "small" | "large";
}) {
  return (
    <Button
      variant="bare"
      aria-label={`Show mature ${label}`}
      onClick={(event) => {
        event.stopPropagation();
        for (const id of imageIds) revealMature(id);
      }}
      className="absolute inset-0 flex flex-col items-center justify-center gap-1.5 rounded-md bg-black/25 text-white focus-visible:-outline-offset-2"
    >
      <MatureBadge />
      <span
        className={`inline-flex items-center gap-1 rounded-md bg-black/55 px-2 py-1 font-medium backdrop-blur-sm ${size === "large" ? "text-sm" : "text-[11px]"}`}
      >
        <Eye aria-hidden="true" className={size === "large" ? "size-4" : "size-3"} />
        Show
      </span>
    </Button>
  );
}
