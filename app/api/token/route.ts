// POST /api/token — verify a Civitai token and keep it in a sealed httpOnly cookie; DELETE — forget it
import * as z from "zod/mini";
import { isHttps } from "@/lib/server/http/cookies";
import { AppError, validationError } from "@/lib/server/http/problem";
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { verifyToken } from "@/lib/server/orchestrator/verify-token";
import { tokenClearCookie, tokenSetCookie } from "@/lib/server/session/token-cookie";
import { env } from "@/lib/server/env";

export const dynamic = "force-dynamic";

/** Printable ASCII without spaces: what API tokens are made of. */
const TOKEN_PATTERN = /^[\x21-\x7e]{8,512}$/;
const TOKEN_RULE = "token must be 8–512 printable characters without spaces";

const bodySchema = z.strictObject({ token: z.string("token is required") });

export const POST = route(async (request) => {
  // Pasted tokens often carry a trailing newline or space.
  const token = parseOrThrow(bodySchema, await readJson(request)).token.trim();
  if (!TOKEN_PATTERN.test(token)) throw validationError({ token: [TOKEN_RULE] }, TOKEN_RULE);

  const check = await verifyToken(token);
  if (check === "rejected") {
    throw new AppError("unauthorized", {
      title: "Civitai rejected this token",
      detail:
        "Civitai rejected this token (401). Copy it again from civitai.com → Account settings → API keys; nothing was saved.",
      fieldErrors: { token: ["Civitai rejected this token"] },
    });
  }
  // The body never carries the token: only what the browser may know.
  return json(
    {
      engine: "civitai",
      verified: check === "valid",
      note:
        check === "valid"
          ? "Civitai accepted the token."
          : "Saved, but Civitai could not be reached to verify the token. Generations will tell if it is wrong.",
    },
    200,
    { "set-cookie": await tokenSetCookie(token, isHttps(request)) },
  );
});

export const DELETE = route(async (request) => {
  return json(
    {
      engine: env().CIVITAI_TOKEN ? "civitai" : "local",
      note: env().CIVITAI_TOKEN
        ? "Your token is removed; the server's own Civitai token is used."
        : "Your token is removed; generations run on the local engine.",
    },
    200,
    { "set-cookie": tokenClearCookie(isHttps(request)) },
  );
});
