"use client";
// A reference's picture: the studio's own thumbnail, the local preview of a file
// being uploaded, or an icon. Never the pasted link itself: the page loads
// images only from the studio and the orchestrator (CSP), and a pasted host
// should not learn who is looking at its image.
import { ImageIcon, Link2 } from "lucide-react";

export function thumbnailSrc(row: { thumbnailId?: string | null; previewUrl?: string | null }) {
  if (row.thumbnailId) return `/api/thumbnails/${row.thumbnailId}`;
  if (row.previewUrl?.startsWith("blob:") || row.previewUrl?.startsWith("/")) return row.previewUrl;
  return null;
}

export function ReferenceThumb({
  row,
  size = "size-12",
}: {
  row: { thumbnailId?: string | null; previewUrl?: string | null; imageUrl: string };
  size?: string;
}) {
  const src = thumbnailSrc(row);
  const Icon = row.imageUrl && !row.imageUrl.includes("/v2/consumer/blobs/") ? Link2 : ImageIcon;
  return (
    <div className={`${size} shrink-0 overflow-hidden rounded-sm border border-border bg-subtle`}>
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- 160 px studio thumbnails and blob: previews need no optimiser
        <img src={src} alt="" className="size-full object-cover" draggable={false} />
      ) : (
        <div className="flex size-full items-center justify-center text-muted">
          <Icon aria-hidden="true" className="size-4" />
        </div>
      )}
    </div>
  );
}
