import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS, OUTPUT_SIZES } from "./krea-facts";
import { renderImage } from "./render";
import { buildSvg, palette, PREVIEW_MARK, referenceColour, type RenderSpec } from "./render-svg";

const base: RenderSpec = {
  prompt: "A serene mountain landscape with the same artistic style",
  seed: 1234,
  aspectRatio: "16:9",
  creativity: "medium",
  size: "medium",
  styleReferences: [],
  index: 0,
};

/** Mean absolute per-channel difference on small thumbnails, 0..255. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const thumb = (x: Buffer) =>
    sharp(x).resize(64, 36, { fit: "fill" }).removeAlpha().raw().toBuffer();
  const [ra, rb] = await Promise.all([thumb(a), thumb(b)]);
  let sum = 0;
  for (let i = 0; i < ra.length; i++) sum += Math.abs((ra[i] ?? 0) - (rb[i] ?? 0));
  return sum / ra.length;
}

describe("renderImage", () => {
  it("is byte-identical for the same inputs and seed", async () => {
    const [a, b] = await Promise.all([renderImage(base), renderImage({ ...base })]);
    expect(a.equals(b)).toBe(true);
  });

  it("changes visibly when any input that shapes a render changes", async () => {
    const reference = await renderImage(base);
    const variants: Partial<RenderSpec>[] = [
      { seed: 1235 },
      { prompt: "A neon city street at night" },
      { creativity: "raw" },
      { creativity: "high" },
      { size: "large" },
      { index: 1 },
      { styleReferences: [{ imageUrl: "https://example.com/a.jpg", strength: 2 }] },
    ];
    for (const variant of variants) {
      const other = await renderImage({ ...base, ...variant });
      expect(other.equals(reference), JSON.stringify(variant)).toBe(false);
      expect(await difference(reference, other), JSON.stringify(variant)).toBeGreaterThan(3);
    }
  });

  it("renders every ratio at the ratio table's size, as JPEG", async () => {
    for (const ratio of ASPECT_RATIOS) {
      const meta = await sharp(await renderImage({ ...base, aspectRatio: ratio })).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([
        "jpeg",
        OUTPUT_SIZES[ratio].width,
        OUTPUT_SIZES[ratio].height,
      ]);
    }
  });
});

describe("composition", () => {
  it("marks every render as a local preview with text and with shapes", () => {
    const svg = buildSvg(base);
    expect(svg).toContain(PREVIEW_MARK);
    expect(svg).toContain('id="hazard"');
    expect(svg).toContain("seed 1234 · 16:9 · medium");
  });

  it("escapes the prompt in the band", () => {
    expect(buildSvg({ ...base, prompt: 'a <b> & "c"' })).toContain(
      "a &#60;b&#62; &#38; &#34;c&#34;",
    );
  });

  it("pulls the palette toward a reference's colour with positive strength and away with negative", () => {
    const url = "https://example.com/style.png";
    const target = referenceColour(url);
    const distance = (colours: number[][]) =>
      colours.reduce(
        (sum, c) => sum + Math.hypot(c[0]! - target[0], c[1]! - target[1], c[2]! - target[2]),
        0,
      );
    const plain = distance(palette(base));
    const toward = distance(
      palette({ ...base, styleReferences: [{ imageUrl: url, strength: 1.5 }] }),
    );
    const away = distance(
      palette({ ...base, styleReferences: [{ imageUrl: url, strength: -1.5 }] }),
    );
    expect(toward).toBeLessThan(plain);
    expect(away).toBeGreaterThan(plain);
  });
});
