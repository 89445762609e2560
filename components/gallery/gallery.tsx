"use client";
// The gallery: history from the orchestrator for the current filters (paged,
// newest first), unfinished generations followed by one long-poll, cards in a
// virtualized grid (tier pairs and sweeps as one card each), and everything
// opened on demand — lightbox, API request, wipe view, selection bar — loaded
// only when first used. The cards' code is fetched alongside the first history
// page instead of before the page is interactive: neither can show anything
// without the other.
import { inQueryIsland } from "@/components/query-island";
import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { toast } from "@/lib/client/platform/toast";
import { isFiltered, NO_FILTERS } from "@/lib/contract/generations/filters";
import { groupGenerations } from "@/lib/client/gallery/groups";
import type { Generation } from "@/lib/contract/generations/types";
import { useFinishAnnouncement } from "@/lib/client/gallery/use-finish-announcement";
import { useGalleryFilters } from "@/lib/client/gallery/use-gallery-filters";
import { useShowGenerationRequests } from "@/lib/client/gallery/show-generation";
import { fetchGeneration } from "@/lib/client/gallery/use-generation";
import { useGenerationWatch, useLostGenerations } from "@/lib/client/gallery/use-generation-watch";
import { useGenerations } from "@/lib/client/gallery/use-generations";
import { useHistoryPaging } from "@/lib/client/gallery/use-history-paging";
import { useRunPlan } from "@/lib/client/builder/use-run-plan";
import { GalleryActionsContext, type GalleryActions } from "./gallery-actions";
import { GallerySkeleton } from "./gallery-skeleton";
import { loadMenu } from "./actions-menu";
import { ListEnd, NoMatches, ProblemPanel } from "./gallery-states";
import { detachedEntries, lightboxEntries } from "./lightbox-entries";
import { clearSelection, setSelectionOrder, useSelectionCount } from "./selection-store";

const loadList = () => import("./gallery-list");
const GalleryList = dynamic(() => loadList().then((m) => m.GalleryList), {
  ssr: false,
  loading: () => <GallerySkeleton />,
});
const loadLightbox = () => import("./lightbox");
const Lightbox = dynamic(() => loadLightbox().then((m) => m.Lightbox), { ssr: false });
let cardToolsFetched = false;
/**
 * The card menu's and the lightbox's code (~40 kB gzip) is fetched when the pointer
 * or the focus first enters the gallery, a few hundred ms before a first click,
 * not at a fixed time after load, where its evaluation competed with the designer's
 * first keystrokes (and with Lighthouse's Total Blocking Time, issue 18).
 */
function prefetchCardTools() {
  if (cardToolsFetched) return;
  cardToolsFetched = true;
  void loadMenu();
  void loadLightbox();
}
const ApiRequestDialog = dynamic(
  () => import("./api-request-dialog").then((m) => m.ApiRequestDialog),
  { ssr: false },
);
const WipeDialog = dynamic(() => import("./wipe-dialog").then((m) => m.WipeDialog), {
  ssr: false,
});
const SelectionBar = dynamic(() => import("./selection-bar").then((m) => m.SelectionBar), {
  ssr: false,
});

interface Viewing {
  imageId: string;
  /** a generation opened from a lineage link that is not in the loaded feed */
  detached?: Generation;
  /** where lineage links were followed from, most recent last: the lightbox walks back */
  trail?: { imageId: string; detached?: Generation }[];
}

interface Wipe {
  medium: Generation;
  large: Generation;
  index: number;
}

