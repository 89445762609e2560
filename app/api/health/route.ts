// GET /api/health — liveness and which engine this browser's requests use
import { json, route } from "@/lib/http/route";
import { targetFor } from "@/lib/orchestrator/request-target";
import { describeTarget } from "@/lib/orchestrator/target";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const info = describeTarget(await targetFor(request));
  return json({ ok: true, engine: info.engine, label: info.label });
});
