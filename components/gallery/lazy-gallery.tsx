"use client";
// The gallery and its status line load after the page is interactive (issue 18):
// before its history arrives the gallery shows only skeletons, which the server
// renders, so its data layer (history, watch, groups, actions) stays out of the
// first load. The card list's code is fetched alongside, not after it.
import dynamic from "next/dynamic";
import { GallerySkeleton } from "./gallery-skeleton";

export const LazyGallery = dynamic(
  () => {
    void import("./gallery-list");
    return import("./gallery").then((m) => m.Gallery);
  },
  { ssr: false, loading: () => <GallerySkeleton /> },
);

export const LazyGalleryStatus = dynamic(
  () => import("./gallery-status").then((m) => m.GalleryStatus),
  {
    ssr: false,
    // The same empty status the real one starts with, so nothing moves when it arrives.
    loading: () => (
      <div className="ml-auto flex items-center gap-3 text-xs text-muted">
        <span role="status" className="text-warning" />
      </div>
    ),
  },
);
