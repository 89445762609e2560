// POST /api/downloads/zip — { images: [{ workflowId, image }] } → a zip (streamed) of those images of the caller's workflows, a JSON sidecar per image and manifest.json
import * as z from "zod/mini";
import { ID_PATTERN } from "@/lib/contract/api";
import { readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { zipFileName, zipStream } from "@/lib/server/generations/zip-stream";
import { targetFor } from "@/lib/server/orchestrator/request-target";

export const dynamic = "force-dynamic";

/** A long afternoon's selection; each image is one upstream read and fetch. */
const ZIP_MAX_IMAGES = 500;

const bodySchema = z.strictObject({
  images: z
    .array(
      z.strictObject({
        workflowId: z.string("workflowId must be a workflow id").check(
          z.regex(ID_PATTERN, "workflowId is not a workflow id"),
          // "." and ".." would be path segments in the upstream URL (see checkId).
          z.regex(/[^.]/, "workflowId is not a workflow id"),
        ),
        image: z
          .int("image must be a whole number from 0 to 9")
          .check(z.minimum(0, "image must be 0 to 9"), z.maximum(9, "image must be 0 to 9")),
      }),
      "images must be a list",
    )
    .check(
      z.minLength(1, "choose at least one image"),
      z.maxLength(ZIP_MAX_IMAGES, `at most ${ZIP_MAX_IMAGES} images in one zip`),
    ),
});

export const POST = route(async (request) => {
  const { images } = parseOrThrow(bodySchema, await readJson(request, 64 * 1024));
  const target = await targetFor(request);
  const now = new Date();
  return new Response(zipStream(target, images, now, request.signal), {
    status: 200,
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${zipFileName(now)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
