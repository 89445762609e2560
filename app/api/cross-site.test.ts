// Every state-changing route in app/api refuses a request another site made
// the browser send (Sec-Fetch-Site: cross-site, Origin: null, a foreign
// Origin) with 403 problem+json, and changes nothing: no orchestrator call, no
// style set touched, no cookie set, the embedded engine not even started. The
// route files are found on disk, so a new route is covered without editing this.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeStyleSetStores, getStyleSetStore } from "@/lib/server/style-sets/get-store";
import { startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";

const API_DIR = path.dirname(fileURLToPath(import.meta.url));
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const ORIGIN = "http://127.0.0.1:3000";

type ExportedHandler = (
  request: Request,
  context: { params: Promise<unknown> },
) => Promise<Response>;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** A URL path for the file, with real ids in its dynamic segments. */
function urlFor(file: string, id: string): { url: string; params: Record<string, unknown> } {
  const segments = path.relative(API_DIR, path.dirname(file)).split(path.sep);
  const params: Record<string, unknown> = {};
  const parts = segments.map((segment) => {
    if (segment === "[...path]") {
      params.path = ["v2", "consumer", "workflows"];
      return "v2/consumer/workflows";
    }
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (dynamic?.[1]) {
      params[dynamic[1]] = id;
      return id;
    }
    return segment;
  });
  return { url: `${ORIGIN}/api/${parts.join("/")}`, params };
}

const HOSTILE: Record<string, Record<string, string>> = {
  "Sec-Fetch-Site: cross-site": { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
  "Origin: null": { origin: "null" },
  "a foreign Origin": { origin: "https://evil.example" },
  "a sibling subdomain": { "sec-fetch-site": "same-site" },
};

/** A body each route would accept, so only the origin check can stop it. */
const BODY = JSON.stringify({ prompt: "a lighthouse", name: "Noir", token: "civitai-token-123" });

let env: StudioApiEnv;
let setId: string;
beforeAll(async () => {
  env = await startStudioApiEnv();
  setId = (await getStyleSetStore().create({ name: "Keep me", note: "", references: [] })).id;
});
afterAll(async () => {
  await closeStyleSetStores();
  await env.close();
});

describe("cross-site writes", () => {
  const files = routeFiles(API_DIR);

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it("refuses every one with 403 and no side effect, on every route file", async () => {
    const before = await getStyleSetStore().list();
    const upstreamBefore = await env.upstreamCount();
    let refused = 0;
    const checked: string[] = [];
    for (const file of files) {
      const mod: Partial<Record<string, ExportedHandler>> = await import(/* @vite-ignore */ file);
      for (const method of WRITE_METHODS) {
        const handler = mod[method];
        if (!handler) continue;
        const { url, params } = urlFor(file, setId);
        checked.push(`${method} ${new URL(url).pathname}`);
        for (const [label, headers] of Object.entries(HOSTILE)) {
          const response = await handler(
            new Request(url, {
              method,
              headers: { "content-type": "application/json", cookie: "krea_client=x", ...headers },
              body: method === "DELETE" ? undefined : BODY,
            }),
            { params: Promise.resolve(params) },
          );
          expect(response.status, `${method} ${url} with ${label}`).toBe(403);
          expect(response.headers.get("content-type")).toBe("application/problem+json");
          expect(response.headers.get("set-cookie")).toBeNull();
          expect((await response.json()).detail).toMatch(/another site/);
          refused++;
        }
      }
    }
    expect(await env.upstreamCount()).toBe(upstreamBefore);
    expect(await getStyleSetStore().list()).toEqual(before);
    expect(globalThis.__kreaStudioLocalEngine).toBeUndefined();
    console.log(
      `cross-site: ${refused} hostile writes refused over ${checked.length} handlers in ${files.length} route files, 0 side effects`,
    );
    expect(checked).toEqual(
      expect.arrayContaining([
        "POST /api/workflows",
        "DELETE /api/workflows/" + setId,
        "POST /api/uploads",
        "POST /api/token",
        "POST /api/sign-in",
        "PATCH /api/style-sets/" + setId,
        "POST /api/local-engine/v2/consumer/workflows",
      ]),
    );
  });

  it("still lets the studio's own page through (the check is not refusing everything)", async () => {
    const { POST } = await import("@/app/api/style-sets/route");
    const response = await POST(
      new Request(`${ORIGIN}/api/style-sets`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "sec-fetch-site": "same-origin",
        },
        body: JSON.stringify({ name: "Mine" }),
      }),
      {},
    );
    expect(response.status).toBe(201);
  });
});
