// Icons repeated on every card (menu dots, copy, check) as one element each: a
// lucide SVG is 3–5 elements, and with thousands of cards scrolling by the DOM
// budget goes to images, not icon paths. Drawn as a CSS mask in the text colour.
import { clsx } from "clsx";
import type { CSSProperties } from "react";

// Paths from lucide (ISC licence): ellipsis, copy, check.
const SVG: Record<GlyphName, string> = {
  dots: "<circle cx='12' cy='12' r='1'/><circle cx='19' cy='12' r='1'/><circle cx='5' cy='12' r='1'/>",
  copy: "<rect width='14' height='14' x='8' y='8' rx='2' ry='2'/><path d='M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2'/>",
  check: "<path d='M20 6 9 17l-5-5'/>",
};

export type GlyphName = "dots" | "copy" | "check";

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
