import "server-only";
import { sealData, unsealData } from "iron-session";
import { readCookie, serializeCookie } from "@/lib/server/http/cookies";
import { studioSecret } from "./secret";

// The user's Civitai token lives only in this sealed (encrypted + signed),
// httpOnly, SameSite=Strict cookie. Browser JavaScript can neither read nor
// forge it, and no response body ever echoes it.
export const TOKEN_COOKIE = "krea_studio_token";
const MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

interface SealedToken {
  token: string;
}

/** The user's token from the request's cookie, or undefined (absent, tampered or expired). */
export async function tokenFromCookie(cookieHeader: string | null): Promise<string | undefined> {
  const sealed = readCookie(cookieHeader, TOKEN_COOKIE);
  if (!sealed) return undefined;
  try {
    const data = await unsealData<Partial<SealedToken>>(sealed, {
      password: studioSecret(),
      ttl: MAX_AGE_SECONDS,
    });
    return typeof data.token === "string" && data.token.length > 0 ? data.token : undefined;
  } catch {
    return undefined;
  }
}

/** A Set-Cookie value storing the token sealed. */
export async function tokenSetCookie(token: string, secure: boolean): Promise<string> {
  const sealed = await sealData({ token } satisfies SealedToken, {
    password: studioSecret(),
    ttl: MAX_AGE_SECONDS,
  });
  return serialize(TOKEN_COOKIE, sealed, MAX_AGE_SECONDS, secure);
}

/** A Set-Cookie value that removes the token. */
export function tokenClearCookie(secure: boolean): string {
  return serialize(TOKEN_COOKIE, "", 0, secure);
}

function serialize(name: string, value: string, maxAge: number, secure: boolean): string {
  return serializeCookie(name, value, { maxAge, sameSite: "Strict", secure });
}
