// POST /api/plans/:id/cancel — stop a grid: cells not yet sent are skipped, running workflows canceled
import { json, route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { planFor } from "@/lib/server/plans/create";
import { cancelPlan, freshen, pacerFor } from "@/lib/server/plans/runner";
import { getPlanStore } from "@/lib/server/plans/store";
import { planView } from "@/lib/server/plans/view";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, { params }) => {
  const target = await targetFor(request);
  const plan = await planFor((await params).id, target);
  await cancelPlan(plan.id, target);
  const live = await freshen(plan, target);
  const store = getPlanStore();
  return json(
    planView(await store.mustGet(plan.id), await store.cells(plan.id), live.generations, {
      requests: live.requests,
      maxInFlight: pacerFor(target).maxInFlightSeen,
    }),
  );
});
