import "server-only";
import { AppError, toAppError } from "@/lib/server/http/problem";
import type { StyleReference } from "@/lib/contract/krea/schema";
import { refreshReferenceBlob, type ReferenceBlob } from "@/lib/server/orchestrator/blobs";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { labelFromUrl } from "@/lib/contract/references/label";
import { readBlobUrl } from "./blob-url";
import { REFRESH_MARGIN_MS } from "@/lib/contract/references/expiry";
import { ownBlobPrefixes } from "./submit-guard";

// Every submit, whatever sent it (the builder, a card's Remix or Rerun, Reuse,
// Try on other tier, Compare, the sweeps, a script), goes through here before it
// is forwarded: each reference URL that is the target orchestrator's own blob
// and is expired or expires within REFRESH_MARGIN_MS gets a fresh signed URL.
// The orchestrator fetches references when the job runs, which can be minutes
// after the submit, and fails the job when the URL no longer works. The blob is
// read from the URL (./blob-url.ts), so a row that lost its blobId is renewed too.
//
// A resend under the same idempotency key may carry different URLs than the
// first send: harmless, the orchestrator answers a known externalId with the
// workflow it already made.

export type RefreshBlob = (
  target: OrchestratorTarget,
  blobId: string,
  signal?: AbortSignal,
) => Promise<ReferenceBlob>;

export interface ResignOptions {
  now?: number;
  signal?: AbortSignal;
  /** tests count or fail the refresh calls */
  refresh?: RefreshBlob;
}

const field = (i: number) => `imageStyleReferences.${i}.imageUrl`;
const named = (i: number, url: string) => `Reference ${i + 1} (“${labelFromUrl(url)}”)`;

export async function resignReferences(
  target: OrchestratorTarget,
  references: readonly StyleReference[],
  { now = Date.now(), signal, refresh = refreshReferenceBlob }: ResignOptions = {},
): Promise<StyleReference[]> {
  const prefixes = ownBlobPrefixes(target);
  const due = new Map<string, number[]>();
  const problems = new Map<number, string>();
  references.forEach((ref, i) => {
    const blob = readBlobUrl(ref.imageUrl, prefixes);
    // Someone else's public URL, or the orchestrator's opaque content link: nothing we can renew.
    if (blob === null || blob === "opaque") return;
    if (blob === "unreadable") {
      problems.set(i, "its link is the orchestrator's but names no image the studio can renew");
      return;
    }
    if (blob.expiresAt !== null && blob.expiresAt - now > REFRESH_MARGIN_MS) return;
    due.set(blob.blobId, [...(due.get(blob.blobId) ?? []), i]);
  });

  const fresh = new Map<number, string>();
  await Promise.all(
    [...due].map(async ([blobId, rows]) => {
      try {
        const blob = await refresh(target, blobId, signal);
        for (const i of rows) fresh.set(i, blob.url);
      } catch (error) {
        const e = toAppError(error);
        // A passing failure (network, 5xx, 429) fails the submit as it is, so the
        // browser's retry sends it again; only a definite answer condemns the row.
        if (e.retryable || e.kind === "unauthorized" || e.kind === "internal") throw e;
        const why =
          e.kind === "not_found"
            ? "the orchestrator no longer has its image (it expired after 30 days unused, or was deleted)"
            : `the orchestrator refused to renew its link (${e.detail})`;
        for (const i of rows) problems.set(i, why);
      }
    }),
  );

  if (problems.size > 0) {
    const rows = [...problems].sort(([a], [b]) => a - b);
    const fieldErrors = Object.fromEntries(
      rows.map(([i, why]) => [
        field(i),
        [
          `${named(i, references[i]!.imageUrl)} cannot be used: ${why}. Remove it and add the image again.`,
        ],
      ]),
    );
    const which = rows.map(([i]) => named(i, references[i]!.imageUrl)).join(", ");
    throw new AppError("validation", {
      status: 422,
      title: "A style reference can no longer be used",
      detail: `${which}: ${rows[0]![1]}. Remove ${rows.length > 1 ? "them" : "it"} and add the image again. Nothing was sent or charged.`,
      fieldErrors,
      retryable: false,
    });
  }
  return references.map((ref, i) => {
    const url = fresh.get(i);
    return url === undefined ? ref : { ...ref, imageUrl: url };
  });
}
