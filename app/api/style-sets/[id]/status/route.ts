// POST /api/style-sets/:id/status — { status: draft | approved | retired, version | If-Match, author }: records who and when (409 when stale)
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId, etagOf, expectedVersion } from "@/lib/server/style-sets/http";
import { statusChangeSchema } from "@/lib/contract/style-sets/history";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = route<Context>(async (request, { params }) => {
  const id = checkStyleSetId((await params).id);
  const body = parseOrThrow(statusChangeSchema, await readJson(request));
  const set = await getStyleSetStore().setStatus(
    id,
    body.status,
    expectedVersion(request, body.version),
    body.author,
  );
  return json(set, 200, { etag: etagOf(set) });
});
