"use client";
// The gallery's filters live in the page's URL, so a view can be bookmarked,
// shared and survives a reload. Each change pushes a history entry, so Back
// returns to the previous filter instead of leaving the page; a search being
// typed replaces its own entry after the first, so one search is one Back.
// The browser's own history API is used: Next keeps useSearchParams in sync
// without asking the server to render the page again for every keystroke.
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseFilters, withFilters, type GalleryFilters } from "@/lib/contract/generations/filters";

export type HistoryMode = "push" | "replace";

export function useGalleryFilters(): {
  filters: GalleryFilters;
  setFilters: (next: GalleryFilters, mode?: HistoryMode) => void;
} {
  const params = useSearchParams();
  const text = params.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(text)), [text]);
  const setFilters = useCallback((next: GalleryFilters, mode: HistoryMode = "push") => {
    const query = withFilters(new URLSearchParams(window.location.search), next).toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      return;
    }
    // null, not the current state: Next skips syncing useSearchParams for a
    // state that carries its own router marker (__NA), and copies its own
    // state into the new entry, so Back is restored by the router.
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return { filters, setFilters };
}
