// POST /api/sign-in — check the studio's access key and keep proof of it in a sealed cookie
import { timingSafeEqual, createHash } from "node:crypto";
import * as z from "zod/mini";
import { isHttps } from "@/lib/server/http/cookies";
import { AppError } from "@/lib/server/http/problem";
import { json, readJson, route } from "@/lib/server/http/route";
import { parseOrThrow } from "@/lib/server/http/validate";
import { accessCookie, accessKey } from "@/lib/server/session/access";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({ key: z.string("key is required") });

const digest = (value: string) => createHash("sha256").update(value).digest();

export const POST = route(async (request) => {
  const { key } = parseOrThrow(bodySchema, await readJson(request));
  const expected = accessKey();
  if (!expected) return json({ signedIn: true, required: false });
  // Hashing first makes the comparison constant-time whatever the lengths.
  if (!timingSafeEqual(digest(key.trim()), digest(expected))) {
    throw new AppError("unauthorized", {
      title: "Wrong access key",
      detail: "That is not this studio's access key. Ask whoever runs the studio for it.",
      fieldErrors: { key: ["That is not this studio's access key"] },
      retryable: false,
    });
  }
  return json({ signedIn: true, required: true }, 200, {
    "set-cookie": await accessCookie(expected, isHttps(request)),
  });
});
