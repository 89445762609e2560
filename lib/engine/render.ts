// Turns the composed SVG into the JPEG a job delivers, and makes the smaller
// preview rendition (longest side 640 px, WebP) that `previewUrl` points at.
import sharp from "sharp";
import { buildSvg, type RenderSpec } from "./render-svg";

export const JPEG_QUALITY = 88;
export const PREVIEW_MAX_SIDE = 640;

export async function renderImage(spec: RenderSpec): Promise<Buffer> {
  return sharp(Buffer.from(buildSvg(spec)))
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: false, chromaSubsampling: "4:2:0" })
    .toBuffer();
}

export async function renderPreview(source: Buffer): Promise<Buffer> {
  return sharp(source)
    .rotate()
    .resize({
      width: PREVIEW_MAX_SIDE,
      height: PREVIEW_MAX_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    })
    .webp({ quality: 78 })
    .toBuffer();
}
