// POST /api/uploads — a reference image (multipart `file` or raw image bytes): checked, cleaned of metadata, kept in the data dir and stored on the orchestrator
import { json, route } from "@/lib/http/route";
import { uploadReferenceImage } from "@/lib/orchestrator/blobs";
import { targetFor } from "@/lib/orchestrator/request-target";
import { inspectImage } from "@/lib/uploads/inspect-image";
import { imageLimits } from "@/lib/uploads/limits";
import { saveOriginal } from "@/lib/uploads/originals";
import { readUpload } from "@/lib/uploads/read-upload";
import { saveThumbnail } from "@/lib/uploads/thumbnails";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const limits = imageLimits();
  const file = await readUpload(request, limits.maxBytes);
  const image = await inspectImage(file.bytes, limits);
  const thumbnailId = await saveThumbnail(image.bytes, limits.maxPixels);
  // Kept so a style set can upload it again once its blob has expired (lib/style-sets/keep-alive.ts).
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
