import "server-only";
import { validationError } from "@/lib/server/http/problem";
import { guardedFetch, type GuardedFetchOptions } from "@/lib/server/net/guarded-fetch";
import {
  UrlRefusedError,
  UrlUnreachableError,
  type UrlGuardOptions,
} from "@/lib/server/net/url-guard";
import { ImageRejectedError, readImageHeader } from "@/lib/server/references/inspect-image";
import { imageLimits, type ImageLimits } from "@/lib/server/references/limits";
import { saveThumbnail } from "@/lib/server/references/thumbnails";

// Checks a pasted reference URL before any Buzz is spent: the orchestrator
// fetches references itself and fails the whole job when one does not load.
// Refused addresses (private, wrong scheme, …) are errors on the `url` field;
// an address that is fine but does not answer with a usable image is a warning
// on the row, because it may work later (or from the orchestrator's network).
// Never calls the orchestrator.

export type ReferenceCheck =
  | {
      ok: true;
      /** what was asked, and what goes into imageStyleReferences (the orchestrator fetches it itself) */
      url: string;
      /** where the image actually came from after redirects */
      finalUrl: string;
      /** the type its bytes show, not what the server declared */
      contentType: string;
      declaredContentType: string | null;
      width: number;
      height: number;
      /** studio-served thumbnail; null when the image was too big to download whole */
      thumbnailId: string | null;
    }
  | { ok: false; url: string; finalUrl: string | null; warning: string };

export interface CheckReferenceOptions {
  guard?: UrlGuardOptions & Pick<GuardedFetchOptions, "timeoutMs" | "connectTimeoutMs">;
  limits?: ImageLimits;
  signal?: AbortSignal;
}

export async function checkReferenceUrl(
  url: string,
  options: CheckReferenceOptions = {},
): Promise<ReferenceCheck> {
  const limits = options.limits ?? imageLimits();
  const warn = (warning: string, finalUrl: string | null = null): ReferenceCheck => ({
    ok: false,
    url,
    finalUrl,
    warning,
  });

  let response;
  try {
    response = await guardedFetch(url, {
      ...options.guard,
      signal: options.signal,
      maxBytes: limits.maxBytes,
    });
  } catch (error) {
    if (error instanceof UrlRefusedError) throw validationError({ url: [error.message] });
    if (error instanceof UrlUnreachableError) return warn(error.message);
    throw error;
  }
  const { finalUrl, status } = response;
  if (status < 200 || status > 299) {
    const why =
      status === 401 || status === 403
        ? "it needs a login or blocks outside requests"
        : status === 404 || status === 410
          ? "there is nothing at this address"
          : "the server reported a problem";
    return warn(
      `The address answered ${status}${response.statusText ? ` ${response.statusText}` : ""} (${why}); the orchestrator would fail the job. Use a link that opens the image directly.`,
      finalUrl,
    );
  }

  const check = { ...limits, maxBytes: Number.MAX_SAFE_INTEGER, subject: "address" as const };
  let header;
  try {
    // The header is at the front, so a body cut at the byte limit still has it.
    header = await readImageHeader(response.body, check);
  } catch (error) {
    if (error instanceof ImageRejectedError) return warn(error.message, finalUrl);
    throw error;
  }
  let thumbnailId: string | null = null;
  if (!response.truncated) {
    try {
      thumbnailId = await saveThumbnail(response.body, limits.maxPixels);
    } catch {
      return warn(
        "The image at this address could not be read: the file is damaged or incomplete.",
        finalUrl,
      );
    }
  }
  return {
    ok: true,
    url,
    finalUrl,
    contentType: header.mime,
    declaredContentType: response.headers.get("content-type"),
    width: header.width,
    height: header.height,
    thumbnailId,
  };
}
