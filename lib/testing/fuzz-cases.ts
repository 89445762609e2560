// Requests for the deep fuzz (app/api/fuzz.test.ts), valid by construction: a
// proper Idempotency-Key, same-origin headers, ids of things that exist and
// bodies the studio's contract accepts. A case may then break ONE thing (a body
// field, a header, the id, a query parameter) and names the statuses the studio
// must answer that with. Every route file's handlers appear here; the fuzz
// fails when one is missing, so a new route cannot slip past it.
import { randomUUID } from "node:crypto";
import { buildWorkflowBody } from "@/lib/krea/workflow-body";
import type { ResolvedKreaInput } from "@/lib/krea/schema";
import type { StyleSet } from "@/lib/style-sets/schema";

export const ORIGIN = "http://127.0.0.1:3000";

export interface World {
  /** finished workflows and how many images each has */
  workflows: { id: string; images: number }[];
  /** blob ids of generated images */
  imageBlobs: string[];
  /** blob ids of uploaded references */
  referenceBlobs: string[];
  thumbnails: string[];
  png: Uint8Array;
  /** live style sets, never none */
  liveSets(): Promise<StyleSet[]>;
  /** a set in the bin (restorable), binning one first when there is none */
  binned(): Promise<string>;
}

/** Random values drawn by fast-check for one case. */
export interface Draw {
  krea: ResolvedKreaInput;
  pick: number;
  text: string;
  /** break one thing: the mutation at this index (modulo the route's list) */
  mutation: number | null;
}

export interface FuzzCase {
  route: string;
  method: string;
  /** after /api/, query included */
  path: string;
  params: Record<string, unknown>;
  headers: Record<string, string>;
  body?: BodyInit;
  /** null: valid by construction, must succeed; else what was broken and the statuses that must refuse it */
  mutation: { what: string; expect: number[] } | null;
}

type Json = Record<string, unknown>;
type Base = Omit<FuzzCase, "route" | "method" | "mutation">;
type Mutation = [what: string, expect: number[], change: (c: Base) => Base];

const SAME_ORIGIN = { origin: ORIGIN, "sec-fetch-site": "same-origin" };
const at = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

