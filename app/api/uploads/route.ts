// POST /api/uploads — a reference image (multipart `file` or raw image bytes): checked, cleaned of metadata, kept in the data dir and stored on the orchestrator
import { json, route } from "@/lib/server/http/route";
import { uploadReferenceImage } from "@/lib/server/orchestrator/blobs";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { inspectImage } from "@/lib/server/references/inspect-image";
import { imageLimits } from "@/lib/server/references/limits";
import { saveOriginal } from "@/lib/server/references/originals";
import { readUpload } from "@/lib/server/references/read-upload";
import { saveThumbnail } from "@/lib/server/references/thumbnails";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const limits = imageLimits();
  const file = await readUpload(request, limits.maxBytes);
  const image = await inspectImage(file.bytes, limits);
  const thumbnailId = await saveThumbnail(image.bytes, limits.maxPixels);
  // Kept so a style set can upload it again once its blob has expired (lib/server/style-sets/keep-alive.ts).
  await saveOriginal(thumbnailId, image);
  const target = await targetFor(request);
  const blob = await uploadReferenceImage(target, image, request.signal);
  return json(
    {
      id: blob.id,
      url: blob.url,
      displayUrl: blob.displayUrl,
      urlExpiresAt: blob.urlExpiresAt,
      width: image.width,
      height: image.height,
      mime: image.mime,
      size: image.bytes.length,
      name: file.name,
      thumbnailId,
    },
    201,
  );
});
