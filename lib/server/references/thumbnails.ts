import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { dataDir } from "@/lib/server/db/data-dir";

// Reference thumbnails the studio serves itself (GET /api/thumbnails/:id): the
// page's CSP allows images only from self, blob:, data: and the orchestrator, and
// a pasted URL's host is none of those. Small WebP files under
// <data dir>/thumbnails, named by a hash of the source bytes so the same image
// is stored once and a URL never changes meaning (served as immutable).

export const THUMBNAIL_SIZE = 160;
/** Bumped when the rendering changes, so old and new thumbnails never share an id. */
const RENDITION = "thumb-v1-160-webp";
export const THUMBNAIL_ID_PATTERN = /^[a-f0-9]{64}$/;

export function isThumbnailId(id: string): boolean {
  return THUMBNAIL_ID_PATTERN.test(id);
}

function thumbnailPath(id: string): string {
  // Two-character shards keep any one folder small.
  return path.join(dataDir("thumbnails", id.slice(0, 2)), `${id}.webp`);
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
  const file = thumbnailPath(id);
  if (await exists(file)) return id;
  const bytes = await renderThumbnail(source, maxPixels);
  // Write then rename: a reader never sees half a file, and two writers of the
  // same id write the same bytes.
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
  return id;
}

/** The thumbnail's bytes, or null for an unknown or malformed id. */
export async function readThumbnail(id: string): Promise<Buffer | null> {
  if (!isThumbnailId(id)) return null;
  try {
    return await readFile(thumbnailPath(id));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
