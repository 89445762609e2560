// Hostile input, generated: fast-check sends arbitrary bodies, query strings,
// headers and ids to every API route (found on disk) and checks that each answer
// is a 4xx problem+json or a well-formed success, never a 5xx, and that input
// the studio refuses as invalid (400/413/415/422) never reached the orchestrator.
// Orchestrator calls are counted at the network (every SDK call goes through
// fetch), so a refusal after an upstream call would be caught.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeEngine } from "@/lib/local-engine/get-engine";
import { closeStyleSetStores, getStyleSetStore } from "@/lib/style-sets/get-store";
import { startStudioApiEnv, type StudioApiEnv } from "@/lib/testing/studio-api";

vi.hoisted(() => {
  process.env.STUDIO_RATE_LIMIT = "off";
  process.env.LOCAL_ENGINE_SPEED = "fast";
  process.env.ORCHESTRATOR_TIMEOUT_MS = "5000";
});

const API_DIR = path.dirname(fileURLToPath(import.meta.url));
const ORIGIN = "http://127.0.0.1:3000";
const RUNS = Number(process.env.FUZZ_RUNS || 10_500);
const INVALID = new Set([400, 413, 415, 422]);

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

interface Endpoint {
  method: string;
  /** path segments; null marks a dynamic one */
  segments: (string | null)[];
  param?: string;
  catchAll?: boolean;
  handler: Handler;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function endpoints(): Promise<Endpoint[]> {
  const found: Endpoint[] = [];
  for (const file of routeFiles(API_DIR)) {
    const mod: Partial<Record<string, Handler>> = await import(/* @vite-ignore */ file);
    const dirs = path.relative(API_DIR, path.dirname(file)).split(path.sep);
    let param: string | undefined;
    let catchAll = false;
    const segments = dirs.map((d) => {
      if (d.startsWith("[...")) {
        catchAll = true;
        param = d.slice(4, -1);
        return null;
      }
      if (d.startsWith("[")) {
        param = d.slice(1, -1);
        return null;
      }
      return d;
    });
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const handler = mod[method];
      if (handler) found.push({ method, segments, param, catchAll, handler });
    }
  }
  return found;
}

