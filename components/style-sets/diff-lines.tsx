// A diff read aloud: one line per change ("Strength of rain.png: 1 → 0.5").
import { describeDiff, namesInDiff, type StyleSetDiff } from "@/lib/contract/style-sets/diff";

export function DiffLines({
  diff,
  names,
  label,
}: {
  diff: StyleSetDiff | null;
  /** key → reference name from the versions around the diff */
  names?: ReadonlyMap<string, string>;
  label: string;
}) {
  if (!diff) {
    return (
      <p className="text-xs text-muted">History starts here (earlier changes were not recorded).</p>
    );
  }
  const own = namesInDiff(diff);
  const lines = describeDiff(diff, (key) => names?.get(key) ?? own.get(key) ?? "a reference");
  if (lines.length === 0) return <p className="text-xs text-muted">No visible change.</p>;
  return (
    <ul aria-label={label} className="space-y-0.5 text-xs">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
