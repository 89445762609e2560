"use client";
// While images are selected: how many, one zip of them (each with a JSON
// sidecar of its settings), and the way out. Fixed to the bottom of the
// viewport so it stays in reach while the designer keeps scrolling and picking.
import { Button } from "@/components/ui/button";
import { Download, Loader2, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/lib/client/platform/toast";
import { downloadZipOf, type ZipProgress } from "@/lib/client/gallery/zip-download";
import type { LightboxEntry } from "./lightbox-entries";
import { clearSelection, selectedIds, useSelectionCount } from "./selection-store";

/** The server streams the zip as it fetches each image: what has arrived is the progress. */
function zipLabel({ received, total }: ZipProgress): string {
  const images = `${total} image${total === 1 ? "" : "s"}`;
  if (received === 0) return `Zipping ${images}…`;
  const mb = received / (1024 * 1024);
  return `Zipping ${images}… ${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function SelectionBar({ entries }: { entries: LightboxEntry[] }) {
  const count = useSelectionCount();
  const [progress, setProgress] = useState<ZipProgress | null>(null);
  const busy = progress !== null;
  // The gallery holds a few pages at a time: a selected image whose page was
  // dropped while scrolling on is remembered here, so the zip still has it.
  const seen = useRef(new Map<string, LightboxEntry>());
  useEffect(() => {
    const selected = new Set(selectedIds());
    for (const id of seen.current.keys()) if (!selected.has(id)) seen.current.delete(id);
    for (const e of entries) if (selected.has(e.image.id)) seen.current.set(e.image.id, e);
  }, [entries, count]);

  const zip = async () => {
    if (busy) return;
    const byId = new Map([...seen.current, ...entries.map((e) => [e.image.id, e] as const)]);
    const items = selectedIds()
      .map((id) => byId.get(id))
      .filter((e): e is LightboxEntry => e !== undefined)
      .map(({ generation, image, n }) => ({ generation, image, n }));
    if (items.length === 0) return;
    try {
      const result = await downloadZipOf(items, setProgress);
      if (result.failed.length > 0) {
        toast.warning(`${result.name}: ${result.failed.length} image(s) could not be fetched`, {
          // The first reason in words (an image gone from the orchestrator…); all are in the manifest.
          description:
            `${result.failed[0]?.error ?? ""} They are listed in manifest.json with the reason.`.trim(),
        });
      } else {
        toast.success(`Downloaded ${items.length} image${items.length === 1 ? "" : "s"} as a zip`);
      }
    } catch (error) {
      toast.error("Couldn't make the zip", {
        description: error instanceof Error ? error.message : "Try again in a moment.",
      });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div
      role="region"
      aria-label="Selection"
      className="fixed bottom-4 left-1/2 z-30 flex -translate-x-1/2 items-center gap-2 rounded-lg border border-border bg-panel py-1.5 pr-1.5 pl-3 text-sm shadow-lg"
    >
      <p aria-live="polite" className="tabular-nums">
        {count} selected
      </p>
      <Button
        variant="primary"
        onClick={() => void zip()}
        disabled={busy}
        aria-busy={busy || undefined}
        className="disabled:opacity-70"
      >
        {busy ? (
          <Loader2 aria-hidden="true" className="size-4 animate-spin" />
        ) : (
          <Download aria-hidden="true" className="size-4" />
        )}
        <span className="tabular-nums">{busy ? zipLabel(progress) : "Download zip"}</span>
      </Button>
      <Button
        variant="icon"
        size="md"
        onClick={clearSelection}
        aria-label="Clear selection"
        title="Clear selection (Esc)"
      >
        <X aria-hidden="true" className="size-4" />
      </Button>
    </div>
  );
}
