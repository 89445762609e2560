// Cookie plumbing shared by route handlers and proxy.ts (which must not import
// server-only modules that touch the disk at import time).
import "server-only";

export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface CookieOptions {
  maxAge: number;
  httpOnly?: boolean;
  sameSite: "Strict" | "Lax";
  secure: boolean;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${options.maxAge}`,
    `SameSite=${options.sameSite}`,
  ];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** True when the browser reached the studio over https (directly or through a proxy). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(/:$/, "")) === "https";
}

/**
 * The anonymous per-browser id proxy.ts hands out, so rate limits are per
 * client without accounts. Not an identity: anyone can drop or invent one,
 * which is why every limit also has a global bucket.
 */
export const CLIENT_COOKIE = "krea_client";
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
