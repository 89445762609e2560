// The cut font must still draw every character the studio's own text uses, in
// every weight: a character dropped by app/fonts/subset.mjs would render in the
// fallback font in the middle of a label.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Blob, Face } from "harfbuzzjs";
import subsetFont from "subset-font";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const font = readFileSync(path.join(__dirname, "geist-latin.woff2"));

/** Code points of a woff2 font (harfbuzz reads TrueType, so convert it first). */
async function fontFacts(everything: string) {
  const ttf = await subsetFont(font, everything, { targetFormat: "truetype" });
  const face = new Face(new Blob(ttf), 0);
  return { unicodes: new Set(face.collectUnicodes()), axes: face.getAxisInfos() };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Every non-ASCII character in the code that renders text (comments included: a few extra is harmless). */
function charactersWeWrite(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ["app", "components", "lib/client", "lib/contract"]) {
    for (const file of sourceFiles(path.join(root, dir))) {
      for (const ch of readFileSync(file, "utf8")) {
        const cp = ch.codePointAt(0)!;
        // Emoji and box drawing are never in a Latin text face; the fallback draws them anyway.
        if (cp < 0x80 || cp >= 0x2500) continue;
        if (!found.has(ch)) found.set(ch, path.relative(root, file));
      }
    }
  }
  return found;
}

describe("the studio's font (geist-latin.woff2)", () => {
  it("has every character the studio's text uses", async () => {
    const used = charactersWeWrite();
    const all = Array.from({ length: 0x2500 - 0x20 }, (_, i) => String.fromCodePoint(0x20 + i));
    const { unicodes } = await fontFacts(all.join(""));
    for (let cp = 0x20; cp < 0x7f; cp++)
      expect(unicodes.has(cp), `U+${cp.toString(16)}`).toBe(true);
    const missing = [...used].filter(([ch]) => !unicodes.has(ch.codePointAt(0)!));
    expect(missing.map(([ch, file]) => `${ch} (${file})`)).toEqual([]);
  });

  it("keeps the weight axis from 100 to 900", async () => {
    const { axes } = await fontFacts("a");
    expect(axes.wght).toMatchObject({ min: 100, max: 900 });
  });
});
