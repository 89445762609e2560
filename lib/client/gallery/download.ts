// Downloads made by the studio's server (GET /api/workflows/:id/download,
// POST /api/downloads/zip): the image host is another origin and may send no
// CORS headers, so the browser never fetches image bytes itself. The answer is
// saved from a blob URL so the browser keeps our file name; a failure is the
// server's problem+json, a message a designer can act on.
import { ApiError, NetworkError } from "@/lib/client/platform/api-client";
import { downloadName } from "@/lib/contract/generations/download-name";
import type { Generation } from "@/lib/contract/generations/types";

export function clickLink(href: string, name: string): void {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Saves a blob under `name`; the URL is revoked later because some browsers read it after click() returns. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  clickLink(href, name);
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** fetch() for a download route: the response when it is OK, else ApiError / NetworkError. */
export async function fetchDownload(url: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(error);
  }
  if (response.ok) return response;
  let problem: unknown;
  try {
    problem = await response.json();
  } catch {
    problem = undefined;
  }
  throw new ApiError(response.status, problem && typeof problem === "object" ? { ...problem } : {});
}

/** The file name the server chose (Content-Disposition), if it gave one we can read. */
export function attachmentName(response: Response): string | null {
  const header = response.headers.get("content-disposition") ?? "";
  return /filename="([^"\\/]+)"/.exec(header)?.[1] ?? null;
}

export function imageDownloadUrl(g: Generation, n: number): string {
  return `/api/workflows/${encodeURIComponent(g.id)}/download?image=${n - 1}`;
}

/** Downloads image n (1-based) of a generation; resolves when the browser has the file. */
export async function downloadImage(g: Generation, n: number): Promise<void> {
  const response = await fetchDownload(imageDownloadUrl(g, n));
  const blob = await response.blob();
  saveBlob(blob, attachmentName(response) ?? downloadName(g, n, blob.type));
}
