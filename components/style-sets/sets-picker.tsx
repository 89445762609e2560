"use client";
// The builder's quick picker: saved sets with their thumbnails, a search by name,
// and Replace / Append for each. An append that would pass ten is refused here,
// saying how many fit, and nothing changes. Applying keeps the set alive first
// (fresh blobs, expired ones uploaded again), which takes a moment.
import { inQueryIsland } from "@/components/query-island";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { Button, buttonClass } from "@/components/ui/button";
import { LazyPopover } from "@/components/ui/lazy-popover";
import { ChevronDown, Library, Search, Settings2 } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { useStyleSets } from "@/lib/client/references/use-style-sets";
import { applyLiveStyleSet } from "@/lib/client/references/apply-to-list";
import type { ListAccess } from "@/lib/client/references/list";
import type { ApplyMode } from "@/lib/client/references/sets";
import { formatStrength } from "@/lib/contract/references/strength";
import { hiddenRetiredText, pickerSets } from "@/lib/contract/style-sets/picker";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { StatusBadge } from "./status-badge";
import { SetThumbs } from "./set-thumbs";

function SetsPickerView({ list, defaultOpen }: { list: ListAccess; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen ?? false);
  const [query, setQuery] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const [applying, setApplying] = useState<string | null>(null);
  const sets = useStyleSets({ enabled: open });
  const searchId = useId();
  const hasRows = list.get().length > 0;

  const offered = pickerSets(sets.data ?? []);
  const hidden = hiddenRetiredText(sets.data ?? []);
  const shown = offered.filter((s) => s.name.toLowerCase().includes(query.trim().toLowerCase()));

  const apply = async (set: StyleSet, mode: ApplyMode) => {
    if (applying) return;
    setApplying(set.id);
    const outcome = await applyLiveStyleSet(list, set, mode).finally(() => setApplying(null));
    if (outcome.ok) {
      setRefusal(null);
      setOpen(false);
    } else {
      setRefusal(outcome.message);
    }
  };

  return (
    <LazyPopover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setRefusal(null);
      }}
      triggerClassName={buttonClass({
        size: "xs",
        className: "data-[state=open]:bg-subtle",
      })}
      trigger={
        <>
          <Library aria-hidden="true" className="size-3.5" />
          Style sets
          <ChevronDown aria-hidden="true" className="size-3 text-muted" />
        </>
      }
      content={{
        align: "end",
        sideOffset: 6,
        collisionPadding: 8,
        "aria-label": "Style sets",
        className:
          "z-40 flex max-h-[min(28rem,var(--radix-popover-content-available-height))] w-[min(22rem,calc(100vw-1rem))] flex-col rounded-lg border border-border bg-panel text-sm shadow-xl",
      }}
    >
      <div className="border-b border-border p-2">
        <label htmlFor={searchId} className="sr-only">
          Search style sets
        </label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted"
          />
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault();
            }}
            placeholder="Search by name"
            className={cn(inputClass, "w-full pr-2 pl-7")}
          />
        </div>
      </div>
      {refusal ? (
        <p role="alert" className="border-b border-border bg-subtle px-3 py-2 text-xs text-danger">
          {refusal}
        </p>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto">
        <PickerBody
          state={sets.isPending ? "loading" : sets.isError ? "error" : "ready"}
          error={sets.error?.message}
          onRetry={() => void sets.refetch()}
          total={offered.length}
          hidden={hidden}
          shown={shown}
          hasRows={hasRows}
          applying={applying}
          onApply={(set, mode) => void apply(set, mode)}
        />
      </div>
      <div className="flex items-center justify-between border-t border-border px-3 py-2 text-xs">
        <span className="text-muted">
          {hasRows ? "Replace swaps your references; Append adds to them." : ""}
        </span>
        <Link
          href="/style-sets"
          className="inline-flex items-center gap-1 font-medium hover:underline"
        >
          <Settings2 aria-hidden="true" className="size-3.5" />
          Manage
        </Link>
      </div>
    </LazyPopover>
  );
}

