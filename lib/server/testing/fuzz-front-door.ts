// The front door of the API fuzz (app/api/fuzz.test.ts): every route handler
// found on disk, and arbitrary ids, query strings, bodies, content types and
// headers to throw at them.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";

export type ExportedHandler = (
  request: Request,
  context: { params: Promise<unknown> },
) => Promise<Response>;

export interface Endpoint {
  method: string;
  /** path segments; null marks a dynamic one */
  segments: (string | null)[];
  /** the last dynamic segment's name */
  param?: string;
  /** every dynamic segment's name, in order (`/style-sets/[id]/versions/[n]` has two) */
  paramNames: string[];
  catchAll?: boolean;
  handler: ExportedHandler;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

export async function endpoints(apiDir: string): Promise<Endpoint[]> {
  const found: Endpoint[] = [];
  for (const file of routeFiles(apiDir)) {
    const mod: Partial<Record<string, ExportedHandler>> = await import(/* @vite-ignore */ file);
    const dirs = path.relative(apiDir, path.dirname(file)).split(path.sep);
    let param: string | undefined;
    const paramNames: string[] = [];
    let catchAll = false;
    const segments = dirs.map((d) => {
      if (d.startsWith("[...")) {
        catchAll = true;
        param = d.slice(4, -1);
        paramNames.push(param);
        return null;
      }
      if (d.startsWith("[")) {
        param = d.slice(1, -1);
        paramNames.push(param);
        return null;
      }
      return d;
    });
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const handler = mod[method];
      if (handler) found.push({ method, segments, param, paramNames, catchAll, handler });
    }
  }
  return found;
}

export const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((s) => s.trim());
export const idLike = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[a-z0-9_-]{1,30}$/),
  fc.constantFrom("..", "%2e%2e", "ss_aaaaaaaaaaaaaaaaaaaa", "wf_" + "a".repeat(20), "0", "null"),
);
export const krea = fc.record(
  {
    prompt: fc.oneof(fc.string({ maxLength: 60 }), fc.constant("")),
    size: fc.oneof(fc.constantFrom("medium", "large", "Medium", "huge"), fc.anything()),
    aspectRatio: fc.constantFrom("1:1", "16:9", "2.35:1", "5:4", ""),
    creativity: fc.constantFrom("raw", "low", "HIGH", 3),
    quantity: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double(), fc.string()),
    seed: fc.oneof(fc.integer(), fc.bigInt().map(String), fc.double()),
    imageStyleReferences: fc.array(
      fc.record({ imageUrl: fc.oneof(fc.string(), fc.webUrl()), strength: fc.double() }),
      { maxLength: 12 },
    ),
    negativePrompt: fc.string(),
    width: fc.integer(),
    name: fc.string({ maxLength: 90 }),
    references: fc.anything(),
    token: fc.string({ maxLength: 20 }),
    key: fc.string(),
    version: fc.oneof(fc.integer(), fc.string()),
    urls: fc.array(fc.string(), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
export const body = fc.oneof(
  { weight: 4, arbitrary: krea.map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
export const contentType = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/problem+json",
    "text/plain",
    "image/png",
    "image/svg+xml",
    "multipart/form-data; boundary=x",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
  ),
  headerValue,
);
export const query = fc.oneof(
  fc
    .dictionary(
      fc.oneof(
        fc.constantFrom("wait", "ids", "take", "cursor", "tags", "whatif", "id"),
        fc.string({ maxLength: 10 }),
      ),
      fc.oneof(fc.string({ maxLength: 30 }), fc.nat({ max: 3 }).map(String)),
      { maxKeys: 4 },
    )
    .map((d) => new URLSearchParams(d).toString()),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom("%zz", "ids=%E0%A4%A", "wait=99999999999999999999", "take=-1", "a&&&b==c"),
);
export const extraHeaders = fc.dictionary(
  fc.constantFrom(
    "idempotency-key",
    "if-match",
    "x-request-id",
    "cookie",
    "accept",
    "origin",
    "sec-fetch-site",
    "content-length",
    "x-forwarded-proto",
  ),
  headerValue,
  { maxKeys: 4 },
);
