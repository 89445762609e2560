// POST /api/style-sets/import — add the sets of an export file (all or nothing; 400 naming every bad field)
import { json, readJson, route } from "@/lib/server/http/route";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";

export const dynamic = "force-dynamic";

/** Room for a thousand sets of ten long URLs. */
const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

export const POST = route(async (request) => {
  const imported = await getStyleSetStore().importSets(await readJson(request, IMPORT_MAX_BYTES));
  return json({ imported }, 201);
});
