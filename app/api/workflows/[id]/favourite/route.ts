// POST /api/workflows/:id/favourite?image=n — star image n (0-based, default 0) as orchestrator tags; DELETE — unstar it
import { checkId } from "@/lib/server/http/ids";
import { intParam, json, route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { setFavourite } from "@/lib/server/orchestrator/workflow-links";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const toggle = (on: boolean) =>
  route<Context>(async (request, { params }) => {
    const id = checkId((await params).id, "workflow");
    const image = intParam(new URL(request.url), "image", 0, 0, 9);
    const target = await targetFor(request);
    return json(await setFavourite(target, id, image, on));
  });

export const POST = toggle(true);
export const DELETE = toggle(false);
