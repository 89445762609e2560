// GET /api/workflows/watch?ids=a,b&wait=25&session=S&seq=N — one long-poll for all unfinished generations; returns when any finishes (submits sent with X-Watch-Session: S join it)
import { AppError } from "@/lib/server/http/problem";
import { checkId } from "@/lib/server/http/ids";
import { intParam, json, route } from "@/lib/server/http/route";
import { shutdownSignal } from "@/lib/server/http/shutdown";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { MAX_WATCH_IDS, sessionRef, watchGenerations } from "@/lib/server/orchestrator/watch";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const url = new URL(request.url);
  const raw = (url.searchParams.get("ids") ?? "").split(",").filter(Boolean);
  const ids = [...new Set(raw)].map((id) => checkId(id, "workflow"));
  if (ids.length === 0 || ids.length > MAX_WATCH_IDS) {
    throw new AppError("bad_request", {
      detail: `Watch 1 to ${MAX_WATCH_IDS} generations at a time (ids=a,b,c).`,
      fieldErrors: { ids: [`1 to ${MAX_WATCH_IDS} comma-separated ids`] },
    });
  }
  const wait = intParam(url, "wait", 25, 0, 55);
  const target = await targetFor(request);
  const session = sessionRef(url.searchParams.get("session"), url.searchParams.get("seq"));
  // A shutting-down server answers what it knows at once instead of holding the tab's connection.
  const signal = AbortSignal.any([request.signal, shutdownSignal()]);
  return json(await watchGenerations(target, ids, wait, signal, session));
});
