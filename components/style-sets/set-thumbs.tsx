// A set's references as a strip of small thumbnails, in order. References
// without a studio thumbnail (a link that did not answer) show an icon instead.
import { Link2 } from "lucide-react";
import type { StyleSetReference } from "@/lib/contract/style-sets/schema";

export function SetThumbs({
  references,
  max,
  size = "size-7",
}: {
  references: readonly StyleSetReference[];
  max: number;
  size?: string;
}) {
  const shown = references.slice(0, max);
  const more = references.length - shown.length;
  if (references.length === 0) {
    return (
      <div
        aria-hidden="true"
        className={`${size} shrink-0 rounded-sm border border-dashed border-border-strong`}
      />
    );
  }
  return (
    <div aria-hidden="true" className="flex shrink-0 -space-x-2">
      {shown.map((ref, i) => (
        <div
          key={i}
          className={`${size} overflow-hidden rounded-sm border-2 border-panel bg-subtle`}
        >
          {ref.thumbnailId ? (
            // eslint-disable-next-line @next/next/no-img-element -- studio thumbnails, 160 px WebP
            <img
              src={`/api/thumbnails/${ref.thumbnailId}`}
              alt=""
              className="size-full object-cover"
              loading="lazy"
            />
          ) : (
            <div className="flex size-full items-center justify-center text-muted">
              <Link2 className="size-3" />
            </div>
          )}
        </div>
      ))}
      {more > 0 ? (
        <div
          className={`${size} flex items-center justify-center rounded-sm border-2 border-panel bg-subtle text-[10px] font-medium text-muted`}
        >
          +{more}
        </div>
      ) : null}
    </div>
  );
}
