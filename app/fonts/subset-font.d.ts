// subset-font 2.9 ships no types; what app/fonts/font.test.ts uses of it.
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "sfnt" | "woff" | "woff2" | "truetype" },
  ): Promise<Uint8Array>;
}
