// The optional access key (STUDIO_ACCESS_KEY). When set, proxy.ts lets a
// request through only with the sealed access cookie the sign-in screen sets,
// or with the key itself in the X-Studio-Access-Key header (the studio's own
// server calling its embedded engine, scripts). No "server-only" and no disk:
// proxy.ts imports this. The cookie is sealed (encrypted and signed) with a
// password derived from the key, so it proves the key was known, and changing
// the key signs everybody out.
import "server-only";
import { sealData, unsealData } from "iron-session";
import { readCookie, serializeCookie } from "@/lib/server/http/cookies";
import { envFrom, type EnvSource } from "@/lib/server/env";

export const ACCESS_COOKIE = "krea_access";
export const ACCESS_HEADER = "x-studio-access-key";
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The configured key, or undefined when the studio is open (the default, fine on loopback). */
export function accessKey(source?: EnvSource): string | undefined {
  return envFrom(source).STUDIO_ACCESS_KEY;
}

async function password(key: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`krea-studio-access-cookie\n${key}`),
  );
  return Buffer.from(digest).toString("hex");
}

/** Compares without leaking where the first difference is. */
export function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export async function accessCookie(key: string, secure: boolean): Promise<string> {
  const sealed = await sealData(
    { v: 1, at: Date.now() },
    { password: await password(key), ttl: MAX_AGE_SECONDS },
  );
  return serializeCookie(ACCESS_COOKIE, sealed, {
    maxAge: MAX_AGE_SECONDS,
    sameSite: "Lax",
    secure,
  });
}

export function accessClearCookie(secure: boolean): string {
  return serializeCookie(ACCESS_COOKIE, "", { maxAge: 0, sameSite: "Lax", secure });
}

/** True when the request may use the studio: no key configured, a valid cookie, or the key in the header. */
export async function hasAccess(request: Request, source?: EnvSource): Promise<boolean> {
  const key = accessKey(source);
  if (!key) return true;
  const header = request.headers.get(ACCESS_HEADER);
  if (header !== null) return sameSecret(header, key);
  const sealed = readCookie(request.headers.get("cookie"), ACCESS_COOKIE);
  if (!sealed) return false;
  try {
    const data = await unsealData<{ v?: number }>(sealed, {
      password: await password(key),
      ttl: MAX_AGE_SECONDS,
    });
    return data.v === 1;
  } catch {
    return false;
  }
}

/**
 * Headers the studio's server adds when it calls its own embedded engine over
 * loopback, which sits behind the same gate. Never added for any other host,
 * so the key does not travel to Civitai.
 */
export function accessHeadersFor(url: string, source?: EnvSource): Record<string, string> {
  const key = accessKey(source);
  if (!key) return {};
  try {
    const { hostname, pathname } = new URL(url);
    const loopback = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
    return loopback && pathname.startsWith("/api/local-engine") ? { [ACCESS_HEADER]: key } : {};
  } catch {
    return {};
  }
}
