// Hostile input, generated, in two depths. The front door: fast-check sends
// arbitrary bodies, query strings, headers and ids to every API route (found on
// disk); each answer must be a 4xx problem+json or a well-formed success. Deep:
// requests valid by construction (lib/server/testing/fuzz-cases.ts: a proper key,
// same-origin headers, real ids, bodies the contract accepts) with at most one
// thing broken; the valid ones must succeed, the broken ones must get the
// refusal they name, and every route that writes must see enough of both.
// Orchestrator calls are counted at the network (every SDK call goes through
// fetch): an input the studio refuses must never have reached the orchestrator.
// The tallies are asserted after they are printed, so a non-zero one fails.
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import sharp from "sharp";
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  SEED_MAX,
  STRENGTH_MAX,
  STRENGTH_MIN,
} from "@/lib/contract/krea/options";
import { closeEngine } from "@/lib/engine/get-engine";
import type { Generation } from "@/lib/contract/generations/types";
import { closeStyleSetStores, getStyleSetStore } from "@/lib/server/style-sets/get-store";
import {
  buildCase,
  CROSS_SITE,
  isStudioWrite,
  ORIGIN,
  routeKey,
  ROUTES,
  type Draw,
  type FuzzCase,
  type World,
} from "@/lib/server/testing/fuzz-cases";
import {
  body,
  contentType,
  endpoints as endpointsIn,
  extraHeaders,
  idLike,
  query,
  type Endpoint,
  type ExportedHandler,
} from "@/lib/server/testing/fuzz-front-door";
import { startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";

// No name resolves: reference checks never leave the machine (they answer a warning).
vi.mock("node:dns/promises", () => {
  const lookup = async (host: string) => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  };
  return { lookup, default: { lookup } };
});

vi.hoisted(() => {
  process.env.STUDIO_RATE_LIMIT = "off";
  process.env.LOCAL_ENGINE_SPEED = "fast";
  process.env.ORCHESTRATOR_TIMEOUT_MS = "5000";
});

const API_DIR = path.dirname(fileURLToPath(import.meta.url));
const endpoints = () => endpointsIn(API_DIR);
const RUNS = Number(process.env.FUZZ_RUNS || 6_000);
const DEEP_RUNS = Number(process.env.FUZZ_DEEP_RUNS || 2_000);
/** every route that writes must succeed at least this share of its deep cases… */
const MIN_SUCCESS = 0.3;
/** …and refuse at least this share as malformed (each with the status the case names) */
const MIN_REFUSED = 0.2;

// --- the run ---------------------------------------------------------------

let env: StudioApiEnv;
/**
 * The orchestrator calls made on behalf of one request, followed through its
 * async context: a grid's loop that an earlier request started keeps polling in
 * the background (its own context) and is not this request's call.
 */
const requestCalls = new AsyncLocalStorage<{ calls: number; statuses: number[] }>();
const realFetch = globalThis.fetch;
let world: World;

type Answer = { status: number; text: string; type: string; calls: number; upstream: number[] };

/** Calls a handler, noting the orchestrator calls made while it ran. */
async function call(handler: ExportedHandler, request: Request, params: unknown): Promise<Answer> {
  const seen: { calls: number; statuses: number[] } = { calls: 0, statuses: [] };
  const { response, text } = await requestCalls.run(seen, async () => {
    const response = await handler(request, { params: Promise.resolve(params) });
    return { response, text: await response.text() };
  });
  return {
    status: response.status,
    text,
    type: response.headers.get("content-type") ?? "",
    calls: seen.calls,
    upstream: seen.statuses,
  };
}

function handlerFor(all: Endpoint[], method: string, path: string): Endpoint {
  const found = all.find(
    (e) => routeKey({ method: e.method, path: pathOf(e) }) === `${method} ${path}`,
  );
  if (!found) throw new Error(`no handler for ${method} ${path}`);
  return found;
}
const pathOf = (e: Endpoint) => {
  let dynamic = 0;
  return `/${e.segments.map((s) => (s === null ? `:${e.paramNames[dynamic++]}` : s)).join("/")}`;
};
/** Every dynamic segment of `e` given `value` (the catch-all gets `rest`). */
const paramsOf = (e: Endpoint, value: string, rest: string[] = []) =>
  Object.fromEntries(
    e.paramNames.map((name) => [name, e.catchAll && name === e.param ? rest : value]),
  );

