// The browser's calls for references: upload with progress (XHR, because fetch
// cannot report upload progress), the server's check of a pasted link, and the
// refresh of uploads' signed URLs. Errors are the studio's ApiError/NetworkError.
import { ApiError, apiFetch, NetworkError } from "@/lib/client/platform/api-client";
import type { RefreshAnswer } from "./refresh";

/** POST /api/uploads's answer. */
export interface UploadAnswer {
  id: string;
  url: string;
  displayUrl: string;
  urlExpiresAt: string | null;
  name: string | null;
  thumbnailId: string | null;
}

/** POST /api/references/check's answer. */
export type CheckAnswer =
  | { ok: true; url: string; thumbnailId: string | null }
  | { ok: false; url: string; warning: string };

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readUploadAnswer(body: unknown): UploadAnswer | null {
  if (typeof body !== "object" || body === null) return null;
  const b: Record<string, unknown> = { ...body };
  const id = str(b.id);
  const url = str(b.url);
  if (!id || !url) return null;
  return {
    id,
    url,
    displayUrl: str(b.displayUrl) ?? url,
    urlExpiresAt: str(b.urlExpiresAt),
    name: str(b.name),
    thumbnailId: str(b.thumbnailId),
  };
}

export function uploadFile(
  file: File,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = readJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const answer = readUploadAnswer(body);
        if (answer) resolve(answer);
        else
          reject(
            new ApiError(502, { detail: "The studio's answer to the upload was not readable." }),
          );
      } else {
        reject(
          new ApiError(xhr.status, typeof body === "object" && body !== null ? { ...body } : {}),
        );
      }
    };
    xhr.onerror = () => reject(new NetworkError(new Error("upload failed")));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    if (options.signal?.aborted) return xhr.abort();
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", file, file.name || "pasted-image");
    xhr.send(form);
  });
}

export async function checkUrl(url: string, signal?: AbortSignal): Promise<CheckAnswer> {
  const body = await apiFetch<unknown>("/api/references/check", {
    method: "POST",
    json: { url },
    signal,
  });
  const b: Record<string, unknown> = typeof body === "object" && body !== null ? { ...body } : {};
  if (b.ok === true) return { ok: true, url, thumbnailId: str(b.thumbnailId) };
  return {
    ok: false,
    url,
    warning: str(b.warning) ?? "The studio could not tell whether this address is an image.",
  };
}

export async function refreshBlobs(blobIds: string[]): Promise<RefreshAnswer[]> {
  const body = await apiFetch<{ references?: RefreshAnswer[] }>("/api/references/refresh", {
    method: "POST",
    json: { blobIds },
  });
  return Array.isArray(body?.references) ? body.references : [];
}
