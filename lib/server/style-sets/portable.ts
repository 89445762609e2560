import "server-only";
import { safeParse } from "zod/v4/core";
import { uploadReferenceImage } from "@/lib/server/orchestrator/blobs";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { inspectImage } from "@/lib/server/references/inspect-image";
import { imageLimits } from "@/lib/server/references/limits";
import { readOriginal, saveOriginal } from "@/lib/server/references/originals";
import { saveThumbnail } from "@/lib/server/references/thumbnails";
import {
  styleSetExportSchema,
  type EmbeddedImage,
  type StyleSetExport,
  type StyleSetReference,
} from "@/lib/contract/style-sets/schema";

// Exports that work on another studio. A reference uploaded to this studio
// points at a signed blob URL of this studio's orchestrator, which expires (and
// another account cannot read at all); so an export embeds the cleaned image of
// every uploaded reference (the kept original, lib/server/references/originals.ts)
// and an import uploads those images to its own orchestrator and points the
// references (in every version) at the new blobs. Public URLs stay URLs.

type Ref = Pick<StyleSetReference, "thumbnailId" | "blobId">;

const uploaded = (ref: Ref): ref is Ref & { thumbnailId: string } =>
  Boolean(ref.blobId && ref.thumbnailId);

/** Adds `images` for every uploaded reference the studio kept an original of. */
export async function embedImages(file: StyleSetExport): Promise<StyleSetExport> {
  const ids = new Set<string>();
  for (const set of file.sets) {
    for (const ref of [...set.references, ...set.history.flatMap((v) => v.references)]) {
      if (uploaded(ref)) ids.add(ref.thumbnailId);
    }
  }
  const images: Record<string, EmbeddedImage> = {};
  for (const id of ids) {
    const original = await readOriginal(id);
    if (original && isEmbeddable(original.mime)) {
      images[id] = { mime: original.mime, base64: original.bytes.toString("base64") };
    }
  }
  return { ...file, images };
}

const isEmbeddable = (mime: string): mime is EmbeddedImage["mime"] =>
  mime === "image/jpeg" || mime === "image/png" || mime === "image/webp";

/**
 * Uploads a file's embedded images to `target` and rewrites every reference on
 * them. A file that does not parse is returned as it is: the store's import
 * then refuses it with every problem named. An image that is no image is a 4xx
 * from inspectImage, before anything is written.
 */
export async function adoptImages(
  file: unknown,
  target: OrchestratorTarget,
  signal?: AbortSignal,
): Promise<unknown> {
  const parsed = safeParse(styleSetExportSchema, file);
  if (!parsed.success || !parsed.data.images) return file;
  const data = parsed.data;
  const limits = imageLimits();
  const moved = new Map<string, Partial<StyleSetReference>>();
  for (const [oldId, embedded] of Object.entries(data.images ?? {})) {
    const used = data.sets.some((s) =>
      [...s.references, ...(s.history ?? []).flatMap((v) => v.references)].some(
        (r) => r.thumbnailId === oldId,
      ),
    );
    if (!used) continue;
    const image = await inspectImage(Buffer.from(embedded.base64, "base64"), limits);
    const thumbnailId = await saveThumbnail(image.bytes, limits.maxPixels);
    await saveOriginal(thumbnailId, image);
    const blob = await uploadReferenceImage(target, image, signal);
    moved.set(oldId, {
      thumbnailId,
      blobId: blob.id,
      imageUrl: blob.url,
      urlExpiresAt: blob.urlExpiresAt,
    });
  }
  const fix = <R extends StyleSetReference>(ref: R): R => {
    const to = ref.thumbnailId ? moved.get(ref.thumbnailId) : undefined;
    return to && ref.blobId ? { ...ref, ...to } : ref;
  };
  return {
    ...data,
    images: undefined,
    sets: data.sets.map((s) => ({
      ...s,
      references: s.references.map(fix),
      history: s.history?.map((v) => ({ ...v, references: v.references.map(fix) })),
    })),
  };
}
