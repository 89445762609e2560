import { clsx, type ClassValue } from "clsx";

// A small stand-in for tailwind-merge (8 kB gzip of the first load, issue 18):
// it knows only the utilities our primitives' callers override (padding, size,
// text size and colour, background, gap, radius, display, font weight …).
// A class it does not know is kept as is, so an unknown pair is never dropped.

const DISPLAY = new Set([
  "block",
  "inline-block",
  "inline",
  "flex",
  "inline-flex",
  "grid",
  "inline-grid",
  "hidden",
  "contents",
  "table",
]);
const POSITION = new Set(["static", "fixed", "absolute", "relative", "sticky"]);
const TEXT_SIZE = /^text-(xs|sm|base|lg|[2-9]?xl|\[\d+(\.\d+)?(px|rem|em)\])$/;
const TEXT_ALIGN = /^text-(left|center|right|justify|start|end)$/;
const FONT_WEIGHT = /^font-(thin|extralight|light|normal|medium|semibold|bold|extrabold|black)$/;
const SIDE = /^(t|b|l|r|s|e|x|y|tl|tr|bl|br)(-|$)/;
// Utilities whose every value sets the same property; longest first so `min-w` wins over `m`.
const VALUE_UTILITIES = [
  "min-w",
  "min-h",
  "max-w",
  "max-h",
  "gap-x",
  "gap-y",
  "gap",
  "size",
  "px",
  "py",
  "pt",
  "pr",
  "pb",
  "pl",
  "p",
  "mx",
  "my",
  "mt",
  "mr",
  "mb",
  "ml",
  "m",
  "h",
  "w",
  "bg",
  "rounded",
  "z",
  "opacity",
  "leading",
  "tracking",
  "items",
  "justify",
  "top",
  "left",
  "right",
  "bottom",
  "inset",
];

/** What a utility sets, or null when this merge does not know it (then it is kept). */
function kindOf(utility: string): string | null {
  const u = utility.replace(/^!/, "").replace(/^-/, "");
  if (DISPLAY.has(u)) return "display";
  if (POSITION.has(u)) return "position";
  if (TEXT_SIZE.test(u)) return "text-size";
  if (TEXT_ALIGN.test(u)) return "text-align";
  if (u.startsWith("text-")) return "text-color";
  if (FONT_WEIGHT.test(u)) return "font-weight";
  for (const prefix of VALUE_UTILITIES) {
    if (u !== prefix && !u.startsWith(`${prefix}-`)) continue;
    // rounded-t-md sets one side's radius, not the radius.
    if (prefix === "rounded" && SIDE.test(u.slice(prefix.length + 1))) return null;
    return prefix;
  }
  return null;
}

/** Tailwind classes with a later utility of the same kind (and variants) winning. */
export function mergeClasses(classes: string): string {
  const list = classes.split(/\s+/).filter(Boolean);
  const seen = new Set<string>();
  const kept: string[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const cls = list[i]!;
    const cut = cls.lastIndexOf(":");
    const kind = kindOf(cls.slice(cut + 1));
    const key = kind === null ? `=${cls}` : `${cls.slice(0, cut + 1)}${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(cls);
  }
  return kept.reverse().join(" ");
}

// The same few hundred class strings are merged on every render of every button
// and field (a profile of the studio's first load at 4× CPU: ~35 ms), so results
// are kept; the set of strings is bounded by our code, the limit is a safety net.
const merged = new Map<string, string>();
const MERGED_MAX = 1000;

/** Class names joined, with a later Tailwind utility winning over an earlier one of its kind. */
export function cn(...inputs: ClassValue[]): string {
  const joined = clsx(inputs);
  let result = merged.get(joined);
  if (result === undefined) {
    if (merged.size >= MERGED_MAX) merged.clear();
    result = mergeClasses(joined);
    merged.set(joined, result);
  }
  return result;
}
