// Runs before every page and API route (Next 16's successor to middleware):
// - the optional access key (STUDIO_ACCESS_KEY): without it pages go to the
//   sign-in screen and API routes answer 401, before any handler runs;
// - a Content-Security-Policy with a fresh nonce on every page, which Next
//   reads from the request to put on its own scripts;
// - an anonymous per-browser id cookie, the "client" rate limits count against.
import { NextResponse, type NextRequest } from "next/server";
import {
  CLIENT_COOKIE,
  CLIENT_ID_PATTERN,
  isHttps,
  readCookie,
  serializeCookie,
} from "@/lib/server/http/cookies";
import { contentSecurityPolicy, newNonce } from "@/lib/server/security/csp";
import { hasAccess } from "@/lib/server/session/access";

/** What a visitor without the key may load: the sign-in screen and what it needs. */
const OPEN_PATHS = new Set(["/sign-in", "/api/sign-in", "/icon.svg"]);

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");

  if (!OPEN_PATHS.has(pathname) && !(await hasAccess(request))) {
    if (isApi) {
      return NextResponse.json(
        {
          type: "https://krea-studio.local/problems/unauthorized",
          title: "Sign in first",
          status: 401,
          detail: "This studio needs its access key. Open the studio and sign in.",
          kind: "unauthorized",
        },
        {
          status: 401,
          headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
        },
      );
    }
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn, 303);
  }

  const requestHeaders = new Headers(request.headers);
  let policy: string | undefined;
  if (!isApi) {
    policy = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
    requestHeaders.set("content-security-policy", policy);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (policy) response.headers.set("content-security-policy", policy);

  const clientId = readCookie(request.headers.get("cookie"), CLIENT_COOKIE);
  if (!isApi && (!clientId || !CLIENT_ID_PATTERN.test(clientId))) {
    response.headers.append(
      "set-cookie",
      serializeCookie(CLIENT_COOKIE, crypto.randomUUID().replaceAll("-", ""), {
        maxAge: 365 * 24 * 60 * 60,
        sameSite: "Lax",
        secure: isHttps(request),
      }),
    );
  }
  return response;
}

export const config = {
  // Static build output carries no secrets and must load on the sign-in screen too.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
