// GET /api/health — whether the studio can serve this browser: which engine and account its requests use, whether calls to the orchestrator are paused, the embedded engine's real state, and each dependency (database, Redis, orchestrator) with its latency; 503 with `reasons` while this instance cannot take submits (engine not ready, database or Redis unreachable, shutting down), for load balancers
import { json, route } from "@/lib/server/http/route";
import { isShuttingDown } from "@/lib/server/http/shutdown";
import { engineState } from "@/lib/engine/get-engine";
import { engineEnv } from "@/lib/server/env";
import { checkDependencies } from "@/lib/server/health/dependencies";
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
  const { dependencies, reasons } = await checkDependencies(target);
  if (stopping) reasons.unshift("This instance is shutting down.");
  if (localEngine && localEngine.state !== "ready") {
    reasons.push(`The embedded engine is ${localEngine.state}.`);
  }
  const ok = reasons.length === 0;
  return json(
    {
      ok,
      engine: info.engine,
      label: info.label,
      account: info.account,
      orchestrator: breakerFor(target.baseUrl).status(),
      ...(localEngine ? { localEngine } : {}),
      ...(stopping ? { stopping: true } : {}),
      dependencies,
      ...(ok ? {} : { reasons }),
    },
    ok ? 200 : 503,
    ok ? undefined : { "retry-after": "1" },
  );
});
