// GET /api/style-sets/:id/versions — the set's history, newest first, with each version's author, time and diff, and its status changes
import { json, route } from "@/lib/server/http/route";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId } from "@/lib/server/style-sets/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  const id = checkStyleSetId((await params).id);
  return json(await getStyleSetStore().versions(id));
});
