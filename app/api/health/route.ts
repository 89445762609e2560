// GET /api/health — whether the studio can serve this browser: which engine and account its requests use, whether calls to the orchestrator are paused, and the embedded engine's real state (503 while it cannot serve, or while the server shuts down)
import { json, route } from "@/lib/server/http/route";
import { isShuttingDown } from "@/lib/server/http/shutdown";
import { engineState } from "@/lib/engine/get-engine";
import { engineEnv } from "@/lib/server/env";
import { breakerFor } from "@/lib/server/orchestrator/breaker";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { describeTarget, servesEmbeddedEngine } from "@/lib/server/orchestrator/target";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const target = await targetFor(request);
  const info = describeTarget(target);
  // Only when this browser's requests go to the embedded engine does its state decide.
  const localEngine = servesEmbeddedEngine(target) ? engineState(engineEnv) : null;
  const stopping = isShuttingDown();
  const ok = !stopping && (localEngine === null || localEngine.state === "ready");
  return json(
    {
      ok,
      engine: info.engine,
      label: info.label,
      account: info.account,
      orchestrator: breakerFor(target.baseUrl).status(),
      ...(localEngine ? { localEngine } : {}),
      ...(stopping ? { stopping: true } : {}),
    },
    ok ? 200 : 503,
    ok ? undefined : { "retry-after": "1" },
  );
});
