"use client";
// Finding an image by what the designer remembers of it: words of the prompt,
// favourites, and a panel of the rest (tier, ratio, creativity, status, style
// set, seed, dates). Every change goes to the page's URL, so a view can be
// bookmarked, shared and survives a reload; each active filter shows as a chip
// that removes it.
import { Button, buttonClass } from "@/components/ui/button";
import { LazyPopover } from "@/components/ui/lazy-popover";
import dynamic from "next/dynamic";
import { Grid3x3, ListFilter, Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import {
  filterChips,
  NO_FILTERS,
  normaliseQuery,
  type GalleryFilters,
} from "@/lib/contract/generations/filters";
import { useGalleryFilters, type HistoryMode } from "@/lib/client/gallery/use-gallery-filters";
import { Glyph } from "./glyph";

const SEARCH_DEBOUNCE_MS = 300;
// The panel's fields load when it first opens (next to the popover's own code).
const FilterPanelFields = dynamic(
  () => import("./filter-panel-fields").then((m) => m.FilterPanelFields),
  { ssr: false },
);

export function FilterBar() {
  const { filters, setFilters } = useGalleryFilters();
  const chips = filterChips(filters);
  const panelCount = chips.filter(
    (c) => c.key !== "q" && c.key !== "fav" && c.key !== "grid",
  ).length;
  return (
    <div className="flex flex-col gap-2 border-b border-border px-3 py-2 md:px-4">
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox filters={filters} setFilters={setFilters} />
        <Button
          variant="secondary"
          aria-pressed={filters.fav}
          onClick={() => setFilters({ ...filters, fav: !filters.fav })}
          className="px-2.5 text-xs aria-pressed:border-favourite aria-pressed:text-favourite"
        >
          <Glyph name={filters.fav ? "star-filled" : "star"} className="size-3.5" />
          Favourites
        </Button>
        <Button
          variant="secondary"
          aria-pressed={filters.grid !== null}
          onClick={() => setFilters({ ...filters, grid: filters.grid ? null : "any" })}
          className="px-2.5 text-xs aria-pressed:border-accent aria-pressed:text-accent"
        >
          <Grid3x3 aria-hidden="true" className="size-3.5" />
          Grids
        </Button>
        <FilterPanel filters={filters} setFilters={setFilters} count={panelCount} />
      </div>
      {chips.length > 0 ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
          {chips.map((chip) => (
            <li key={chip.key}>
              <Button
                variant="bare"
                onClick={() => setFilters(chip.without)}
                aria-label={`Remove filter: ${chip.label}`}
                className="inline-flex h-6 items-center gap-1 rounded-full border border-border bg-subtle pr-1.5 pl-2 text-xs hover:border-border-strong"
              >
                {chip.label}
                <X aria-hidden="true" className="size-3" />
              </Button>
            </li>
          ))}
          <li>
            <Button
              variant="link"
              size="xs"
              onClick={() => setFilters(NO_FILTERS)}
              className="px-1.5 text-xs font-normal"
            >
              Clear all
            </Button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

interface FilterProps {
  filters: GalleryFilters;
  setFilters: (next: GalleryFilters, mode?: HistoryMode) => void;
}

function SearchBox({ filters, setFilters }: FilterProps) {
  const [text, setText] = useState(filters.q);
  // When the URL's q changes from elsewhere (a chip, Clear all, Back) the box
  // shows it; a change that matches what is typed leaves the text alone, so a
  // trailing space being typed is not trimmed away.
  const [shownQ, setShownQ] = useState(filters.q);
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    if (filters.q !== normaliseQuery(text)) setText(filters.q);
  }
  const latest = useRef(filters);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // One history entry per search: the first pause pushes, later ones while the
  // box keeps focus refine it.
  const pushed = useRef(false);
  useEffect(() => {
    latest.current = filters;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const apply = (value: string) => {
    clearTimeout(timer.current);
    const q = normaliseQuery(value);
    if (q === latest.current.q) return;
    setFilters({ ...latest.current, q }, pushed.current ? "replace" : "push");
    pushed.current = true;
  };
  return (
    <div className="relative min-w-44 flex-1 md:max-w-sm">
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted"
      />
      <input
        type="search"
        aria-label="Search prompts"
        placeholder="Search prompts…"
        value={text}
        maxLength={200}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => apply(value), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(e) => e.key === "Enter" && apply(text)}
        onFocus={() => {
          pushed.current = false;
        }}
        className="h-8 w-full rounded-md border border-border bg-raised pr-2 pl-7 text-sm placeholder:text-muted"
      />
    </div>
  );
}

function FilterPanel({ filters, setFilters, count }: FilterProps & { count: number }) {
  const [open, setOpen] = useState(false);
  return (
    <LazyPopover
      open={open}
      onOpenChange={setOpen}
      triggerClassName={buttonClass({
        className: "px-2.5 text-xs data-[state=open]:bg-subtle",
      })}
      trigger={
        <>
          <ListFilter aria-hidden="true" className="size-3.5" />
          Filters
          {count > 0 ? (
            <span className="rounded-full bg-accent px-1.5 text-[11px] text-accent-foreground tabular-nums">
              {count}
            </span>
          ) : null}
        </>
      }
      content={{
        align: "start",
        sideOffset: 6,
        "aria-label": "Filters",
        className:
          "z-40 grid w-[min(22rem,calc(100vw-1.5rem))] grid-cols-2 gap-3 rounded-lg border border-border bg-panel p-3 shadow-lg",
      }}
    >
      <FilterPanelFields filters={filters} setFilters={setFilters} />
    </LazyPopover>
  );
}
