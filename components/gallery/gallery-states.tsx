// The gallery's answers when it has no cards to show: what happened (with Retry)
// when the history cannot load, no matches, and the end of the list.
import { Button } from "@/components/ui/button";
import { RotateCcw, SearchX, TriangleAlert } from "lucide-react";

export function ProblemPanel({
  title,
  detail,
  onRetry,
  retrying,
}: {
  title: string;
  detail: string;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center gap-2 rounded-lg border border-border bg-raised px-6 py-8 text-center"
    >
      <TriangleAlert aria-hidden="true" className="size-5 text-warning" />
      <p className="font-medium">{title}</p>
      <p className="text-xs leading-relaxed text-muted">{detail}</p>
      <Button
        variant="secondary"
        size="sm"
        onClick={onRetry}
        disabled={retrying}
        className="mt-2 bg-panel px-3"
      >
        <RotateCcw aria-hidden="true" className="size-3.5" />
        {retrying ? "Retrying…" : "Retry"}
      </Button>
    </div>
  );
}

export function ListEnd({
  count,
  hasNextPage,
  loading,
  error,
  onLoadMore,
  filtered,
}: {
  count: number;
  hasNextPage: boolean;
  loading: boolean;
  error: Error | null;
  onLoadMore: () => void;
  filtered: boolean;
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
        <span>{filtered ? "Searching older history…" : "Loading older generations…"}</span>
      ) : hasNextPage ? (
        <Button variant="secondary" size="sm" onClick={onLoadMore} className="px-3">
          {filtered ? "Search older history" : "Load older generations"}
        </Button>
      ) : (
        <span>
          {filtered
            ? `That’s every match: ${count} generation${count === 1 ? "" : "s"}.`
            : `That’s everything: ${count} generation${count === 1 ? "" : "s"}.`}
        </span>
      )}
    </div>
  );
}

/** A filtered view with nothing in it: say so, and offer the way back. */
export function NoMatches({ searching, onClear }: { searching: boolean; onClear: () => void }) {
  return (
    <div
      role="status"
      className="mx-auto flex max-w-md flex-col items-center gap-2 px-6 py-16 text-center"
    >
      <SearchX aria-hidden="true" className="size-6 text-muted" />
      <p className="font-medium">
        {searching ? "Searching older history…" : "No images match these filters"}
      </p>
      {searching ? null : (
        <>
          <p className="text-xs text-muted">
            Try fewer words or another filter; everything else is still in your history.
          </p>
          <Button variant="secondary" size="sm" onClick={onClear} className="mt-2 px-3">
            Clear filters
          </Button>
        </>
      )}
    </div>
  );
}
