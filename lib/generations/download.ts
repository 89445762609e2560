// Saves an image under a name a designer can find again (krea-<seed>-<n>.jpg).
// The bytes are fetched and saved from a blob URL so the browser uses our file
// name; when that is refused (a cross-origin URL without CORS) the image opens
// in a new tab instead, where it can be saved by hand.
import type { QueryClient } from "@tanstack/react-query";
import { applyRefreshedUrls } from "./cache-updates";
import { isExpiring } from "./image-url";
import { imageRefresher } from "./refresh-image";
import type { Generation, GenerationImage } from "./types";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

export function downloadName(g: Generation, n: number, contentType = "image/jpeg"): string {
  const ext = EXTENSIONS[contentType.split(";")[0]?.trim() ?? ""] ?? "jpg";
  return `krea-${g.input?.seed ?? g.id}-${n}.${ext}`;
}

export function clickLink(href: string, name: string, newTab: boolean): void {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  if (newTab) {
    a.target = "_blank";
    a.rel = "noopener";
  }
  document.body.append(a);
  a.click();
  a.remove();
}

async function renewed(queryClient: QueryClient, image: GenerationImage): Promise<string> {
  const fresh = await imageRefresher.refresh(image.id);
  applyRefreshedUrls(queryClient, fresh);
  return fresh.url;
}

/**
 * The original's bytes for a zip: its URL renewed first when it is about to
 * expire, and once more when the orchestrator says it already has. Throws
 * instead of opening a tab: a zip lists what it could not fetch.
 */
export async function fetchOriginal(
  queryClient: QueryClient,
  image: GenerationImage,
): Promise<Blob> {
  let url = image.url ?? image.previewUrl;
  if (!url) throw new Error("This image has no file to download.");
  if (isExpiring(image.urlExpiresAt, Date.now())) url = await renewed(queryClient, image);
  let response = await fetch(url);
  if (response.status === 401 || response.status === 403) {
    url = await renewed(queryClient, image);
    response = await fetch(url);
  }
  if (!response.ok) throw new Error(`The image answered HTTP ${response.status}.`);
  return response.blob();
}

/** Downloads the original; resolves when the browser has the file (or the fallback tab opened). */
export async function downloadImage(
  queryClient: QueryClient,
  g: Generation,
  image: GenerationImage,
  n: number,
): Promise<void> {
  let url = image.url ?? image.previewUrl;
  if (!url) throw new Error("This image has no file to download.");
  if (isExpiring(image.urlExpiresAt, Date.now())) url = await renewed(queryClient, image);
  let blob: Blob;
  try {
    let response = await fetch(url);
    // Expired after all (a clock off by a minute): renew once and try again.
    if (response.status === 401 || response.status === 403) {
      url = await renewed(queryClient, image);
      response = await fetch(url);
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    blob = await response.blob();
  } catch {
    clickLink(url, downloadName(g, n), true);
    return;
  }
  const href = URL.createObjectURL(blob);
  clickLink(href, downloadName(g, n, blob.type), false);
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
