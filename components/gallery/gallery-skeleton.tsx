// The gallery while its history loads: cards the size of the coming images.
// On its own (no client code) so the page can show it before the gallery's code arrives.
export function GallerySkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading your generations…</span>
      <div
        aria-hidden="true"
        className="grid grid-cols-[repeat(auto-fill,minmax(300px,1fr))] gap-3"
      >
        {Array.from({ length: 6 }, (_, i) => (
          <div
            key={i}
            className="flex flex-col gap-2.5 rounded-lg border border-border bg-raised p-3"
          >
            <div className="h-3.5 w-4/5 rounded-sm bg-subtle" />
            <div className="aspect-square rounded-md bg-subtle motion-safe:animate-pulse" />
            <div className="flex gap-1">
              <div className="h-4 w-14 rounded-sm bg-subtle" />
              <div className="h-4 w-24 rounded-sm bg-subtle" />
              <div className="h-4 w-20 rounded-sm bg-subtle" />
            </div>
            <div className="h-3 w-2/5 rounded-sm bg-subtle" />
          </div>
        ))}
      </div>
    </div>
  );
}
