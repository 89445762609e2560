// GET /api/style-sets — live style sets, most recently updated first; POST — create one
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { etagOf } from "@/lib/server/style-sets/http";
import { styleSetCreateSchema } from "@/lib/contract/style-sets/schema";

export const dynamic = "force-dynamic";

export const GET = route(async () => json({ items: await getStyleSetStore().list() }));

export const POST = route(async (request) => {
  const input = parseOrThrow(styleSetCreateSchema, await readJson(request));
  const set = await getStyleSetStore().create(input);
  return json(set, 201, { location: `/api/style-sets/${set.id}`, etag: etagOf(set) });
});
