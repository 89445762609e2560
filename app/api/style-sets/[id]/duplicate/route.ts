// POST /api/style-sets/:id/duplicate — a copy named "<name> (copy)"
import { json, route } from "@/lib/server/http/route";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId, etagOf } from "@/lib/server/style-sets/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (_request, { params }) => {
  const set = await getStyleSetStore().duplicate(checkStyleSetId((await params).id));
  return json(set, 201, { location: `/api/style-sets/${set.id}`, etag: etagOf(set) });
});
