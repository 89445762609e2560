// GET /api/workflows/:id/download?image=n — image n (0-based) of the caller's workflow, streamed by the studio as an attachment (krea-<seed>-<n>.<ext>)
import { checkId } from "@/lib/server/http/ids";
import { intParam, route } from "@/lib/server/http/route";
import { downloadName } from "@/lib/contract/generations/download-name";
import { locateImage, openImage } from "@/lib/server/orchestrator/image-bytes";
import { targetFor } from "@/lib/server/orchestrator/request-target";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const id = checkId((await params).id, "workflow");
  const index = intParam(new URL(request.url), "image", 0, 0, 9);
  const target = await targetFor(request);
  const located = await locateImage(target, id, index, request.signal);
  const opened = await openImage(target, located, request.signal);
  const name = downloadName(opened.generation, opened.n, opened.contentType);
  const headers = new Headers({
    "content-type": opened.contentType,
    "content-disposition": `attachment; filename="${name}"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
  if (opened.contentLength !== null) headers.set("content-length", String(opened.contentLength));
  return new Response(opened.body, { status: 200, headers });
});
