// PUT /api/plans/:id/picks — the winners the designer marked per row or column (body { picks: [{ line, at, tab, cell }] }), saved with the grid
import { validationError } from "@/lib/server/http/problem";
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { planFor } from "@/lib/server/plans/create";
import { getPlanStore } from "@/lib/server/plans/store";
import { picksSchema } from "@/lib/contract/grid/schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const PUT = route<Context>(async (request, { params }) => {
  const target = await targetFor(request);
  const plan = await planFor((await params).id, target);
  const { picks } = parseOrThrow(picksSchema, await readJson(request));
  const store = getPlanStore();
  const count = (await store.cells(plan.id)).length;
  const outside = picks.findIndex((p) => p.cell >= count);
  if (outside >= 0)
    throw validationError({ [`picks.${outside}.cell`]: [`this grid has ${count} cells`] });
  return json({ picks: (await store.setPicks(plan.id, picks)).picks });
});