// --- arbitraries -----------------------------------------------------------

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((s) => s.trim());
const idLike = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[a-z0-9_-]{1,30}$/),
  fc.constantFrom("..", "%2e%2e", "ss_aaaaaaaaaaaaaaaaaaaa", "wf_" + "a".repeat(20), "0", "null"),
);
const krea = fc.record(
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
const body = fc.oneof(
  { weight: 4, arbitrary: krea.map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const contentType = fc.oneof(
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
const query = fc.oneof(
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
const extraHeaders = fc.dictionary(
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

// --- the run ---------------------------------------------------------------

let env: StudioApiEnv;
let upstreamCalls = 0;
/** statuses the orchestrator answered, in order */
const upstreamStatuses: number[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  env = await startStudioApiEnv();
  // Counts every request the studio's server makes to the orchestrator.
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(env.engine.url)) return realFetch(input, init);
    upstreamCalls++;
    return realFetch(input, init).then((response) => {
      upstreamStatuses.push(response.status);
      return response;
    });
  });
  await getStyleSetStore().create({ name: "Fuzz target", note: "", references: [] });
});
afterAll(async () => {
  vi.restoreAllMocks();
  closeStyleSetStores();
  await closeEngine();
  await env.close();
});

// Routes log their (expected) 4xx causes only at debug level; 5xx would be logged and fail below anyway.
vi.spyOn(console, "error").mockImplementation(() => undefined);

describe("fuzzed requests to every API route", () => {
  it(`answers ${RUNS} arbitrary requests with 4xx problem+json or a correct success, never 5xx`, async () => {
    const all = await endpoints();
    expect(all.length).toBeGreaterThanOrEqual(20);
    const tally = { total: 0, success: 0, refused: 0, fiveXX: 0, upstreamOnInvalid: 0 };
    const byStatus = new Map<number, number>();
    const routesHit = new Set<string>();

    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: all.length - 1 }),
        idLike,
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        query,
        body,
        contentType,
        extraHeaders,
        async (index, id, rest, search, payload, type, headers) => {
          const endpoint = all[index]!;
          const parts = endpoint.segments.map((s) =>
            s === null
              ? endpoint.catchAll
                ? rest.map(encodeURIComponent).join("/")
                : encodeURIComponent(id)
              : s,
          );
          const url = `${ORIGIN}/api/${parts.join("/")}${search ? `?${search}` : ""}`;
          const params = endpoint.param ? { [endpoint.param]: endpoint.catchAll ? rest : id } : {};
          const hasBody = endpoint.method !== "GET" && payload !== undefined;
          const requestHeaders = new Headers();
          for (const [name, value] of Object.entries(headers)) {
            // content-length is the runtime's to set; a forged one is a different test (body caps).
            if (name !== "content-length") requestHeaders.set(name, value);
          }
          if (hasBody) requestHeaders.set("content-type", type);
          let request: Request;
          try {
            request = new Request(url, {
              method: endpoint.method,
              headers: requestHeaders,
              body: hasBody ? payload : undefined,
            });
          } catch {
            return; // not a request any client could send (e.g. an unparsable URL)
          }
          const before = upstreamCalls;
          const response = await endpoint.handler(request, { params: Promise.resolve(params) });
          const status = response.status;
          tally.total++;
          routesHit.add(
            `${endpoint.method} /${endpoint.segments.map((s) => s ?? ":id").join("/")}`,
          );
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          const text = await response.text();
          const label = `${endpoint.method} ${url} → ${status} ${text.slice(0, 300)}`;
          if (status >= 500) tally.fiveXX++;
          expect(status, label).toBeLessThan(500);
          if (status >= 400) {
            tally.refused++;
            expect(response.headers.get("content-type"), label).toMatch(
              /^application\/problem\+json/,
            );
            const problem = JSON.parse(text);
            expect(problem.status, label).toBe(status);
            expect(typeof problem.detail === "string" || typeof problem.title === "string").toBe(
              true,
            );
            // Refused as invalid, or an id that is not even well-formed (404 before
            // any call). Only the orchestrator can judge opaque values (a cursor it
            // handed out): a refusal it made itself is passed on, not ours.
            const upstreamRefused = upstreamStatuses
              .slice(upstreamStatuses.length - (upstreamCalls - before))
              .some((s) => s >= 400 && s < 500);
            const refusedLocally =
              !upstreamRefused &&
              (INVALID.has(status) || /no (workflow|image) with that id/.test(text));
            if (refusedLocally && upstreamCalls !== before) tally.upstreamOnInvalid++;
            if (refusedLocally)
              expect(upstreamCalls, `invalid input reached the orchestrator: ${label}`).toBe(
                before,
              );
          } else {
            tally.success++;
            const type = response.headers.get("content-type") ?? "";
            if (/json/.test(type)) expect(() => JSON.parse(text), label).not.toThrow();
            else if (status !== 204 && status < 300)
              expect(type, label).toMatch(/^image\/|octet-stream/);
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || undefined },
    );

    console.log(
      `fuzz: ${tally.total} requests (bodies, query strings, headers, ids) over ${routesHit.size} route handlers; ` +
        `${tally.success} succeeded, ${tally.refused} refused with 4xx problem+json, 5xx = ${tally.fiveXX}, ` +
        `upstream calls on invalid input = ${tally.upstreamOnInvalid}; statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
    );
    expect(tally.total).toBeGreaterThanOrEqual(10_000);
    expect(routesHit.size).toBe(all.length);
  }, 240_000);

  it("refuses oversized bodies (413), deep JSON (400), wrong content types (415) and malformed multipart (400) on every route that reads a body", async () => {
    const all = await endpoints();
    const writes = all.filter((e) => e.method !== "GET" && e.method !== "DELETE" && !e.catchAll);
    const send = (e: Endpoint, body: BodyInit, type: string) => {
      const parts = e.segments.map((seg) => seg ?? "ss_aaaaaaaaaaaaaaaaaaaa");
      return e.handler(
        new Request(`${ORIGIN}/api/${parts.join("/")}`, {
          method: e.method,
          headers: { "content-type": type },
          body,
        }),
        { params: Promise.resolve(e.param ? { [e.param]: "ss_aaaaaaaaaaaaaaaaaaaa" } : {}) },
      );
    };
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const huge = JSON.stringify({ prompt: "x".repeat(11 * 1024 * 1024) });
    let checked = 0;
    for (const e of writes) {
      const callsBefore = upstreamCalls;
      const wrongType = await send(e, "{}", "text/plain");
      // Routes that take no body (duplicate, restore, refresh) answer without reading it.
      if (wrongType.status !== 415) continue;
      const label = `${e.method} /${e.segments.join("/")}`;
      expect(wrongType.headers.get("content-type"), label).toBe("application/problem+json");
      const isUpload = e.segments.includes("uploads");
      const big = await send(e, huge, isUpload ? "image/png" : "application/json");
      expect(big.status, `${label} oversized`).toBe(413);
      if (isUpload) {
        const garbage = await send(e, "--x\r\nnot a part", "multipart/form-data; boundary=x");
        expect(garbage.status, `${label} malformed multipart`).toBe(400);
        const notAnImage = await send(e, "GIF89a but not really", "image/png");
        expect([415, 422], `${label} bytes that are no image`).toContain(notAnImage.status);
      } else {
        const nested = await send(e, deep, "application/json");
        expect(nested.status, `${label} deep JSON`).toBe(400);
        expect((await nested.json()).detail).toMatch(/nests deeper/);
      }
      expect(upstreamCalls, `${label} called the orchestrator`).toBe(callsBefore);
      checked++;
    }
    console.log(
      `hostile bodies: ${checked} body-reading routes refuse oversized, deep, mistyped and malformed bodies early`,
    );
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
