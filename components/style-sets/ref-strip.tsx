// A version's references as a row of small thumbnails with strengths.
import { formatStrength } from "@/lib/contract/references/strength";
import { referenceName } from "@/lib/contract/style-sets/diff";
import type { StyleSetReference } from "@/lib/contract/style-sets/schema";

export function RefStrip({
  references,
  label,
  size = "size-10",
}: {
  references: readonly StyleSetReference[];
  label: string;
  size?: string;
}) {
  if (references.length === 0) return <p className="text-xs text-muted">No references.</p>;
  return (
    <ol aria-label={label} className="flex flex-wrap gap-1.5">
      {references.map((ref, i) => (
        <li key={i} className="text-center" title={ref.label ?? ref.imageUrl}>
          <div className={`${size} overflow-hidden rounded border border-border bg-subtle`}>
            {ref.thumbnailId ? (
              // eslint-disable-next-line @next/next/no-img-element -- studio thumbnails, 160 px WebP
              <img
                src={`/api/thumbnails/${ref.thumbnailId}`}
                alt={referenceName(ref)}
                className="size-full object-cover"
                loading="lazy"
              />
            ) : (
              <span className="flex size-full items-center justify-center p-0.5 text-[9px] leading-tight break-all text-muted">
                {referenceName(ref)}
              </span>
            )}
          </div>
          <span className="text-[10px] text-muted tabular-nums">
            {formatStrength(ref.strength)}
            <span className="sr-only"> strength, {referenceName(ref)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
