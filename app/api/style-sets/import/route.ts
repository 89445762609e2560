// POST /api/style-sets/import?existing=copy|append — add the sets of an export file (all or nothing; 400 naming every bad field); embedded images are uploaded to this studio's orchestrator; a set this studio already has is copied, or with existing=append gets the file's versions appended to its history
import { AppError } from "@/lib/server/http/problem";
import { json, readJson, route } from "@/lib/server/http/route";
import { targetFor } from "@/lib/server/orchestrator/request-target";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { adoptImages } from "@/lib/server/style-sets/portable";

export const dynamic = "force-dynamic";

/** Room for a thousand sets of ten long URLs, or a few sets with their images embedded. */
const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

export const POST = route(async (request) => {
  const existing = new URL(request.url).searchParams.get("existing") ?? "copy";
  if (existing !== "copy" && existing !== "append") {
    throw new AppError("bad_request", {
      detail: "existing must be copy or append.",
      fieldErrors: { existing: ["must be copy or append"] },
    });
  }
  const file = await readJson(request, IMPORT_MAX_BYTES);
  const adopted = await adoptImages(file, await targetFor(request), request.signal);
  const imported = await getStyleSetStore().importSets(adopted, { existing });
  return json({ imported }, 201);
});
