"use client";
// One proof render: its image once it is there, else what it is waiting for
// (with the gallery's progress estimate), or why it ended without one.
import { estimateProgress } from "@/lib/client/gallery/progress";
import { useImageSource } from "@/lib/client/gallery/use-image-source";
import { useNow } from "@/lib/client/platform/use-now";
import type { Generation, GenerationImage } from "@/lib/contract/generations/types";

export function ProofTile({
  generation,
  recorded,
  sending = false,
  label,
  prompt,
}: {
  generation: Generation | undefined;
  /** a proof was recorded for this side (its generation may still be loading) */
  recorded: boolean;
  /** a proof run of this side is being sent */
  sending?: boolean;
  /** "Version 3", "Version 1 (approved)" */
  label: string;
  prompt: string;
}) {
  const image = generation?.images.find((i) => i.available && (i.previewUrl || i.url));
  return (
    <figure className="min-w-0">
      <div className="relative aspect-square overflow-hidden rounded-md border border-border bg-subtle">
        {image ? (
          <ProofImage image={image} alt={`${label}: ${prompt}`} />
        ) : (
          <div className="grid size-full place-items-center p-2 text-center text-xs text-muted">
            {recorded ? (
              <Waiting generation={generation} />
            ) : sending ? (
              "Sending…"
            ) : (
              "Not proofed yet"
            )}
          </div>
        )}
      </div>
      <figcaption className="mt-1 truncate text-[11px] text-muted">{label}</figcaption>
    </figure>
  );
}

function ProofImage({ image, alt }: { image: GenerationImage; alt: string }) {
  const source = useImageSource(image, "preview");
  if (!source.src) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a signed orchestrator URL
    <img
      key={source.attempt}
      src={source.src}
      alt={alt}
      onLoad={source.onLoad}
      onError={source.onError}
      className={`size-full object-cover ${image.mature ? "blur-xl" : ""}`}
    />
  );
}

function Waiting({ generation: g }: { generation: Generation | undefined }) {
  const now = useNow(1_000);
  if (!g) return <span>Loading…</span>;
  if (g.final) {
    return (
      <span className="text-danger">
        {g.status === "succeeded"
          ? "No image came back"
          : (g.failureReason ?? `Ended: ${g.status}`)}
      </span>
    );
  }
  const progress = estimateProgress(g, now || Date.parse(g.createdAt));
  const percent = Math.round(progress.fraction * 100);
  return (
    <span className="flex w-full flex-col items-center gap-1.5">
      <span>{progress.phase === "queued" ? "Queued" : `Rendering · ${percent} %`}</span>
      <span className="h-1 w-3/4 overflow-hidden rounded bg-border" aria-hidden="true">
        <span className="block h-full bg-accent" style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}
