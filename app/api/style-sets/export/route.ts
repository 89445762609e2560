// GET /api/style-sets/export?ids=a,b — style sets with their history and statuses as a JSON file download (all live sets without ids); uploaded references' images are embedded, so the file works on another studio
import { json, route } from "@/lib/server/http/route";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId } from "@/lib/server/style-sets/http";
import { embedImages } from "@/lib/server/style-sets/portable";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const params = new URL(request.url).searchParams;
  const ids = params
    .getAll("ids")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .map(checkStyleSetId);
  const file = await embedImages(await getStyleSetStore().exportSets(ids.length ? ids : undefined));
  const day = file.exportedAt.slice(0, 10);
  return json(file, 200, {
    "content-disposition": `attachment; filename="krea-style-sets-${day}.json"`,
  });
});
