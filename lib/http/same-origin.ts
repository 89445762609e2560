import { AppError } from "./problem";

// Routes that change what the server holds for this browser (its token cookie,
// later more) refuse requests another site makes the browser send. SameSite=Strict
// already keeps the cookie off cross-site requests; this also stops a cross-site
// form from *setting* or *clearing* it. Browsers send Sec-Fetch-Site on every
// request and Origin on every POST/DELETE; non-browser clients send neither and
// are not the threat here.

/** The origin the browser believes it is talking to, from the proxy's or the Host header. */
function requestOrigin(request: Request): string | undefined {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return host ? `${proto.split(",")[0]?.trim()}://${host.split(",")[0]?.trim()}` : undefined;
}

/** Throws 403 when the request was made on behalf of another site. */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site") throw crossSite();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const expected = requestOrigin(request);
  // "null" is what sandboxed frames and some redirects send: not this studio.
  if (origin === "null" || !expected || origin.toLowerCase() !== expected.toLowerCase()) {
    throw crossSite();
  }
}

function crossSite(): AppError {
  return new AppError("forbidden", {
    detail: "This request came from another site. Change the token from the studio's own page.",
    retryable: false,
  });
}
