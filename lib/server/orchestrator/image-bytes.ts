import "server-only";
import { AppError } from "@/lib/server/http/problem";
import type { Generation, GenerationImage } from "@/lib/contract/generations/types";
import { isExpiring } from "@/lib/contract/generations/image-url";
import { accessHeadersFor } from "@/lib/server/session/access";
import { embeddedEngineUrl, type OrchestratorTarget } from "./target";
import { getGeneration, refreshImageUrl } from "./workflows";

// The bytes of a generated image, for downloads and zips made by the studio's
// server: the image host is another origin than the page and nothing promises
// CORS there, so the browser never fetches image bytes itself.
//
// Never an open proxy: the caller names a workflow and an image index, the
// workflow is read with the caller's own token from the current orchestrator
// (another account's workflow is a 404 there), and only the URL that
// orchestrator gives for that image is fetched.

const FETCH_TIMEOUT_MS = 60_000;

export interface OpenedImage extends LocatedImage {
  contentType: string;
  contentLength: number | null;
  body: ReadableStream<Uint8Array>;
}

function gone(detail: string): AppError {
  return new AppError("not_found", { title: "Image not available", detail, retryable: false });
}

const GONE_DETAIL =
  "This image is no longer on the orchestrator (it was deleted, or its storage expired). Rerun the generation to make it again with the same seed.";

/** Absolute, fetchable from this server: the embedded engine's URLs reach the browser as same-origin paths. */
function absolute(target: OrchestratorTarget, url: string): URL {
  let parsed: URL;
  try {
    parsed = target.kind === "local" ? new URL(url, embeddedEngineUrl()) : new URL(url);
  } catch {
    throw new AppError("upstream", {
      detail: "The orchestrator gave an unreadable image address.",
    });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new AppError("upstream", {
      detail: "The orchestrator gave an image address that is not http(s).",
    });
  }
  return parsed;
}

async function fetchImage(url: URL, signal?: AbortSignal): Promise<Response> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  try {
    return await fetch(url, {
      headers: accessHeadersFor(url.href),
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      cache: "no-store",
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AppError(timeout.aborted ? "timeout" : "network", {
      detail: "The image host did not answer. Try again in a moment.",
      cause: error,
    });
  }
}

async function renewedUrl(
  target: OrchestratorTarget,
  image: GenerationImage,
  signal?: AbortSignal,
): Promise<string> {
  try {
    return (await refreshImageUrl(target, image.id, signal)).url;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw gone(GONE_DETAIL);
    throw error;
  }
}

export interface LocatedImage {
  generation: Generation;
  image: GenerationImage;
  /** 1-based place in its generation, as download names count */
  n: number;
}

/** Image `index` (0-based) of the caller's workflow, read with the caller's token. */
export async function locateImage(
  target: OrchestratorTarget,
  workflowId: string,
  index: number,
  signal?: AbortSignal,
): Promise<LocatedImage> {
  let generation: Generation;
  try {
    generation = await getGeneration(target, workflowId, { signal });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      throw gone(
        "This generation is no longer on the orchestrator (it was deleted), or it belongs to another account.",
      );
    }
    throw error;
  }
  const image = generation.images[index];
  if (!image) throw gone(`This generation has no image ${index + 1}.`);
  return { generation, image, n: index + 1 };
}

/**
 * Opens a located image: its URL renewed when it has expired (before, or when
 * the host says so), the body left unread for the caller to stream. A blocked,
 * unfinished or deleted image is a 404 that says why.
 */
export async function openImage(
  target: OrchestratorTarget,
  { generation, image, n }: LocatedImage,
  signal?: AbortSignal,
): Promise<OpenedImage> {
  if (!image.available) {
    throw gone(
      image.blockedReason
        ? `Image ${n} was blocked by moderation (${image.blockedReason}); there is nothing to download.`
        : `Image ${n} of this generation was not made (or is not finished yet).`,
    );
  }
  let url = image.url ?? image.previewUrl;
  if (!url || isExpiring(image.urlExpiresAt, Date.now()))
    url = await renewedUrl(target, image, signal);
  let response = await fetchImage(absolute(target, url), signal);
  // Expired after all (clocks differ), or the cached URL was stale: renew once.
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    response = await fetchImage(absolute(target, await renewedUrl(target, image, signal)), signal);
  }
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw gone(GONE_DETAIL);
  }
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  if (!response.ok || !response.body || !contentType.startsWith("image/")) {
    await response.body?.cancel();
    throw new AppError("upstream", {
      detail: response.ok
        ? "The image host answered with something that is not an image."
        : `The image host answered HTTP ${response.status}. Try again in a moment.`,
    });
  }
  const length = Number(response.headers.get("content-length"));
  return {
    generation,
    image,
    n,
    contentType,
    contentLength: Number.isSafeInteger(length) && length > 0 ? length : null,
    body: response.body,
  };
}