const jsonBase = (path: string, body: unknown, params: Json = {}, headers = {}): Base => ({
  path,
  params,
  headers: { ...SAME_ORIGIN, "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const bare = (path: string, params: Json = {}): Base => ({ path, params, headers: SAME_ORIGIN });

/** Replaces (or with `undefined`, drops) one field of the JSON body. */
const field = (what: string, key: string, value: unknown, expect = [400]): Mutation => [
  what,
  expect,
  (c) => {
    const body = JSON.parse(String(c.body)) as Json;
    if (value === undefined) delete body[key];
    else body[key] = value;
    return { ...c, body: JSON.stringify(body) };
  },
];
const wholeBody = (what: string, body: string, expect = [400]): Mutation => [
  what,
  expect,
  (c) => ({ ...c, body }),
];
export const CROSS_SITE = "sent cross-site";
const crossSite: Mutation = [
  CROSS_SITE,
  [403],
  (c) => ({
    ...c,
    headers: { ...c.headers, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  }),
];
const badId = (param: string, seg: number): Mutation => [
  "malformed id",
  [404],
  (c) => {
    const id = "no such/id!";
    const [pathname, search] = c.path.split("?");
    const parts = pathname!.split("/");
    parts[seg] = encodeURIComponent(id);
    const path = parts.join("/") + (search === undefined ? "" : `?${search}`);
    return { ...c, path, params: { ...c.params, [param]: id } };
  },
];
/** Sets (replacing) query parameters, e.g. "image=-1". */
const query = (what: string, q: string, expect = [400]): Mutation => [
  what,
  expect,
  (c) => {
    const [pathname, search] = c.path.split("?");
    const params = new URLSearchParams(search);
    for (const [k, v] of new URLSearchParams(q)) params.set(k, v);
    return { ...c, path: `${pathname}?${params}` };
  },
];

const ref = (url = "https://images.example.com/ref.png") => ({ imageUrl: url, strength: 1 });
const KREA_MUTATIONS: Mutation[] = [
  field("size huge", "size", "huge"),
  field("size Medium", "size", "Medium"),
  field("aspectRatio 5:4", "aspectRatio", "5:4"),
  field("creativity wild", "creativity", "wild"),
  field("quantity 0", "quantity", 0),
  field("quantity 11", "quantity", 11),
  field("quantity 1.5", "quantity", 1.5),
  field("quantity as text", "quantity", "2"),
  field("seed -1", "seed", -1),
  field("seed 2147483648", "seed", 2_147_483_648),
  field("seed 1.5", "seed", 1.5),
  field("prompt empty", "prompt", ""),
  field("prompt blank", "prompt", "   "),
  field("prompt 5001", "prompt", "x".repeat(5001)),
  field("prompt missing", "prompt", undefined),
  field("negativePrompt", "negativePrompt", "ugly"),
  field("width", "width", 512),
  field("engine other", "engine", "comfy"),
  field(
    "11 references",
    "imageStyleReferences",
    Array.from({ length: 11 }, () => ref()),
  ),
  field("strength 3", "imageStyleReferences", [{ ...ref(), strength: 3 }]),
  field("imageUrl ftp", "imageStyleReferences", [ref("ftp://images.example.com/a.png")]),
  field("references not a list", "imageStyleReferences", "https://images.example.com/a.png"),
  field("reference extra key", "imageStyleReferences", [{ ...ref(), weight: 1 }]),
  wholeBody("body an array", "[{}]"),
  wholeBody("body null", "null"),
  wholeBody("malformed JSON", "{prompt:"),
];

const SET_MUTATIONS: Mutation[] = [
  field("name empty", "name", ""),
  field("name blank", "name", "   "),
  field("name too long", "name", "n".repeat(500)),
  field("note not text", "note", 5),
  field(
    "11 references",
    "references",
    Array.from({ length: 11 }, () => ref()),
  ),
  field("reference javascript:", "references", [ref("javascript:alert(1)")]),
  field("reference bad thumbnailId", "references", [{ ...ref(), thumbnailId: "x" }]),
  field("unknown field", "colour", "red"),
  wholeBody("malformed JSON", "{name:"),
];

const liveSet = async (w: World, d: Draw): Promise<StyleSet> => at(await w.liveSets(), d.pick);

interface RouteSpec {
  method: string;
  /** as found on disk, e.g. "/style-sets/:id" */
  path: string;
  valid(w: World, d: Draw): Promise<Base> | Base;
  mutations: Mutation[];
  /** false for the embedded engine's own routes: its contract tests judge those */
  studio?: false;
}

const submitPath = async (w: World, d: Draw) => {
  const q = new URLSearchParams({ wait: "0" });
  const parent = at(w.workflows, d.pick);
  if (d.pick % 3 === 1) {
    q.set("parent", parent.id);
    q.set("lineage", at(["reuse", "remix", "rerun"], d.pick));
  }
  if (d.pick % 4 === 2) {
    const set = await liveSet(w, d);
    q.set("styleSet", set.id);
    q.set("styleSetVersion", String(set.version));
  }
  return `workflows?${q}`;
};

export const ROUTES: RouteSpec[] = [
  {
    method: "POST",
    path: "/workflows",
    valid: async (w, d) =>
      jsonBase(await submitPath(w, d), d.krea, {}, { "idempotency-key": `fuzz-${randomUUID()}` }),
    mutations: [
      ...KREA_MUTATIONS,
      // Only a submit screens reference addresses; an estimate's whatif prices, never fetches.
      field("imageUrl loopback", "imageStyleReferences", [ref("http://127.0.0.1:9/a.png")]),
      [
        "no Idempotency-Key",
        [400],
        (c) => ({ ...c, headers: { ...c.headers, "idempotency-key": "" } }),
      ],
      [
        "Idempotency-Key with spaces",
        [400],
        (c) => ({ ...c, headers: { ...c.headers, "idempotency-key": "a b c" } }),
      ],
      [
        "Idempotency-Key of 129",
        [400],
        (c) => ({ ...c, headers: { ...c.headers, "idempotency-key": "k".repeat(129) } }),
      ],
      query("lineage bogus", "parent=wf_1&lineage=bogus"),
      query("sweepRef not a digit", "sweep=s_1&sweepKind=strength&sweepRef=x"),
      query("lineage without parent", "lineage=remix&parent="),
      crossSite,
    ],
  },
  {
    method: "GET",
    path: "/workflows",
    valid: (w, d) => bare(`workflows?take=${1 + (d.pick % 30)}`),
    mutations: [query("take not a number", "take=x")],
  },
  {
    method: "POST",
    path: "/estimate",
    valid: (_w, d) => jsonBase("estimate", d.krea),
    mutations: [...KREA_MUTATIONS, crossSite],
  },
  {
    method: "GET",
    path: "/workflows/:id",
    valid: (w, d) =>
      bare(`workflows/${at(w.workflows, d.pick).id}`, { id: at(w.workflows, d.pick).id }),
    mutations: [badId("id", 1)],
  },
  {
    method: "DELETE",
    path: "/workflows/:id",
    valid: (w, d) =>
      bare(`workflows/${at(w.workflows, d.pick).id}`, { id: at(w.workflows, d.pick).id }),
    mutations: [badId("id", 1), crossSite],
  },
  ...(["POST", "DELETE"] as const).map((method): RouteSpec => ({
    method,
    path: "/workflows/:id/favourite",
    valid: (w, d) => {
      const wf = at(w.workflows, d.pick);
      return bare(`workflows/${wf.id}/favourite?image=${d.pick % wf.images}`, { id: wf.id });
    },
    mutations: [
      badId("id", 1),
      query("image -1", "image=-1"),
      query("image x", "image=x"),
      query("image 1.5", "image=1.5"),
      crossSite,
    ],
  })),
  {
    method: "GET",
    path: "/workflows/watch",
    valid: (w, d) => bare(`workflows/watch?wait=0&ids=${at(w.workflows, d.pick).id}`),
    mutations: [query("wait x", "wait=x")],
  },
  {
    method: "POST",
    path: "/blobs/:id/refresh",
    valid: (w, d) =>
      bare(`blobs/${at(w.imageBlobs, d.pick)}/refresh`, { id: at(w.imageBlobs, d.pick) }),
    mutations: [
      badId("id", 1),
      ["id ..", [404], (c) => ({ ...c, path: "blobs/../refresh", params: { id: ".." } })],
      crossSite,
    ],
  },
  {
    method: "POST",
    path: "/uploads",
    valid: (w) => ({
      path: "uploads",
      params: {},
      headers: { ...SAME_ORIGIN, "content-type": "image/png" },
      body: new Uint8Array(w.png),
    }),
    mutations: [
      [
        "text/plain",
        [415],
        (c) => ({ ...c, headers: { ...c.headers, "content-type": "text/plain" } }),
      ],
      ["bytes that are no image", [415, 422], (c) => ({ ...c, body: "GIF89a but not really" })],
      ["empty body", [400, 415, 422], (c) => ({ ...c, body: new Uint8Array(0) })],
      crossSite,
    ],
  },
  {
    method: "POST",
    path: "/references/check",
    valid: (_w, d) =>
      jsonBase("references/check", { url: `https://img${d.pick % 50}.example.com/ref.png` }),
    mutations: [
      field("url missing", "url", undefined),
      field("url empty", "url", ""),
      field("url 4097", "url", `https://a.example/${"x".repeat(4080)}`),
      field("url loopback", "url", "http://127.0.0.1:8080/a.png"),
      field("url private", "url", "http://10.0.0.1/a.png"),
      field("url ftp", "url", "ftp://images.example.com/a.png"),
      field("unknown field", "proxy", true),
      crossSite,
    ],
  },
  {
    method: "POST",
    path: "/references/refresh",
    valid: (w, d) => jsonBase("references/refresh", { blobIds: [at(w.referenceBlobs, d.pick)] }),
    mutations: [
      field("no ids", "blobIds", []),
      field(
        "11 ids",
        "blobIds",
        Array.from({ length: 11 }, (_, i) => `b${i}`),
      ),
      field("not an id", "blobIds", ["no such/id!"]),
      field("not a list", "blobIds", "b1"),
      field("unknown field", "all", true),
      crossSite,
    ],
  },
  {
    method: "POST",
    path: "/sign-in",
    valid: (_w, d) => jsonBase("sign-in", { key: d.text }),
    mutations: [
      field("key missing", "key", undefined),
      field("key a number", "key", 5),
      field("unknown field", "user", "x"),
      crossSite,
    ],
  },
  { method: "GET", path: "/spend", valid: () => bare("spend"), mutations: [] },
  { method: "GET", path: "/health", valid: () => bare("health"), mutations: [] },
  {
    method: "POST",
    path: "/token",
    valid: () => jsonBase("token", { token: `fuzz-token-${randomUUID()}` }),
    mutations: [
      field("token missing", "token", undefined),
      field("token short", "token", "abc"),
      field("token with spaces", "token", "abc def ghi jkl"),
      field("token a number", "token", 12345678),
      field("unknown field", "remember", true),
      crossSite,
    ],
  },
  { method: "DELETE", path: "/token", valid: () => bare("token"), mutations: [crossSite] },
  { method: "GET", path: "/style-sets", valid: () => bare("style-sets"), mutations: [] },
  {
    method: "POST",
    path: "/style-sets",
    valid: (_w, d) =>
      jsonBase("style-sets", { name: `Set ${d.text}`.trim(), note: "", references: [ref()] }),
    mutations: [...SET_MUTATIONS, crossSite],
  },
  {
    method: "GET",
    path: "/style-sets/:id",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return bare(`style-sets/${set.id}`, { id: set.id });
    },
    mutations: [badId("id", 1)],
  },
  {
    method: "PATCH",
    path: "/style-sets/:id",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return jsonBase(
        `style-sets/${set.id}`,
        { name: `Renamed ${d.text}`.trim(), version: set.version },
        { id: set.id },
      );
    },
    mutations: [
      ...SET_MUTATIONS,
      field("no version", "version", undefined),
      field("version 0", "version", 0),
      field("version as text", "version", "1"),
      ["If-Match junk", [400], (c) => ({ ...c, headers: { ...c.headers, "if-match": "soon" } })],
      badId("id", 1),
      crossSite,
    ],
  },
  {
    method: "DELETE",
    path: "/style-sets/:id",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return bare(`style-sets/${set.id}`, { id: set.id });
    },
    mutations: [badId("id", 1), crossSite],
  },
  {
    method: "POST",
    path: "/style-sets/:id/duplicate",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return bare(`style-sets/${set.id}/duplicate`, { id: set.id });
    },
    mutations: [badId("id", 1), crossSite],
  },
  {
    method: "POST",
    path: "/style-sets/:id/restore",
    valid: async (w) => {
      const id = await w.binned();
      return bare(`style-sets/${id}/restore`, { id });
    },
    mutations: [badId("id", 1), crossSite],
  },
  {
    method: "GET",
    path: "/style-sets/export",
    valid: async (w, d) => bare(`style-sets/export?ids=${(await liveSet(w, d)).id}`),
    mutations: [],
  },
  {
    method: "POST",
    path: "/style-sets/import",
    valid: (_w, d) =>
      jsonBase("style-sets/import", {
        format: "krea-studio.style-sets",
        version: 1,
        sets: [{ name: `Imported ${d.text}`.trim(), note: "", references: [ref()] }],
      }),
    mutations: [
      field("format other", "format", "photoshop"),
      field("version 2", "version", 2),
      field("sets not a list", "sets", {}),
      field("a set without a name", "sets", [{ note: "" }]),
      field("a set with a bad reference", "sets", [{ name: "x", references: [ref("ftp://a")] }]),
      wholeBody("malformed JSON", "{sets:"),
      crossSite,
    ],
  },
  {
    method: "GET",
    path: "/thumbnails/:id",
    valid: (w, d) =>
      bare(`thumbnails/${at(w.thumbnails, d.pick)}`, { id: at(w.thumbnails, d.pick) }),
    mutations: [badId("id", 1)],
  },
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method): RouteSpec => ({
    method,
    path: "/local-engine/:path",
    studio: false,
    // The embedded engine itself; its contract tests judge what it answers.
    valid: (_w, d) =>
      method === "POST"
        ? jsonBase(
            "local-engine/v2/consumer/workflows",
            buildWorkflowBody(d.krea),
            { path: ["v2", "consumer", "workflows"] },
            { authorization: "Bearer local-studio" },
          )
        : {
            ...bare("local-engine/v2/consumer/workflows", {
              path: ["v2", "consumer", "workflows"],
            }),
            headers: { ...SAME_ORIGIN, authorization: "Bearer local-studio" },
          },
    mutations: method === "GET" ? [] : [crossSite],
  })),
];

export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

export async function buildCase(w: World, spec: RouteSpec, d: Draw): Promise<FuzzCase> {
  const base = await spec.valid(w, d);
  const route = routeKey(spec);
  if (d.mutation === null || spec.mutations.length === 0) {
    return { ...base, route, method: spec.method, mutation: null };
  }
  const [what, expect, change] = at(spec.mutations, d.mutation);
  return { ...change(base), route, method: spec.method, mutation: { what, expect } };
}

/** Routes that change something, judged here (the embedded engine's are not). */
export const isStudioWrite = (r: RouteSpec) => r.method !== "GET" && r.studio !== false;
