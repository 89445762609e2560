// GET /api/style-sets/:id — one set; PATCH — change it (version or If-Match required, 409 when stale); DELETE — move it to the bin (restorable)
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId, etagOf, expectedVersion } from "@/lib/server/style-sets/http";
import { styleSetPatchSchema } from "@/lib/contract/style-sets/schema";
import { styleSetNotFound } from "@/lib/server/style-sets/store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  const id = checkStyleSetId((await params).id);
  const set = await getStyleSetStore().get(id);
  if (!set) throw styleSetNotFound(id);
  return json(set, 200, { etag: etagOf(set) });
});

export const PATCH = route<Context>(async (request, { params }) => {
  const id = checkStyleSetId((await params).id);
  const { version, ...patch } = parseOrThrow(styleSetPatchSchema, await readJson(request));
  const set = await getStyleSetStore().update(id, patch, expectedVersion(request, version));
  return json(set, 200, { etag: etagOf(set) });
});

export const DELETE = route<Context>(async (_request, { params }) => {
  const id = checkStyleSetId((await params).id);
  return json(await getStyleSetStore().remove(id));
});
