// POST /api/references/check — is a pasted reference URL public and an image? { url } → { ok, … } or { ok: false, warning }
import * as z from "zod/mini";
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { checkReferenceUrl } from "@/lib/server/references/check-url";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({
  url: z
    .string({ error: "url is required" })
    .check(
      z.minLength(1, "url is required"),
      z.maxLength(4096, "url is too long (at most 4096 characters)"),
    ),
});

export const POST = route(async (request) => {
  const { url } = parseOrThrow(bodySchema, await readJson(request, 16 * 1024));
  return json(await checkReferenceUrl(url, { signal: request.signal }));
});
