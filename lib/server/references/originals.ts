import "server-only";
import { readImage, saveImage, type StoredImage } from "./image-store";
import { isThumbnailId } from "./thumbnails";

// The cleaned original of every uploaded reference, kept (image-store.ts) so a
// style set can upload it again when its blob is gone (unused orchestrator
// blobs die after 30 days). Keyed by the reference's thumbnail id, which is
// already a hash of these very bytes and travels with every reference (builder
// rows, style sets, exports): no new field, and the same image is kept once.
// Only images that passed inspectImage land here.

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

export type StoredOriginal = StoredImage;

/** Keeps the cleaned bytes of an upload under its thumbnail id (once per distinct image). */
export async function saveOriginal(
  id: string,
  image: { bytes: Uint8Array; mime: string },
): Promise<void> {
  if (!EXTENSIONS[image.mime] || !isThumbnailId(id)) return;
  await saveImage("original", id, image);
}

/** The kept original for a thumbnail id, or null when the studio has none. */
export async function readOriginal(id: string): Promise<StoredOriginal | null> {
  if (!isThumbnailId(id)) return null;
  // Where studios before the database layer kept it: <data dir>/originals/ab/<id>.<ext>.
  const legacy = Object.entries(EXTENSIONS).map(([mime, ext]) => ({
    parts: ["originals", id.slice(0, 2), `${id}.${ext}`],
    mime,
  }));
  return readImage("original", id, legacy);
}
