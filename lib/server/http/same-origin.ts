import "server-only";
import { AppError } from "./problem";

// Every request that changes something (anything but GET, HEAD, OPTIONS) must
// come from the studio's own page. Another site can make a browser send a form
// POST or a no-cors fetch with the studio's cookies attached; browsers label
// such requests, so they are refused here before any work is done:
// - Sec-Fetch-Site: cross-site, or same-site (a sibling subdomain) unless its
//   Origin is ours;
// - Origin: null (sandboxed frames, some redirects, file: pages) or any origin
//   other than ours.
// A request with neither header is let through: every current browser sends
// Sec-Fetch-Site on every request and Origin on every cross-origin write, so
// what lacks both is not a browser acting for another site (curl, scripts,
// server-to-server, tests). Safe methods are never checked: they change nothing.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin the browser believes it is talking to, from the proxy's or the Host header. */
function requestOrigin(request: Request): string | undefined {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return host ? `${proto.split(",")[0]?.trim()}://${host.split(",")[0]?.trim()}` : undefined;
}

/** Why the request looks made on behalf of another site, or null when it does not. */
export function crossSiteReason(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  const origin = request.headers.get("origin");
  if (site === "cross-site") return "Sec-Fetch-Site: cross-site";
  if (origin === null)
    return site === "same-site" ? "Sec-Fetch-Site: same-site without Origin" : null;
  // "null" is what sandboxed frames and some redirects send: not this studio.
  if (origin.trim() === "null") return "Origin: null";
  const expected = requestOrigin(request);
  if (!expected || origin.trim().toLowerCase() !== expected.toLowerCase()) {
    return `Origin ${origin.slice(0, 100)}`;
  }
  return null;
}

/** Throws 403 when the request was made on behalf of another site. */
export function assertSameOrigin(request: Request): void {
  const reason = crossSiteReason(request);
  if (reason === null) return;
  throw new AppError("forbidden", {
    title: "Cross-site request refused",
    detail:
      "This request came from another site, so the studio refused it and changed nothing. Use the studio's own page.",
    retryable: false,
    extensions: { reason },
  });
}