async function buildWorld(all: Endpoint[]): Promise<World> {
  const store = getStyleSetStore();
  for (const name of ["Fuzz A", "Fuzz B", "Fuzz C"]) {
    await store.create({ name, note: "", references: [] });
  }
  const png = new Uint8Array(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c33" } })
      .png()
      .toBuffer(),
  );
  const post = async (method: string, path: string, init: RequestInit) => {
    const e = handlerFor(all, method, path.split("?")[0]!);
    const a = await call(e.handler, new Request(`${ORIGIN}/api${path}`, init), {});
    expect(a.status, a.text).toBeLessThan(300);
    return JSON.parse(a.text);
  };
  const upload: { id: string; thumbnailId: string } = await post("POST", "/uploads", {
    method: "POST",
    headers: { "content-type": "image/png" },
    body: png,
  });
  const workflows: World["workflows"] = [];
  const imageBlobs: string[] = [];
  for (const quantity of [1, 2, 4]) {
    const g: Generation = await post("POST", "/workflows?wait=30", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `fuzz-world-${quantity}` },
      body: JSON.stringify({
        prompt: `fuzz world ${quantity}`,
        size: "medium",
        aspectRatio: "1:1",
        creativity: "medium",
        quantity,
        imageStyleReferences: [],
      }),
    });
    expect(g.images.length).toBe(quantity);
    workflows.push({ id: g.id, images: quantity });
    imageBlobs.push(...g.images.map((i) => i.id));
  }
  const plans: string[] = [];
  for (const n of [1, 2]) {
    const plan: { id: string } = await post("POST", "/plans", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `fuzz-plan-${n}` },
      body: JSON.stringify({
        spec: {
          base: { prompt: `fuzz grid ${n}` },
          axes: [{ kind: "size", values: ["medium", "large"] }],
        },
        expectedTotal: 117,
      }),
    });
    plans.push(plan.id);
  }
  const liveSets = async () => {
    const sets = await store.list();
    return sets.length > 0
      ? sets
      : [await store.create({ name: "Fuzz", note: "", references: [] })];
  };
  return {
    workflows,
    imageBlobs,
    referenceBlobs: [upload.id],
    thumbnails: [upload.thumbnailId],
    png,
    liveSets,
    plans,
    async binned() {
      const [set] = await liveSets();
      await store.remove(set!.id);
      return set!.id;
    },
  };
}

beforeAll(async () => {
  env = await startStudioApiEnv();
  // Counts every request the studio's server makes to the orchestrator.
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(env.engine.url)) return realFetch(input, init);
    const seen = requestCalls.getStore();
    if (seen) seen.calls++;
    return realFetch(input, init).then((response) => {
      seen?.statuses.push(response.status);
      return response;
    });
  });
  world = await buildWorld(await endpoints());
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await closeStyleSetStores();
  await closeEngine();
  await env.close();
});

// Routes log their (expected) 4xx causes only at debug level; 5xx are counted below.
vi.spyOn(console, "error").mockImplementation(() => undefined);

/** What a success must look like: JSON that parses, image bytes, or a zip's or PDF's header. */
function wellFormedSuccess(a: Answer): boolean {
  if (a.type.startsWith("application/zip")) return a.text.startsWith("PK\u0003\u0004");
  if (a.type.startsWith("application/pdf")) return a.text.startsWith("%PDF-");
  if (/json/.test(a.type)) {
    try {
      JSON.parse(a.text);
      return true;
    } catch {
      return false;
    }
  }
  return a.status === 204 || /^image\/|octet-stream/.test(a.type);
}

function isProblem(a: Answer): boolean {
  if (!/^application\/problem\+json/.test(a.type)) return false;
  try {
    const p = JSON.parse(a.text);
    return p.status === a.status && (typeof p.detail === "string" || typeof p.title === "string");
  } catch {
    return false;
  }
}

