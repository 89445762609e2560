import { headers } from "next/headers";
import { BuilderPane } from "@/components/builder/builder-pane";
import { FilterBar } from "@/components/gallery/filter-bar";
import { GalleryEmptyState } from "@/components/gallery/gallery-empty-state";
import { LazyGallery, LazyGalleryStatus } from "@/components/gallery/lazy-gallery";
import { AppHeader } from "@/components/layout/app-header";
import { GallerySetFilter, styleSetFilterOf } from "@/components/style-sets/gallery-set-filter";
import { describeTarget, resolveTarget } from "@/lib/server/orchestrator/target";

// The engine depends on this request's cookie and the server's environment.
export const dynamic = "force-dynamic";

export default async function StudioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const engine = describeTarget(await resolveTarget((await headers()).get("cookie")));
  const setFilter = await styleSetFilterOf((await searchParams).styleSet);
  return (
    <div className="flex min-h-dvh flex-col md:h-dvh">
      <a
        href="#gallery"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-raised focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to gallery
      </a>
      <AppHeader engine={engine} current="studio" />
      <div className="flex flex-1 flex-col md:min-h-0 md:flex-row">
        {/* Focusable so keyboard users can scroll the pane on its own. */}
        <aside
          aria-label="Builder"
          tabIndex={0}
          className="relative shrink-0 border-b border-border bg-panel focus-visible:-outline-offset-2 md:w-[380px] md:overflow-y-auto md:border-r md:border-b-0"
        >
          <BuilderPane />
        </aside>
        <main
          id="gallery"
          tabIndex={0}
          className="relative min-w-0 flex-1 focus-visible:-outline-offset-2 md:overflow-y-auto"
        >
          <section aria-labelledby="gallery-title">
            <div className="sticky top-0 z-10 flex h-10 items-center border-b border-border bg-background px-4">
              <h2 id="gallery-title" className="text-sm font-semibold">
                Gallery
              </h2>
              {setFilter ? <GallerySetFilter filter={setFilter} /> : null}
              <LazyGalleryStatus />
            </div>
            <FilterBar />
            <LazyGallery emptyState={<GalleryEmptyState engine={engine.engine} />} />
          </section>
        </main>
      </div>
    </div>
  );
}
