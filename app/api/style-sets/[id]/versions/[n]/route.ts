// GET /api/style-sets/:id/versions/:n — one version of a set as it was saved
import { json, route } from "@/lib/server/http/route";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId, checkVersionParam } from "@/lib/server/style-sets/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; n: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  const { id, n } = await params;
  const setId = checkStyleSetId(id);
  return json(await getStyleSetStore().version(setId, checkVersionParam(setId, n)));
});
