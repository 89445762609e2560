// GET /api/plans/:id/request — "Copy as API request" for a grid: the workflow body of every cell, as sent, with no token
import { json, route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { planFor } from "@/lib/server/plans/create";
import { cellBodies } from "@/lib/server/plans/bodies";
import { getPlanStore } from "@/lib/server/plans/store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const target = await targetFor(request);
  const plan = await planFor((await params).id, target);
  return json({
    method: "POST",
    path: "/v2/consumer/workflows?wait=0",
    bodies: cellBodies(plan, await getPlanStore().cells(plan.id)),
  });
});
