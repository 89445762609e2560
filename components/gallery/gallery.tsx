"use client";
// The gallery: history from the orchestrator (paged, newest first), unfinished
// generations followed by one long-poll, cards in a virtualized grid, and the
// lightbox and API-request dialog loaded only when first opened. The cards' code
// is fetched alongside the first history page instead of before the page is
// interactive: neither can show anything without the other.
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { shortPrompt, statusLabel } from "@/lib/generations/format";
import type { Generation } from "@/lib/generations/types";
import { useGenerationWatch, useLostGenerations } from "@/lib/hooks/use-generation-watch";
import { useGenerations } from "@/lib/hooks/use-generations";
import { GalleryActionsContext, type GalleryActions } from "./gallery-actions";
import { GallerySkeleton, ProblemPanel } from "./gallery-states";
import { lightboxEntries } from "./lightbox-entries";

const loadList = () => import("./gallery-list");
const GalleryList = dynamic(() => loadList().then((m) => m.GalleryList), {
  ssr: false,
  loading: () => <GallerySkeleton />,
});
const loadLightbox = () => import("./lightbox");
const Lightbox = dynamic(() => loadLightbox().then((m) => m.Lightbox), { ssr: false });
const ApiRequestDialog = dynamic(
  () => import("./api-request-dialog").then((m) => m.ApiRequestDialog),
  { ssr: false },
);

export function Gallery({ emptyState }: { emptyState: ReactNode }) {
  const { query, generations } = useGenerations();
  useGenerationWatch(generations);
  const lost = useLostGenerations();
  const announcement = useFinishAnnouncement(generations);
  const [viewing, setViewing] = useState<string | null>(null);
  const [apiFor, setApiFor] = useState<string | null>(null);
  const scrollToGenerationRef = useRef<((id: string) => void) | null>(null);

  const entries = useMemo(() => lightboxEntries(generations), [generations]);
  const actions = useMemo<GalleryActions>(
    () => ({ openImage: setViewing, showApiRequest: setApiFor }),
    [],
  );

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

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
  useEffect(() => {
    if (!hasCards) return;
    // Fetch the menu's and the lightbox's code while idle so the first click opens at once.
    const timer = setTimeout(() => {
      void import("./actions-menu-radix");
      void loadLightbox();
    }, 1500);
    return () => clearTimeout(timer);
  }, [hasCards]);

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
    body = emptyState;
  } else {
    body = (
      <>
        <GalleryList
          generations={generations}
          lost={lost}
          setSize={hasNextPage ? -1 : generations.length}
          busy={isFetchingNextPage}
          onNearEnd={loadMore}
          scrollToGenerationRef={scrollToGenerationRef}
        />
        <ListEnd
          count={generations.length}
          hasNextPage={hasNextPage}
          loading={isFetchingNextPage}
          error={isFetchNextPageError ? query.error : null}
          onLoadMore={() => void fetchNextPage()}
        />
      </>
    );
  }

  const apiGeneration = apiFor ? generations.find((g) => g.id === apiFor) : undefined;
  return (
    <GalleryActionsContext value={actions}>
      <div className="p-3 md:p-4">{body}</div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {viewing ? (
        <Lightbox
          entries={entries}
          imageId={viewing}
          onNavigate={setViewing}
          onClose={() => setViewing(null)}
          onReturnFocus={returnFocus}
          onShowApiRequest={setApiFor}
          hasMore={hasNextPage}
          onNearEnd={loadMore}
        />
      ) : null}
      {apiGeneration ? (
        <ApiRequestDialog generation={apiGeneration} onClose={() => setApiFor(null)} />
      ) : null}
    </GalleryActionsContext>
  );
}

function ListEnd({
  count,
  hasNextPage,
  loading,
  error,
  onLoadMore,
}: {
  count: number;
  hasNextPage: boolean;
  loading: boolean;
  error: Error | null;
  onLoadMore: () => void;
}) {
  if (error) {
    return (
      <ProblemPanel
        title="Couldn’t load older generations"
        detail={error.message}
        onRetry={onLoadMore}
        retrying={loading}
      />
    );
  }
  return (
    <div className="flex justify-center py-3 text-xs text-muted">
      {loading ? (
        <span>Loading older generations…</span>
      ) : hasNextPage ? (
        <button
          type="button"
          onClick={onLoadMore}
          className="rounded-md border border-border bg-raised px-3 py-1.5 font-medium text-foreground hover:bg-subtle"
        >
          Load older generations
        </button>
      ) : (
        <span>
          That’s everything: {count} generation{count === 1 ? "" : "s"}.
        </span>
      )}
    </div>
  );
}

/**
 * A sentence for screen readers when generations finish, since the card's
 * change is silent. Compared with the previous render, not in an effect, so
 * it is announced with the change itself.
 */
function useFinishAnnouncement(generations: readonly Generation[]): string {
  const [previous, setPrevious] = useState(generations);
  const [message, setMessage] = useState("");
  if (previous !== generations) {
    setPrevious(generations);
    const wasRunning = new Set(previous.filter((g) => !g.final).map((g) => g.id));
    const finished = generations.filter((g) => g.final && wasRunning.has(g.id));
    if (finished.length === 1 && finished[0]) {
      const g = finished[0];
      setMessage(`${statusLabel(g).label}: ${shortPrompt(g.input?.prompt ?? "generation", 60)}`);
    } else if (finished.length > 1) {
      setMessage(`${finished.length} generations finished.`);
    }
  }
  return message;
}
