import "server-only";
import { makeZip } from "client-zip";
import { toAppError } from "@/lib/server/http/problem";
import { locateImage, openImage, type OpenedImage } from "@/lib/server/orchestrator/image-bytes";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import {
  imageFileName,
  imageSidecar,
  zipBaseName,
  zipManifest,
  type ManifestEntry,
} from "@/lib/contract/generations/zip-contents";

// A zip of chosen images, made by the studio's server while it streams: each
// image is fetched from the orchestrator (see lib/server/orchestrator/image-bytes.ts)
// and piped into the zip as it arrives, so the server never holds a whole zip
// and the image host's CORS policy does not matter. Files are stored, not
// compressed (images do not shrink). An image that cannot be fetched is left
// out and listed in manifest.json with the reason; its JSON sidecar stays.

export interface ZipRequestItem {
  workflowId: string;
  /** 0-based image index in the workflow */
  image: number;
}

type ZipFile = { name: string; lastModified: Date; input: ReadableStream<Uint8Array> | string };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function zipFileName(now: Date): string {
  return `krea-images-${now.toISOString().slice(0, 19).replace(/[:T]/g, "-")}.zip`;
}

async function* zipFiles(
  target: OrchestratorTarget,
  items: readonly ZipRequestItem[],
  now: Date,
  signal?: AbortSignal,
): AsyncGenerator<ZipFile> {
  const entries: ManifestEntry[] = [];
  for (const { workflowId, image: index } of items) {
    let located;
    try {
      located = await locateImage(target, workflowId, index, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      entries.push({
        workflowId,
        imageId: null,
        image: null,
        sidecar: null,
        error: toAppError(error).detail,
      });
      continue;
    }
    const base = zipBaseName(located);
    const lastModified = new Date(located.generation.completedAt ?? located.generation.createdAt);
    const entry: ManifestEntry = {
      workflowId,
      imageId: located.image.id,
      image: null,
      sidecar: `${base}.json`,
    };
    let opened: OpenedImage | null = null;
    try {
      opened = await openImage(target, located, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      entry.error = toAppError(error).detail;
    }
    if (opened) {
      entry.image = imageFileName(located, opened.contentType);
      yield { name: entry.image, lastModified, input: opened.body };
    }
    yield { name: `${base}.json`, lastModified, input: json(imageSidecar(located)) };
    entries.push(entry);
  }
  yield { name: "manifest.json", lastModified: now, input: json(zipManifest(entries, now)) };
}

/** The zip as a stream; nothing is fetched until the stream is read. */
export function zipStream(
  target: OrchestratorTarget,
  items: readonly ZipRequestItem[],
  now = new Date(),
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  return makeZip(zipFiles(target, items, now, signal));
}
