// POST /api/references/refresh — fresh URLs for uploaded references before a submit: { blobIds } → { references: [{ blobId, ok, url, displayUrl, urlExpiresAt } | { blobId, ok: false, error }] }
import * as z from "zod/mini";
import { ID_PATTERN } from "@/lib/contract/api";
import { toAppError } from "@/lib/server/http/problem";
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { STYLE_REFERENCES_MAX } from "@/lib/contract/krea/options";
import { refreshReferenceBlob } from "@/lib/server/orchestrator/blobs";
import { targetFor } from "@/lib/server/orchestrator/request-target";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({
  blobIds: z
    .array(z.string().check(z.regex(ID_PATTERN, "not a blob id")), "blobIds must be a list")
    .check(
      z.minLength(1, "send at least one blob id"),
      z.maxLength(STYLE_REFERENCES_MAX, `at most ${STYLE_REFERENCES_MAX} blob ids at once`),
    ),
});

export const POST = route(async (request) => {
  const { blobIds } = parseOrThrow(bodySchema, await readJson(request, 16 * 1024));
  const target = await targetFor(request);
  // One row failing (a blob deleted, or uploaded with another token) must not hide the others.
  const references = await Promise.all(
    [...new Set(blobIds)].map(async (blobId) => {
      try {
        const blob = await refreshReferenceBlob(target, blobId, request.signal);
        return {
          blobId,
          ok: true as const,
          url: blob.url,
          displayUrl: blob.displayUrl,
          urlExpiresAt: blob.urlExpiresAt,
        };
      } catch (error) {
        const e = toAppError(error);
        return { blobId, ok: false as const, status: e.status, error: e.detail };
      }
    }),
  );
  return json({ references });
});
