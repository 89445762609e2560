// /api/local-engine/* — the embedded orchestrator engine, served in-process (lib/local-engine).
import { getEngine } from "@/lib/local-engine/get-engine";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handle = (request: Request) => getEngine().handle(request, "/api/local-engine");

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const HEAD = handle;
export const PATCH = handle;
