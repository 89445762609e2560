// POST /api/style-sets/:id/restore — take a deleted set out of the bin (Undo)
import { json, route } from "@/lib/server/http/route";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId, etagOf } from "@/lib/server/style-sets/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (_request, { params }) => {
  const set = await getStyleSetStore().restore(checkStyleSetId((await params).id));
  return json(set, 200, { etag: etagOf(set) });
});
