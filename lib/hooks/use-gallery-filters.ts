"use client";
// The gallery's filters live in the page's URL, so a view can be bookmarked,
// shared and survives a reload. Changes replace the current history entry
// (typing a search does not fill the Back button) through the browser's own
// history API, which Next keeps in sync with useSearchParams without asking the
// server to render the page again for every keystroke.
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseFilters, withFilters, type GalleryFilters } from "@/lib/generations/filters";

export function useGalleryFilters(): {
  filters: GalleryFilters;
  setFilters: (next: GalleryFilters) => void;
} {
  const params = useSearchParams();
  const text = params.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(text)), [text]);
  const setFilters = useCallback((next: GalleryFilters) => {
    const query = withFilters(new URLSearchParams(window.location.search), next).toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
    // null, not the current state: Next skips syncing useSearchParams for a
    // state that carries its own router marker (__NA).
    window.history.replaceState(null, "", url);
  }, []);
  return { filters, setFilters };
}
