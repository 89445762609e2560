// POST /api/plans — start a decision grid (Idempotency-Key header; body { spec, expectedTotal, title? }); GET — this account's grids, newest first
import { json, readJson, route } from "@/lib/server/http/route";
import { accountOf } from "@/lib/server/orchestrator/account";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { createPlan } from "@/lib/server/plans/create";
import { ensureRunning, liveOf, pacerFor } from "@/lib/server/plans/runner";
import { getPlanStore } from "@/lib/server/plans/store";
import { planView } from "@/lib/server/plans/view";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const target = await targetFor(request);
  const { plan, created } = await createPlan(request, await readJson(request), target);
  const store = getPlanStore();
  const view = planView(
    plan,
    await store.cells(plan.id),
    liveOf(plan.id)?.generations ?? new Map(),
    {
      requests: liveOf(plan.id)?.requests ?? 0,
      maxInFlight: pacerFor(target).maxInFlightSeen,
    },
  );
  return json(view, created ? 201 : 200, { location: `/api/plans/${plan.id}` });
});

export const GET = route(async (request) => {
  const target = await targetFor(request);
  const store = getPlanStore();
  const plans = await store.list(accountOf(target).fingerprint);
  // Opening the studio resumes this account's unfinished grids (after a restart).
  for (const plan of plans) ensureRunning(plan, target);
  return json({
    items: await Promise.all(
      plans.map(async (plan) =>
        planView(plan, await store.cells(plan.id), liveOf(plan.id)?.generations ?? new Map(), {
          requests: liveOf(plan.id)?.requests ?? 0,
          maxInFlight: pacerFor(target).maxInFlightSeen,
        }),
      ),
    ),
  });
});
