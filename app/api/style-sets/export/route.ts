// GET /api/style-sets/export?ids=a,b — style sets as a JSON file download (all live sets without ids)
import { json, route } from "@/lib/server/http/route";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId } from "@/lib/server/style-sets/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const params = new URL(request.url).searchParams;
  const ids = params
    .getAll("ids")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .map(checkStyleSetId);
  const file = await getStyleSetStore().exportSets(ids.length ? ids : undefined);
  const day = file.exportedAt.slice(0, 10);
  return json(file, 200, {
    "content-disposition": `attachment; filename="krea-style-sets-${day}.json"`,
  });
});
