import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { hasImage, readImage, saveImage } from "./image-store";

// Reference thumbnails the studio serves itself (GET /api/thumbnails/:id): the
// page's CSP allows images only from self, blob:, data: and the orchestrator, and
// a pasted URL's host is none of those. Small WebPs in the studio's database
// (image-store.ts), keyed by a hash of the source bytes so the same image is
// stored once and a URL never changes meaning (served as immutable).

export const THUMBNAIL_SIZE = 160;
/** Bumped when the rendering changes, so old and new thumbnails never share an id. */
const RENDITION = "thumb-v1-160-webp";
export const THUMBNAIL_ID_PATTERN = /^[a-f0-9]{64}$/;

export function isThumbnailId(id: string): boolean {
  return THUMBNAIL_ID_PATTERN.test(id);
}

/** A 160 px (longest side) WebP of an image that already passed the pixel check. */
export async function renderThumbnail(source: Uint8Array, maxPixels: number): Promise<Buffer> {
  return sharp(source, { limitInputPixels: maxPixels })
    .autoOrient()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** Stores the thumbnail of `source` (once per distinct image) and returns its id. */
export async function saveThumbnail(source: Uint8Array, maxPixels: number): Promise<string> {
  const id = createHash("sha256").update(RENDITION).update("\n").update(source).digest("hex");
  if (await hasImage("thumbnail", id)) return id;
  const bytes = await renderThumbnail(source, maxPixels);
  await saveImage("thumbnail", id, { bytes, mime: "image/webp" });
  return id;
}

/** The thumbnail's bytes, or null for an unknown or malformed id. */
export async function readThumbnail(id: string): Promise<Buffer | null> {
  if (!isThumbnailId(id)) return null;
  // Studios before the database layer kept it as <data dir>/thumbnails/ab/<id>.webp.
  const legacy = [{ parts: ["thumbnails", id.slice(0, 2), `${id}.webp`], mime: "image/webp" }];
  return (await readImage("thumbnail", id, legacy))?.bytes ?? null;
}
