// POST /api/blobs/:id/refresh — a fresh signed URL for an image whose URL expired
import { checkId } from "@/lib/server/http/ids";
import { json, route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { refreshImageUrl } from "@/lib/server/orchestrator/workflows";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, { params }) => {
  const id = checkId((await params).id, "image");
  const target = await targetFor(request);
  return json(await refreshImageUrl(target, id, request.signal));
});
