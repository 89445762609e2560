import "server-only";
import { randomUUID } from "node:crypto";
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/lib/server/db/data-dir";
import { isThumbnailId } from "./thumbnails";

// The cleaned original of every uploaded reference, kept in
// <data dir>/originals so a style set can upload it again when its blob is gone
// (unused orchestrator blobs die after 30 days). Named by the reference's
// thumbnail id, which is already a hash of these very bytes and travels with
// every reference (builder rows, style sets, exports): no new field, and the
// same image is kept once. Only images that passed inspectImage land here.

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

export interface StoredOriginal {
  bytes: Buffer;
  mime: string;
}

function originalPath(id: string, ext: string): string {
  // The ignore comment keeps Next's file tracing from pulling in the whole project (see data-dir.ts).
  return path.join(/*turbopackIgnore: true*/ dataDir("originals", id.slice(0, 2)), `${id}.${ext}`);
}

/** Keeps the cleaned bytes of an upload under its thumbnail id (once per distinct image). */
export async function saveOriginal(
  id: string,
  image: { bytes: Uint8Array; mime: string },
): Promise<void> {
  const ext = EXTENSIONS[image.mime];
  if (!ext || !isThumbnailId(id)) return;
  const file = originalPath(id, ext);
  try {
    await stat(/*turbopackIgnore: true*/ file);
    return;
  } catch {
    // not kept yet
  }
  // Write then rename: a reader never sees half a file.
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(/*turbopackIgnore: true*/ temp, image.bytes);
  await rename(/*turbopackIgnore: true*/ temp, file);
}

/** The kept original for a thumbnail id, or null when the studio has none. */
export async function readOriginal(id: string): Promise<StoredOriginal | null> {
  if (!isThumbnailId(id)) return null;
  for (const [mime, ext] of Object.entries(EXTENSIONS)) {
    try {
      return { bytes: await readFile(/*turbopackIgnore: true*/ originalPath(id, ext)), mime };
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
    }
  }
  return null;
}