function GalleryView({ emptyState }: { emptyState: ReactNode }) {
  const queryClient = useQueryClient();
  const { query, generations, filters, releaseBelow } = useGenerations();
  const { setFilters } = useGalleryFilters();
  useGenerationWatch(generations);
  const lost = useLostGenerations();
  const announcement = useFinishAnnouncement(generations);
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const [apiFor, setApiFor] = useState<string | null>(null);
  const [wipe, setWipe] = useState<Wipe | null>(null);
  const scrollToGenerationRef = useRef<((id: string) => void) | null>(null);
  const selected = useSelectionCount();
  const runPlan = useRunPlan();
  const filtered = isFiltered(filters);

  const items = useMemo(() => groupGenerations(generations), [generations]);
  const entries = useMemo(() => lightboxEntries(items), [items]);
  const latest = useRef({ generations, entries });
  useEffect(() => {
    latest.current = { generations, entries };
    setSelectionOrder(entries.map((e) => e.image.id));
  }, [generations, entries]);

  const openDetached = useCallback(
    async (id: string, fromLightbox = false) => {
      try {
        const g = await fetchGeneration(queryClient, id);
        const first = detachedEntries(g)[0];
        if (first) {
          setViewing((v) => ({
            imageId: first.image.id,
            detached: g,
            trail:
              fromLightbox && v
                ? [...(v.trail ?? []), { imageId: v.imageId, detached: v.detached }]
                : [],
          }));
        } else
          toast("That generation has no images to show", { description: g.failureReason ?? "" });
      } catch (error) {
        toast.error("Couldn't open that generation", {
          description: error instanceof Error ? error.message : "It may have been deleted.",
        });
      }
    },
    [queryClient],
  );

  const focusCard = useCallback((id: string) => {
    const find = () =>
      document.querySelector<HTMLElement>(`[data-generation-ids~="${CSS.escape(id)}"]`);
    if (find()) return find()?.focus();
    scrollToGenerationRef.current?.(id);
    requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus()));
  }, []);

  const actions = useMemo<GalleryActions>(
    () => ({
      openImage: (imageId) => setViewing({ imageId }),
      showApiRequest: setApiFor,
      findGeneration: (id) => latest.current.generations.find((g) => g.id === id),
      showGeneration: (id) => {
        if (latest.current.generations.some((g) => g.id === id)) focusCard(id);
        else void openDetached(id);
      },
      openGeneration: (id) => {
        const first = latest.current.entries.find((e) => e.generation.id === id);
        if (first) setViewing({ imageId: first.image.id });
        else void openDetached(id);
      },
      openWipe: (medium, large, index) => setWipe({ medium, large, index }),
      runPlan,
    }),
    [focusCard, openDetached, runPlan],
  );

  useShowGenerationRequests(actions.showGeneration);

  // A lineage link followed inside the lightbox: the parent's first image, with the way back.
  const openParent = useCallback(
    (id: string) => {
      const first = latest.current.entries.find((e) => e.generation.id === id);
      if (!first) return void openDetached(id, true);
      setViewing((v) => ({
        imageId: first.image.id,
        trail: v ? [...(v.trail ?? []), { imageId: v.imageId, detached: v.detached }] : [],
      }));
    },
    [openDetached],
  );
  const back = useCallback(
    () =>
      setViewing((v) => {
        const previous = v?.trail?.at(-1);
        return previous ? { ...previous, trail: v?.trail?.slice(0, -1) } : v;
      }),
    [],
  );

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const { hasPreviousPage, isFetchingPreviousPage } = query;
  // Not while the lightbox walks the loaded images or a selection may hold some.
  const { reading, loadMore, loadNewer, atTop } = useHistoryPaging(
    query,
    releaseBelow,
    viewing !== null || selected > 0,
  );

  const returnFocus = useCallback(
    (imageId: string) => {
      const find = () =>
        document.querySelector<HTMLElement>(`[data-image-id="${CSS.escape(imageId)}"]`);
      const button = find();
      if (button) return button.focus();
      // Scrolled out of the virtualized list: bring its row back, then focus it.
      const entry = entries.find((e) => e.image.id === imageId);
      if (entry) scrollToGenerationRef.current?.(entry.generation.id);
      requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus()));
    },
    [entries],
  );

  useEffect(() => {
    void loadList();
  }, []);

  const hasCards = generations.length > 0;
  // A filtered page may come back empty while older history is still unread:
  // keep reading (each request is bounded) until something matches or it ends.
  const searching = filtered && !hasCards && hasNextPage && !isFetchNextPageError;
  useEffect(() => {
    if (searching && !isFetchingNextPage && !isFetchingPreviousPage) void fetchNextPage();
  }, [searching, isFetchingNextPage, isFetchingPreviousPage, fetchNextPage]);

  useEffect(() => {
    if (selected === 0) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (document.querySelector("[role=dialog], [role=menu]")) return;
      clearSelection();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected]);

  let body: ReactNode;
  if (query.isPending) {
    body = <GallerySkeleton />;
  } else if (query.isError && !hasCards) {
    body = (
      <ProblemPanel
        title="Couldn’t load your history"
        detail={`${query.error.message} Your generations are safe on the orchestrator.`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else if (!hasCards) {
    body = filtered ? (
      <NoMatches searching={searching} onClear={() => setFilters(NO_FILTERS)} />
    ) : (
      emptyState
    );
  } else {
    body = (
      <>
        <GalleryList
          items={items}
          lost={lost}
          setSize={hasNextPage || hasPreviousPage ? -1 : items.length}
          busy={reading}
          held={generations.length}
          hasAbove={hasPreviousPage}
          onNearEnd={loadMore}
          onNearStart={loadNewer}
          onAtTop={atTop}
          scrollToGenerationRef={scrollToGenerationRef}
        />
        <ListEnd
          count={generations.length}
          hasNextPage={hasNextPage}
          loading={isFetchingNextPage}
          error={isFetchNextPageError ? query.error : null}
          onLoadMore={() => void fetchNextPage()}
          filtered={filtered}
        />
      </>
    );
  }

  const apiGeneration = apiFor
    ? (generations.find((g) => g.id === apiFor) ??
      (viewing?.detached?.id === apiFor ? viewing.detached : undefined))
    : undefined;
  return (
    <GalleryActionsContext value={actions}>
      <div
        className="p-3 md:p-4"
        onPointerOver={prefetchCardTools}
        onFocus={prefetchCardTools}
      >
        {body}
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {viewing ? (
        <Lightbox
          entries={viewing.detached ? detachedEntries(viewing.detached) : entries}
          imageId={viewing.imageId}
          onNavigate={(imageId) =>
            setViewing((v) => ({ imageId, detached: v?.detached, trail: v?.trail }))
          }
          onClose={() => setViewing(null)}
          onReturnFocus={returnFocus}
          hasMore={viewing.detached ? false : hasNextPage}
          onNearEnd={loadMore}
          onShowApiRequest={setApiFor}
          onOpenParent={openParent}
          onBack={viewing.trail?.length ? back : undefined}
        />
      ) : null}
      {apiGeneration ? (
        <ApiRequestDialog generation={apiGeneration} onClose={() => setApiFor(null)} />
      ) : null}
      {wipe ? <WipeDialog {...wipe} onClose={() => setWipe(null)} /> : null}
      {selected > 0 ? <SelectionBar entries={entries} /> : null}
    </GalleryActionsContext>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const Gallery = inQueryIsland(GalleryView);