function PickerBody({
  state,
  error,
  onRetry,
  total,
  hidden,
  shown,
  hasRows,
  applying,
  onApply,
}: {
  state: "loading" | "error" | "ready";
  error?: string;
  onRetry: () => void;
  total: number;
  /** "2 retired sets are hidden here", or null */
  hidden: string | null;
  shown: StyleSet[];
  hasRows: boolean;
  /** the set being applied (kept alive first), if any */
  applying: string | null;
  onApply: (set: StyleSet, mode: ApplyMode) => void;
}) {
  if (state === "loading") {
    return (
      <ul aria-busy="true" aria-label="Loading style sets" className="space-y-2 p-3">
        {[0, 1, 2].map((i) => (
          <li key={i} className="h-12 animate-pulse rounded-md bg-subtle" />
        ))}
      </ul>
    );
  }
  if (state === "error") {
    return (
      <div role="alert" className="space-y-2 p-3 text-xs">
        <p>The style sets could not be loaded. {error}</p>
        <Button variant="secondary" size="xs" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  if (total === 0 && hidden) {
    return (
      <p className="p-3 text-xs leading-relaxed text-muted">
        No set to pick: {hidden}. Retired sets are on <HiddenLink />; set one back to draft there to
        use it again.
      </p>
    );
  }
  if (total === 0) {
    return (
      <p className="p-3 text-xs leading-relaxed text-muted">
        No style sets yet. Add references, set their strengths, then choose{" "}
        <strong className="font-medium text-foreground">Save as set…</strong> under the list to
        reuse them here.
      </p>
    );
  }
  const note = hidden ? (
    <p className="border-t border-border px-3 py-2 text-[11px] text-muted">
      {hidden}: see <HiddenLink />.
    </p>
  ) : null;
  if (shown.length === 0)
    return (
      <>
        <p className="p-3 text-xs text-muted">No set matches that name.</p>
        {note}
      </>
    );
  return (
    <>
      <ul aria-label="Saved style sets" className="divide-y divide-border">
        {shown.map((set) => (
          <li
            key={set.id}
            aria-busy={applying === set.id || undefined}
            className="flex items-center gap-2 px-3 py-2"
          >
            <SetThumbs references={set.references} max={3} />
            <div className="min-w-0 flex-1">
              {/* The whole name wraps: a set and its "(imported)" copy differ only at the end. */}
              <div className="flex flex-wrap items-center gap-1.5">
                <p className="min-w-0 text-xs font-medium wrap-anywhere">{set.name}</p>
                {set.status === "approved" ? <StatusBadge status="approved" /> : null}
              </div>
              <p className="truncate text-[11px] text-muted">
                {set.status === "approved" ? "Approved" : "Draft"} · v{set.version} ·{" "}
                {set.updatedBy}
              </p>
              <p className="truncate text-[11px] text-muted tabular-nums">
                {set.references.length} ref{set.references.length === 1 ? "" : "s"}
                {set.references.length
                  ? ` · ${set.references.map((r) => formatStrength(r.strength)).join(", ")}`
                  : ""}
              </p>
            </div>
            <div className="flex shrink-0 gap-1">
              {hasRows ? (
                <>
                  <Button
                    variant="secondary"
                    size="xs"
                    onClick={() => onApply(set, "replace")}
                    disabled={applying !== null}
                    aria-label={`Replace with “${set.name}”`}
                  >
                    Replace
                  </Button>
                  <Button
                    variant="secondary"
                    size="xs"
                    onClick={() => onApply(set, "append")}
                    disabled={applying !== null}
                    aria-label={`Append “${set.name}”`}
                  >
                    Append
                  </Button>
                </>
              ) : (
                <Button
                  variant="secondary"
                  size="xs"
                  onClick={() => onApply(set, "replace")}
                  disabled={applying !== null}
                  aria-label={`Apply “${set.name}”`}
                >
                  Apply
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {note}
    </>
  );
}

/** Where retired sets are: the Style sets page, which lists every set with its status. */
function HiddenLink() {
  return (
    <Link href="/style-sets" className="font-medium text-foreground underline">
      the Style sets page
    </Link>
  );
}

/** Loaded after hydration, with the query library: an island (components/query-island.tsx). */
export const SetsPicker = inQueryIsland(SetsPickerView);
