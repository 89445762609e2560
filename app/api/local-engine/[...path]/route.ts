// /api/local-engine/* — the embedded orchestrator engine, served in-process (lib/engine).
import { randomUUID } from "node:crypto";
import { problemResponse } from "@/lib/server/http/problem";
import { assertSameOrigin } from "@/lib/server/http/same-origin";
import { getEngine } from "@/lib/engine/get-engine";
import { engineEnv } from "@/lib/server/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The engine is not a route() handler (it answers in the orchestrator's own
// problem shapes), but a page on another site must not create or delete its
// workflows through the designer's browser either.
const handle = async (request: Request) => {
  try {
    assertSameOrigin(request);
  } catch (error) {
    return problemResponse(error, randomUUID());
  }
  return getEngine(engineEnv).handle(request, "/api/local-engine");
};

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const HEAD = handle;
export const PATCH = handle;
