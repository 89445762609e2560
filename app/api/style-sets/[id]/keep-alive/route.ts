// POST /api/style-sets/:id/keep-alive — refreshes the set's uploaded references (a fresh 30-day lifetime), uploads kept originals again for blobs that are gone: { set, references: [{ index, state }] }
import { json, route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId, etagOf } from "@/lib/server/style-sets/http";
import { keepStyleSetAlive } from "@/lib/server/style-sets/keep-alive";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, { params }) => {
  const id = checkStyleSetId((await params).id);
  const target = await targetFor(request);
  const kept = await keepStyleSetAlive(getStyleSetStore(), target, id, request.signal);
  return json(kept, 200, { etag: etagOf(kept.set) });
});
