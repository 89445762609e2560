// GET /api/health — liveness, which engine this browser's requests use, and whether the studio paused calls to it
import { json, route } from "@/lib/http/route";
import { breakerFor } from "@/lib/orchestrator/breaker";
import { targetFor } from "@/lib/orchestrator/request-target";
import { describeTarget } from "@/lib/orchestrator/target";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const target = await targetFor(request);
  const info = describeTarget(target);
  return json({
    ok: true,
    engine: info.engine,
    label: info.label,
    orchestrator: breakerFor(target.baseUrl).status(),
  });
});
