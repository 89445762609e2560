import "server-only";
import {
  refreshBlob,
  type UploadConsumerBlobErrors,
  type UploadConsumerBlobResponses,
} from "@civitai/client";
import { z } from "zod";
import { AppError } from "@/lib/server/http/problem";
import { callSdk } from "./client";
import { READ_POLICY, withRetry } from "./retry";
import type { OrchestratorTarget } from "./target";
import { rewriterFor } from "./workflows";

// Reference images on the orchestrator: upload (POST /v2/consumer/blobs) and
// refresh (a fresh signed URL before submit). Both answer with two URLs:
// - `url`, absolute, what goes into imageStyleReferences: the orchestrator
//   fetches it itself, so it must be the address the orchestrator can reach
//   (for the embedded engine that is its loopback URL);
// - `displayUrl`, for the browser's <img>: the embedded engine's URLs become
//   same-origin paths, exactly as gallery images do.

const UPLOAD_TIMEOUT_MS = 60_000;
const REFRESH_TIMEOUT_MS = 30_000;

const blobSchema = z.looseObject({
  id: z.string().min(1),
  url: z.string().nullish(),
  urlExpiresAt: z.string().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
});

export interface ReferenceBlob {
  id: string;
  url: string;
  displayUrl: string;
  urlExpiresAt: string | null;
  width: number | null;
  height: number | null;
}

function toReferenceBlob(target: OrchestratorTarget, data: unknown): ReferenceBlob {
  const blob = blobSchema.parse(data);
  if (!blob.url) {
    throw new AppError("upstream", {
      detail: "The orchestrator stored the image but returned no URL for it.",
      retryable: false,
    });
  }
  return {
    id: blob.id,
    url: blob.url,
    displayUrl: rewriterFor(target)(blob.url),
    urlExpiresAt: blob.urlExpiresAt ?? null,
    width: blob.width ?? null,
    height: blob.height ?? null,
  };
}

/**
 * Uploads image bytes that already passed inspectImage. The SDK's
 * `uploadConsumerBlob` is `client.post({ url: "/v2/consumer/blobs" })`, but its
 * generated options type the body as `never` (the spec does not describe it),
 * so we make the same call on the SDK client with a raw body: no JSON
 * serializer, the image's own content type.
 */
export async function uploadReferenceImage(
  target: OrchestratorTarget,
  image: { bytes: Uint8Array; mime: string },
  signal?: AbortSignal,
): Promise<ReferenceBlob> {
  const body = new Blob([new Uint8Array(image.bytes)], { type: image.mime });
  const { data } = await withRetry(
    () =>
      callSdk(
        target,
        (x) =>
          x.client.post<UploadConsumerBlobResponses, UploadConsumerBlobErrors>({
            url: "/v2/consumer/blobs",
            fetch: x.fetch,
            signal: x.signal,
            body,
            bodySerializer: null,
            headers: { "Content-Type": image.mime },
          }),
        { timeoutMs: UPLOAD_TIMEOUT_MS, signal },
      ),
    // A repeated upload only stores a second copy; network failures are worth one more try.
    { ...READ_POLICY, attempts: 2 },
    { signal },
  );
  return toReferenceBlob(target, data);
}

/** A fresh signed URL for a reference blob (and a fresh 30-day lifetime on Civitai). */
export async function refreshReferenceBlob(
  target: OrchestratorTarget,
  blobId: string,
  signal?: AbortSignal,
): Promise<ReferenceBlob> {
  const { data } = await withRetry(
    () =>
      callSdk(target, (x) => refreshBlob({ ...x, path: { blobId } }), {
        timeoutMs: REFRESH_TIMEOUT_MS,
        signal,
      }),
    READ_POLICY,
    { signal },
  );
  return toReferenceBlob(target, data);
}
