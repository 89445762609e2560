// GET /api/workflows/:id — status, long-polls with ?wait= (seconds); DELETE — cancel
import { checkId } from "@/lib/server/http/ids";
import { intParam, json, route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import {
  cancelGeneration,
  getGeneration,
  MAX_WAIT_SECONDS,
} from "@/lib/server/orchestrator/workflows";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const id = checkId((await params).id, "workflow");
  const wait = intParam(new URL(request.url), "wait", 0, 0, MAX_WAIT_SECONDS);
  const target = await targetFor(request);
  return json(await getGeneration(target, id, { wait, signal: request.signal }));
});

export const DELETE = route<Context>(async (request, { params }) => {
  const id = checkId((await params).id, "workflow");
  const target = await targetFor(request);
  return json(await cancelGeneration(target, id));
});
