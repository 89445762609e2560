import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/lib/server/db/data-dir";
import { getStudioDb } from "@/lib/server/db/studio-db";

// Reference thumbnails and upload originals, in the studio's database (table
// `images`) in both modes, so every instance of a team deployment serves what
// any of them stored and the default SQLite studio runs the same code. Rows are
// keyed by a hash of the source bytes: written once, never changed.
//
// Studios from before kept them as files under <data dir>/thumbnails and
// /originals; in SQLite mode those are still read when the database lacks an
// id (read-only: nothing is copied or written there again).

export type ImageKind = "thumbnail" | "original";

export interface StoredImage {
  bytes: Buffer;
  mime: string;
}

/** Stores the bytes under (kind, id) unless they are there already. */
export async function saveImage(
  kind: ImageKind,
  id: string,
  image: { bytes: Uint8Array; mime: string },
  now = Date.now(),
): Promise<void> {
  const db = await getStudioDb();
  // Two instances (or requests) storing one image write the same bytes: the first wins.
  await db.kysely
    .insertInto("images")
    .values({
      kind,
      id,
      mime: image.mime,
      bytes: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["kind", "id"]).doNothing())
    .execute();
}

export async function hasImage(kind: ImageKind, id: string): Promise<boolean> {
  const db = await getStudioDb();
  const row = await db.kysely
    .selectFrom("images")
    .select("id")
    .where("kind", "=", kind)
    .where("id", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The stored image, or null. `legacyFiles` are where a studio from before kept
 * it (paths under the data dir with their MIME types), read in SQLite mode only.
 */
export async function readImage(
  kind: ImageKind,
  id: string,
  legacyFiles: readonly { parts: string[]; mime: string }[] = [],
): Promise<StoredImage | null> {
  const db = await getStudioDb();
  const row = await db.kysely
    .selectFrom("images")
    .select(["bytes", "mime"])
    .where("kind", "=", kind)
    .where("id", "=", id)
    .executeTakeFirst();
  if (row) return { bytes: Buffer.from(row.bytes), mime: row.mime };
  if (db.dialect !== "sqlite") return null;
  for (const file of legacyFiles) {
    try {
      const bytes = await readFile(path.join(/*turbopackIgnore: true*/ dataDir(), ...file.parts));
      return { bytes, mime: file.mime };
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
    }
  }
  return null;
}
