// Builds a zip of chosen images in the browser (client-zip, fetched on first
// use) and hands it to the browser as one download. Images are fetched a few at
// a time with their URLs renewed when expired; one that cannot be fetched is
// listed in the manifest with the reason, and the zip goes ahead without it.
import type { QueryClient } from "@tanstack/react-query";
import { clickLink, fetchOriginal } from "./download";
import {
  imageFileName,
  imageSidecar,
  zipBaseName,
  zipManifest,
  type ManifestEntry,
  type ZipItem,
} from "./zip-contents";

export interface ZipProgress {
  done: number;
  total: number;
}

export interface ZipResult {
  name: string;
  failed: ManifestEntry[];
}

/** Fetches at most this many images at once: the long-poll and thumbnails need connections too. */
const PARALLEL = 3;

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export async function downloadZipOf(
  queryClient: QueryClient,
  items: readonly ZipItem[],
  onProgress: (p: ZipProgress) => void,
  now = new Date(),
): Promise<ZipResult> {
  const { downloadZip } = await import("client-zip");
  const files: { name: string; input: Blob | Uint8Array; lastModified: Date }[] = [];
  const entries: ManifestEntry[] = new Array(items.length);
  let done = 0;
  onProgress({ done, total: items.length });

  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i]!;
      const sidecar = `${zipBaseName(item)}.json`;
      const base = { workflowId: item.generation.id, imageId: item.image.id, sidecar };
      const lastModified = new Date(item.generation.completedAt ?? item.generation.createdAt);
      files.push({ name: sidecar, input: json(imageSidecar(item)), lastModified });
      try {
        const blob = await fetchOriginal(queryClient, item.image);
        const name = imageFileName(item, blob.type);
        files.push({ name, input: blob, lastModified });
        entries[i] = { ...base, image: name };
      } catch (error) {
        entries[i] = {
          ...base,
          image: null,
          error: error instanceof Error ? error.message : "The image could not be fetched.",
        };
      }
      onProgress({ done: ++done, total: items.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));

  files.sort((a, b) => a.name.localeCompare(b.name));
  files.push({ name: "manifest.json", input: json(zipManifest(entries, now)), lastModified: now });
  const blob = await downloadZip(files).blob();
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const name = `krea-images-${stamp}.zip`;
  const href = URL.createObjectURL(blob);
  clickLink(href, name, false);
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { name, failed: entries.filter((e) => e.error !== undefined) };
}
