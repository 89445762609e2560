// Downloads a zip of chosen images that the studio's server builds and streams
// (POST /api/downloads/zip, see lib/server/generations/zip-stream.ts). The browser only
// counts the bytes as they arrive, for progress, and reads manifest.json at the
// end to tell which images could not be fetched.
import { attachmentName, fetchDownload, saveBlob } from "./download";
import { readStoredEntry } from "@/lib/contract/generations/read-zip";
import type { ManifestEntry, ZipItem } from "@/lib/contract/generations/zip-contents";

export interface ZipProgress {
  /** bytes received so far */
  received: number;
  /** images asked for */
  total: number;
}

export interface ZipResult {
  name: string;
  failed: ManifestEntry[];
}

/** Enough for the manifest of the largest zip (500 entries) and the central directory. */
const MANIFEST_TAIL_BYTES = 2 * 1024 * 1024;

function failedEntries(manifest: Uint8Array | null): ManifestEntry[] {
  if (!manifest) return [];
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(manifest));
    if (typeof body !== "object" || body === null || !("entries" in body)) return [];
    const entries = body.entries;
    if (!Array.isArray(entries)) return [];
    return entries.filter(
      (e): e is ManifestEntry => typeof e === "object" && e !== null && typeof e.error === "string",
    );
  } catch {
    return [];
  }
}

export async function downloadZipOf(
  items: readonly ZipItem[],
  onProgress: (p: ZipProgress) => void,
  signal?: AbortSignal,
): Promise<ZipResult> {
  const total = items.length;
  onProgress({ received: 0, total });
  const response = await fetchDownload("/api/downloads/zip", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      images: items.map((item) => ({ workflowId: item.generation.id, image: item.n - 1 })),
    }),
    signal,
  });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (!reader) throw new Error("The studio sent an empty zip.");
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  const blob = new Blob(chunks, { type: "application/zip" });
  const name = attachmentName(response) ?? "krea-images.zip";
  // manifest.json is the last file; the end of the zip holds it and the directory.
  const tailStart = Math.max(0, blob.size - MANIFEST_TAIL_BYTES);
  const tail = new Uint8Array(await blob.slice(tailStart).arrayBuffer());
  const failed = failedEntries(readStoredEntry(tail, "manifest.json", tailStart));
  saveBlob(blob, name);
  return { name, failed };
}
