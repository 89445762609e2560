import "server-only";
import { resolveTarget, type OrchestratorTarget } from "./target";

/** The orchestrator target for an incoming request (its cookie decides). */
export function targetFor(request: Request): Promise<OrchestratorTarget> {
  return resolveTarget(request.headers.get("cookie"));
}
