"use client";
// Beside the gallery's title: how many generations are running, and a calm
// note while the connection to the studio is being re-established.
import { inQueryIsland } from "@/components/query-island";
import { useGenerations } from "@/lib/client/gallery/use-generations";
import {
  useLostGenerations,
  useWatchReconnecting,
} from "@/lib/client/gallery/use-generation-watch";

function GalleryStatusView() {
  const { generations } = useGenerations();
  const lost = useLostGenerations();
  const reconnecting = useWatchReconnecting();
  const running = generations.filter((g) => !g.final && !lost[g.id]).length;
  return (
    <div className="ml-auto flex items-center gap-3 text-xs text-muted">
      {/* Always present so the change is announced. */}
      <span role="status" className="text-warning">
        {reconnecting ? "Reconnecting… nothing is lost" : ""}
      </span>
      {running > 0 ? (
        <span className="inline-flex items-center gap-1.5 tabular-nums">
          <span
            aria-hidden="true"
            className="size-1.5 rounded-full bg-accent motion-safe:animate-pulse"
          />
          {running} running
        </span>
      ) : null}
    </div>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const GalleryStatus = inQueryIsland(GalleryStatusView);
