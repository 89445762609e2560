// GET /api/style-sets/:id/versions/:n/proofs — the version's proof renders; POST — { proofs: [{ promptIndex, workflowId }], author } records a proof run (201)
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { checkStyleSetId, checkVersionParam } from "@/lib/server/style-sets/http";
import { proofRecordSchema } from "@/lib/contract/style-sets/proof";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; n: string }> };

export const GET = route<Context>(async (_request, { params }) => {
  const { id, n } = await params;
  const setId = checkStyleSetId(id);
  return json({ items: await getStyleSetStore().proofs(setId, checkVersionParam(setId, n)) });
});

export const POST = route<Context>(async (request, { params }) => {
  const { id, n } = await params;
  const setId = checkStyleSetId(id);
  // The body first: a hostile one is refused as such whatever the path says.
  const body = parseOrThrow(proofRecordSchema, await readJson(request));
  const version = checkVersionParam(setId, n);
  const items = await getStyleSetStore().recordProofs(setId, version, body.proofs, body.author);
  return json({ items }, 201);
});
