// Regenerates geist-latin.woff2, the studio's one typeface: Geist's variable
// font (weights 100–900, from the `geist` package, SIL OFL 1.1, no reserved
// name; its license is LICENSE-geist.txt here) cut down to the characters the
// studio's own text uses: the ranges Google Fonts calls "latin" plus our arrows
// and signs. The whole font is 70 kB and every page fetched it before its first
// paint; the cut is 32 kB. Text outside these ranges (a prompt in Greek or
// Japanese) is drawn by the fallback font, which next/font sizes to match.
// Run after upgrading `geist`: node app/fonts/subset.mjs
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(
  here,
  "../../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
);

/** Unicode ranges kept, as [first, last] code points. */
export const RANGES = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1 Supplement (é, ×, ·, ±)
  [0x0131, 0x0131],
  [0x0152, 0x0153], // Œ œ
  [0x2000, 0x206f], // General Punctuation (– — ’ “ ” … ›)
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // ← ↑ → ↓
  [0x21c4, 0x21c4], // ⇄
  [0x2212, 0x2212], // − (the minus of "−0.5")
  [0x2264, 0x2265], // ≤ ≥
];

const text = RANGES.flatMap(([a, b]) =>
  Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)),
).join("");

const input = readFileSync(source);
const output = await subsetFont(input, text, { targetFormat: "woff2" });
writeFileSync(path.join(here, "geist-latin.woff2"), output);
console.log(`geist-latin.woff2: ${input.length} → ${output.length} bytes`);
