// Path matching for the engine's routes. Patterns are segment lists where
// ":name" captures one (decoded) segment. Unknown paths are 404, known paths
// with another method 405 with an Allow header, as ASP.NET routing answers.
import { EngineError } from "./problems";

export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Route<H> {
  pattern: string[];
  methods: Partial<Record<Method, H>>;
  /** false only for signed content URLs: the signature is the credential */
  auth: boolean;
}

export function route<H>(path: string, methods: Partial<Record<Method, H>>, auth = true): Route<H> {
  return { pattern: path.split("/").filter(Boolean), methods, auth };
}

export interface Match<H> {
  handler: H;
  auth: boolean;
  params: Record<string, string>;
  /** HEAD served by the GET handler: the body is dropped afterwards */
  headFromGet: boolean;
  /** the matched route's pattern (names the route for fault injection) */
  pattern: string[];
}

/** Splits the path under `basePath` into decoded segments, or null when it is not under it. */
export function segmentsUnder(pathname: string, basePath: string): string[] | null {
  const base = basePath.replace(/\/+$/, "");
  if (base && pathname !== base && !pathname.startsWith(`${base}/`)) return null;
  const rest = pathname.slice(base.length);
  try {
    return rest.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

export function matchRoute<H>(routes: Route<H>[], segments: string[], method: string): Match<H> {
  const candidates: { route: Route<H>; params: Record<string, string> }[] = [];
  for (const r of routes) {
    const params = matchPattern(r.pattern, segments);
    if (params) candidates.push({ route: r, params });
  }
  if (candidates.length === 0) {
    throw new EngineError(404, `No endpoint at /${segments.join("/")}`);
  }
  for (const { route: r, params } of candidates) {
    const handler = r.methods[method as Method];
    if (handler) return { handler, auth: r.auth, params, headFromGet: false, pattern: r.pattern };
  }
  if (method === "HEAD") {
    for (const { route: r, params } of candidates) {
      if (r.methods.GET) {
        return {
          handler: r.methods.GET,
          auth: r.auth,
          params,
          headFromGet: true,
          pattern: r.pattern,
        };
      }
    }
  }
  const allow = [...new Set(candidates.flatMap(({ route: r }) => Object.keys(r.methods)))];
  if (allow.includes("GET") && !allow.includes("HEAD")) allow.push("HEAD");
  throw new EngineError(405, `${method} is not supported here; use ${allow.join(", ")}`, {
    headers: { allow: allow.join(", ") },
  });
}

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? "";
    const s = segments[i] ?? "";
    if (p.startsWith(":")) params[p.slice(1)] = s;
    else if (p !== s) return null;
  }
  return params;
}
