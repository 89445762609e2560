// Icons repeated on every card (menu dots, copy, check) as one element each: a
// lucide SVG is 3–5 elements, and with thousands of cards scrolling by the DOM
// budget goes to images, not icon paths. Drawn as a CSS mask in the text colour.
import { clsx } from "clsx";
import type { CSSProperties } from "react";

const STAR =
  "M11.525 2.295a.53.53 0 0 1 .95 0l2.31 4.679a2.123 2.123 0 0 0 1.595 1.16l5.166.756a.53.53 0 0 1 .294.904l-3.736 3.638a2.123 2.123 0 0 0-.611 1.878l.882 5.14a.53.53 0 0 1-.771.56l-4.618-2.428a2.122 2.122 0 0 0-1.973 0L6.396 21.01a.53.53 0 0 1-.77-.56l.881-5.139a2.122 2.122 0 0 0-.611-1.879L2.16 9.795a.53.53 0 0 1 .294-.906l5.165-.755a2.122 2.122 0 0 0 1.597-1.16z";

// Paths from lucide (ISC licence): ellipsis, copy, check, star.
const SVG: Record<GlyphName, string> = {
  dots: "<circle cx='12' cy='12' r='1'/><circle cx='19' cy='12' r='1'/><circle cx='5' cy='12' r='1'/>",
  copy: "<rect width='14' height='14' x='8' y='8' rx='2' ry='2'/><path d='M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2'/>",
  check: "<path d='M20 6 9 17l-5-5'/>",
  star: `<path d='${STAR}'/>`,
  "star-filled": `<path fill='black' d='${STAR}'/>`,
};

export type GlyphName = "dots" | "copy" | "check" | "star" | "star-filled";

const STYLES = Object.fromEntries(
  Object.entries(SVG).map(([name, body]) => {
    const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'>${body}</svg>`;
    const mask = `url("data:image/svg+xml,${encodeURIComponent(svg)}") center / contain no-repeat`;
    return [name, { mask, WebkitMask: mask } satisfies CSSProperties];
  }),
);

export function Glyph({ name, className }: { name: GlyphName; className?: string }) {
  return (
    <span
      aria-hidden="true"
      style={STYLES[name]}
      className={clsx("inline-block shrink-0 bg-current forced-color-adjust-none", className)}
    />
  );
}