describe("fuzzed requests to every API route", () => {
  it(`answers ${RUNS} arbitrary requests with 4xx problem+json or a correct success, never 5xx`, async () => {
    const all = await endpoints();
    expect(all.length).toBeGreaterThanOrEqual(20);
    const tally = {
      total: 0,
      success: 0,
      refused: 0,
      fiveXX: 0,
      malformed: 0,
      upstreamOnInvalid: 0,
    };
    const byStatus = new Map<number, number>();
    const routesHit = new Set<string>();
    const bad: string[] = [];

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
          const params = paramsOf(endpoint, id, rest);
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
          const a = await call(endpoint.handler, request, params);
          tally.total++;
          routesHit.add(`${endpoint.method} ${pathOf(endpoint)}`);
          byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
          const label = `${endpoint.method} ${url} → ${a.status} ${a.text.slice(0, 200)}`;
          if (a.status >= 500) {
            tally.fiveXX++;
            bad.push(label);
          } else if (a.status >= 400) {
            tally.refused++;
            if (!isProblem(a)) {
              tally.malformed++;
              bad.push(`not problem+json: ${label}`);
            }
            // Any 4xx the orchestrator did not give itself must come before any call to it.
            const upstreamRefused = a.upstream.some((s) => s >= 400 && s < 500);
            if (a.calls > 0 && !upstreamRefused) {
              tally.upstreamOnInvalid++;
              bad.push(`refused after ${a.calls} orchestrator call(s): ${label}`);
            }
          } else {
            tally.success++;
            if (!wellFormedSuccess(a)) {
              tally.malformed++;
              bad.push(`malformed success: ${label}`);
            }
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || undefined },
    );

    console.log(
      `fuzz (front door): ${tally.total} arbitrary requests over ${routesHit.size} route handlers; ` +
        `${tally.success} succeeded, ${tally.refused} refused; 5xx = ${tally.fiveXX}, malformed answers = ${tally.malformed}, ` +
        `orchestrator calls before a 4xx of ours = ${tally.upstreamOnInvalid}; statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
    );
    expect(bad.slice(0, 5)).toEqual([]);
    expect(tally.fiveXX).toBe(0);
    expect(tally.malformed).toBe(0);
    expect(tally.upstreamOnInvalid).toBe(0);
    expect(tally.total).toBeGreaterThanOrEqual(RUNS * 0.95);
    expect(routesHit.size).toBe(all.length);
  }, 240_000);

  it(`answers ${DEEP_RUNS} valid-by-construction requests (one field broken in some) as the contract says`, async () => {
    const all = await endpoints();
    // Every handler on disk has a case builder, and every case builder a handler.
    expect(ROUTES.map(routeKey).sort()).toEqual(all.map((e) => `${e.method} ${pathOf(e)}`).sort());

    interface RouteTally {
      cases: number;
      ok: number;
      /** malformed input refused with the status its case names */
      refused: number;
      /** cross-site writes refused with 403 */
      crossSite: number;
      unexpected: number;
      ms: number;
    }
    const tallies = new Map(
      ROUTES.map((r) => [
        routeKey(r),
        { cases: 0, ok: 0, refused: 0, crossSite: 0, unexpected: 0, ms: 0 } as RouteTally,
      ]),
    );
    const totals = { fiveXX: 0, upstreamOn4xx: 0, passedOn4xx: 0 };
    const bad: string[] = [];
    const krea = fc.record({
      prompt: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ""),
      size: fc.constantFrom(...KREA_SIZES),
      aspectRatio: fc.constantFrom(...ASPECT_RATIOS),
      creativity: fc.constantFrom(...CREATIVITY_LEVELS),
      quantity: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: SEED_MAX }),
      imageStyleReferences: fc.array(
        fc.record({
          imageUrl: fc.webUrl({ validSchemes: ["https"] }).filter((u) => u.length <= 2048),
          strength: fc.double({ min: STRENGTH_MIN, max: STRENGTH_MAX, noNaN: true }),
        }),
        { maxLength: 3 },
      ),
    });
    const draw: fc.Arbitrary<Draw> = fc.record({
      krea,
      pick: fc.nat(),
      text: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ""),
      mutation: fc.constant(null),
    });

    await fc.assert(
      fc.asyncProperty(fc.nat({ max: ROUTES.length - 1 }), draw, async (index, d) => {
        const spec = ROUTES[index]!;
        const t = tallies.get(routeKey(spec))!;
        // Each route alternates a valid case and a broken one, the broken ones
        // taking its mutations in turn, so the shares asserted below are steady.
        const mutation = t.cases % 2 === 1 ? (t.cases - 1) / 2 : null;
        const c: FuzzCase = await buildCase(world, spec, { ...d, mutation });
        const endpoint = handlerFor(all, c.method, spec.path);
        const request = new Request(`${ORIGIN}/api/${c.path}`, {
          method: c.method,
          headers: c.headers,
          body: c.body,
        });
        const started = performance.now();
        const a = await call(endpoint.handler, request, c.params);
        t.ms += performance.now() - started;
        t.cases++;
        const label = `${c.method} /api/${c.path.slice(0, 120)} [${c.mutation?.what ?? "valid"}] → ${a.status} ${a.text.slice(0, 200)}`;
        if (a.status >= 500) totals.fiveXX++;
        if (a.status >= 400 && a.status < 500 && a.calls > 0) {
          // Broken input must be refused before any call; a valid one may only
          // carry a refusal the orchestrator made itself (counted apart).
          if (c.mutation || !a.upstream.some((s) => s >= 400 && s < 500)) {
            totals.upstreamOn4xx++;
            bad.push(`orchestrator called ${a.calls}× for a 4xx: ${label}`);
          } else totals.passedOn4xx++;
        }
        if (spec.studio === false) {
          // The engine's answers are its contract tests' to judge; only counted here.
          if (a.status < 300) t.ok++;
          return;
        }
        if (c.mutation) {
          if (c.mutation.expect.includes(a.status) && isProblem(a)) {
            if (c.mutation.what === CROSS_SITE) t.crossSite++;
            else t.refused++;
          } else {
            t.unexpected++;
            bad.push(`expected ${c.mutation.expect.join("/")}: ${label}`);
          }
        } else if (a.status < 300 && wellFormedSuccess(a)) t.ok++;
        else {
          t.unexpected++;
          bad.push(`expected a success: ${label}`);
        }
      }),
      { numRuns: DEEP_RUNS, seed: Number(process.env.FUZZ_SEED) || undefined },
    );

    const rows = [...tallies].map(
      ([route, t]) =>
        `  ${route.padEnd(34)} ${String(t.cases).padStart(4)} cases: ${String(t.ok).padStart(4)} ok, ${String(t.refused).padStart(4)} refused as malformed, ${String(t.crossSite).padStart(3)} as cross-site, ${t.unexpected} unexpected (${Math.round(t.ms)} ms)`,
    );
    console.log(
      `fuzz (deep): ${DEEP_RUNS} requests valid by construction, every second one per route with one thing broken\n${rows.join("\n")}\n` +
        `  5xx = ${totals.fiveXX}; orchestrator calls for input that ended in 4xx = ${totals.upstreamOn4xx} ` +
        `(plus ${totals.passedOn4xx} refusals the orchestrator made itself and the studio passed on)`,
    );
    if (bad.length > 0) console.log(bad.join("\n"));
    expect(bad.slice(0, 8)).toEqual([]);
    expect(totals.fiveXX).toBe(0);
    expect(totals.upstreamOn4xx).toBe(0);
    for (const spec of ROUTES) {
      const t = tallies.get(routeKey(spec))!;
      expect(t.unexpected, routeKey(spec)).toBe(0);
      if (!isStudioWrite(spec)) continue;
      expect(t.ok / t.cases, `${routeKey(spec)} successes`).toBeGreaterThanOrEqual(MIN_SUCCESS);
      // DELETE /token takes no input at all: nothing of it can be malformed.
      if (spec.mutations.every(([what]) => what === CROSS_SITE)) continue;
      expect(t.refused / t.cases, `${routeKey(spec)} refusals`).toBeGreaterThanOrEqual(MIN_REFUSED);
    }
  }, 400_000);
});

/** Every route that reads a request body. A new one must be added here, or the test below fails. */
const BODY_ROUTES = [
  "POST /workflows",
  "POST /plans",
  "PUT /plans/:id/picks",
  "POST /downloads/zip",
  "POST /estimate",
  "POST /references/check",
  "POST /references/refresh",
  "POST /sign-in",
  "POST /style-sets",
  "PATCH /style-sets/:id",
  "POST /style-sets/:id/restore-version",
  "POST /style-sets/:id/status",
  "POST /style-sets/:id/versions/:n/proofs",
  "POST /style-sets/import",
  "POST /token",
  "POST /uploads",
];

describe("hostile bodies", () => {
  it("are refused early, with the one expected status, on every route that reads a body", async () => {
    const all = await endpoints();
    const writes = all.filter((e) => e.method !== "GET" && !e.catchAll);
    const [set] = await world.liveSets();
    const ids: Record<string, string> = {
      "/workflows/:id": world.workflows[0]!.id,
      "/workflows/:id/favourite": world.workflows[0]!.id,
      "/blobs/:id/refresh": world.imageBlobs[0]!,
      "/style-sets/:id": set!.id,
      "/style-sets/:id/duplicate": set!.id,
      "/style-sets/:id/restore": set!.id,
      "/style-sets/:id/restore-version": set!.id,
      "/style-sets/:id/status": set!.id,
      "/style-sets/:id/versions/:n/proofs": set!.id,
      "/plans/:id/picks": world.plans[0]!,
      "/plans/:id/cancel": world.plans[1]!,
    };
    const send = (e: Endpoint, body: BodyInit, type: string) => {
      const id = ids[pathOf(e)] ?? "";
      const path = e.paramNames.reduce((p, name) => p.replace(`:${name}`, id), pathOf(e));
      // Everything but the body is right: a real id, a fresh key, same-origin headers.
      const request = new Request(`${ORIGIN}/api${path}`, {
        method: e.method,
        headers: {
          "content-type": type,
          "idempotency-key": `hostile-${Math.random().toString(36).slice(2)}`,
          origin: ORIGIN,
          "sec-fetch-site": "same-origin",
        },
        body,
      });
      return call(e.handler, request, paramsOf(e, id));
    };
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const huge = JSON.stringify({ prompt: "x".repeat(11 * 1024 * 1024) });
    const readers: string[] = [];
    const wrong: string[] = [];
    const expectStatus = (what: string, a: Answer, statuses: number[]) => {
      if (!statuses.includes(a.status) || !isProblem(a) || a.calls > 0) {
        wrong.push(
          `${what}: expected ${statuses.join("/")} before any orchestrator call, got ${a.status} after ${a.calls} call(s) ${a.text.slice(0, 160)}`,
        );
      }
    };
    for (const e of writes) {
      const key = `${e.method} ${pathOf(e)}`;
      const wrongType = await send(e, "{}", "text/plain");
      if (!BODY_ROUTES.includes(key)) {
        // Takes no body: answers without reading it (and never with 415).
        if (wrongType.status === 415)
          wrong.push(`${key} read a body but is not listed in BODY_ROUTES`);
        continue;
      }
      readers.push(key);
      expectStatus(`${key} text/plain`, wrongType, [415]);
      const isUpload = key === "POST /uploads";
      expectStatus(
        `${key} oversized`,
        await send(e, huge, isUpload ? "image/png" : "application/json"),
        [413],
      );
      if (isUpload) {
        expectStatus(
          `${key} malformed multipart`,
          await send(e, "--x\r\nnot a part", "multipart/form-data; boundary=x"),
          [400],
        );
        expectStatus(
          `${key} bytes that are no image`,
          await send(e, "GIF89a but not really", "image/png"),
          [415, 422],
        );
      } else {
        const nested = await send(e, deep, "application/json");
        expectStatus(`${key} deep JSON`, nested, [400]);
        if (!/nests deeper/.test(nested.text))
          wrong.push(`${key} deep JSON: no "nests deeper" detail`);
      }
    }
    console.log(
      `hostile bodies: ${readers.length} body-reading routes checked: ${readers.join(", ")}`,
    );
    expect(wrong).toEqual([]);
    expect(readers.sort()).toEqual([...BODY_ROUTES].sort());
  }, 120_000);
});
