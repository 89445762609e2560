// Requests for the deep fuzz (app/api/fuzz.test.ts), valid by construction: a
// proper Idempotency-Key, same-origin headers, ids of things that exist and
// bodies the studio's contract accepts. A case may then break ONE thing (a body
// field, a header, the id, a query parameter) and names the statuses the studio
// must answer that with. Every route file's handlers appear here; the fuzz
// fails when one is missing, so a new route cannot slip past it.
import { randomUUID } from "node:crypto";
import { expandGrid } from "@/lib/contract/grid/grid";
import { buildWorkflowBody } from "@/lib/contract/krea/workflow-body";
import type { KreaInput } from "@/lib/contract/krea/schema";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import { getStyleSetStore } from "@/lib/server/style-sets/get-store";
import {
  at,
  badId,
  bare,
  crossSite,
  field,
  jsonBase,
  KREA_MUTATIONS,
  query,
  ref,
  SAME_ORIGIN,
  SET_MUTATIONS,
  wholeBody,
  type Base,
  type FuzzCase,
  type Mutation,
} from "./fuzz-mutations";

export { CROSS_SITE, ORIGIN, type FuzzCase } from "./fuzz-mutations";

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
  /** ids of decision-grid plans */
  plans: string[];
}

/** Random values drawn by fast-check for one case. */
export interface Draw {
  krea: KreaInput & { seed: number };
  pick: number;
  text: string;
  /** break one thing: the mutation at this index (modulo the route's list) */
  mutation: number | null;
}

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

/** A two-cell grid over the drawn input, with the total it really costs. */
function gridBody(d: Draw) {
  const spec = {
    base: d.krea,
    alternations: false,
    axes: [{ kind: "size" as const, values: ["medium" as const, "large" as const] }],
  };
  const expansion = expandGrid(spec);
  return { spec, expectedTotal: expansion.ok ? expansion.grid.total : 0 };
}

const PLAN_ROUTES: RouteSpec[] = [
  {
    method: "POST",
    path: "/plans",
    valid: (_w, d) =>
      jsonBase("plans", gridBody(d), {}, { "idempotency-key": `fuzz-${randomUUID()}` }),
    mutations: [
      [
        "no Idempotency-Key",
        [400],
        (c) => ({ ...c, headers: { ...c.headers, "idempotency-key": "" } }),
      ],
      field("expectedTotal not the grid's", "expectedTotal", 1, [409]),
      field("expectedTotal as text", "expectedTotal", "117"),
      field("no spec", "spec", undefined),
      field("one value on an axis", "spec", {
        base: { prompt: "p" },
        axes: [{ kind: "seed", values: [1] }],
      }),
      field("65 cells", "spec", {
        base: { prompt: "p" },
        axes: [{ kind: "seed", values: Array.from({ length: 65 }, (_, i) => i) }],
      }),
      field("unknown axis", "spec", {
        base: { prompt: "p" },
        axes: [{ kind: "lora", values: [1, 2] }],
      }),
      field("unclosed alternation", "spec", {
        base: { prompt: "a {b|c" },
        alternations: true,
        axes: [],
      }),
      wholeBody("not JSON", "{spec:"),
      crossSite,
    ],
  },
  { method: "GET", path: "/plans", valid: () => bare("plans"), mutations: [] },
  {
    method: "GET",
    path: "/plans/:id",
    valid: (w, d) => bare(`plans/${at(w.plans, d.pick)}`, { id: at(w.plans, d.pick) }),
    mutations: [badId("id", 1)],
  },
  {
    method: "GET",
    path: "/plans/:id/request",
    valid: (w, d) => bare(`plans/${at(w.plans, d.pick)}/request`, { id: at(w.plans, d.pick) }),
    mutations: [badId("id", 1)],
  },
  {
    method: "GET",
    path: "/plans/:id/sheet",
    valid: (w, d) =>
      bare(`plans/${at(w.plans, d.pick)}/sheet?format=${d.pick % 2 ? "pdf" : "png"}`, {
        id: at(w.plans, d.pick),
      }),
    mutations: [query("format gif", "format=gif"), query("paper a3", "paper=a3"), badId("id", 1)],
  },
  {
    method: "POST",
    path: "/plans/:id/cancel",
    valid: (w, d) => bare(`plans/${at(w.plans, d.pick)}/cancel`, { id: at(w.plans, d.pick) }),
    mutations: [badId("id", 1), crossSite],
  },
  {
    method: "PUT",
    path: "/plans/:id/picks",
    valid: (w, d) =>
      jsonBase(
        `plans/${at(w.plans, d.pick)}/picks`,
        { picks: [{ line: "row", at: 0, cell: d.pick % 2 }] },
        { id: at(w.plans, d.pick) },
      ),
    mutations: [
      field("a cell outside the grid", "picks", [{ line: "row", at: 0, cell: 9 }]),
      field("line bogus", "picks", [{ line: "diagonal", at: 0, cell: 0 }]),
      field("no picks", "picks", undefined),
      badId("id", 1),
      crossSite,
    ],
  },
];

export const ROUTES: RouteSpec[] = [
  ...PLAN_ROUTES,
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
    path: "/workflows/:id/download",
    valid: (w, d) => {
      const wf = at(w.workflows, d.pick);
      return bare(`workflows/${wf.id}/download?image=${d.pick % wf.images}`, { id: wf.id });
    },
    mutations: [badId("id", 1), query("image -1", "image=-1"), query("image x", "image=x")],
  },
  {
    method: "POST",
    path: "/downloads/zip",
    valid: (w, d) => {
      const wf = at(w.workflows, d.pick);
      return jsonBase("downloads/zip", {
        images: [{ workflowId: wf.id, image: d.pick % wf.images }],
      });
    },
    mutations: [
      field("no images", "images", []),
      field("images not a list", "images", "wf_1"),
      field("image 10", "images", [{ workflowId: "wf_1", image: 10 }]),
      field("workflowId ..", "images", [{ workflowId: "..", image: 0 }]),
      field("a URL instead of an id", "images", [{ url: "https://a.example/x.png" }]),
      field("unknown field", "all", true),
      wholeBody("malformed JSON", "{images:"),
      crossSite,
    ],
  },
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
    path: "/style-sets/:id/keep-alive",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return bare(`style-sets/${set.id}/keep-alive`, { id: set.id });
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
    path: "/style-sets/:id/versions",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return bare(`style-sets/${set.id}/versions`, { id: set.id });
    },
    mutations: [badId("id", 1)],
  },
  {
    method: "GET",
    path: "/style-sets/:id/versions/:n",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      const n = 1 + (d.pick % set.version);
      return bare(`style-sets/${set.id}/versions/${n}`, { id: set.id, n: String(n) });
    },
    mutations: [
      badId("id", 1),
      ...(["0", "x", "1.5", "-1", "99999"] as const).map((n): Mutation => [
        `version ${n}`,
        [404],
        (c) => ({ ...c, path: c.path.replace(/\/\d+$/, `/${n}`), params: { ...c.params, n } }),
      ]),
    ],
  },
  {
    method: "GET",
    path: "/style-sets/:id/versions/:n/proofs",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      const n = String(1 + (d.pick % set.version));
      return bare(`style-sets/${set.id}/versions/${n}/proofs`, { id: set.id, n });
    },
    mutations: [
      badId("id", 1),
      ...(["0", "x", "99999"] as const).map((n): Mutation => [
        `version ${n}`,
        [404],
        (c) => ({
          ...c,
          path: c.path.replace(/\/\d+\/proofs$/, `/${n}/proofs`),
          params: { ...c.params, n },
        }),
      ]),
    ],
  },
  {
    method: "POST",
    path: "/style-sets/:id/versions/:n/proofs",
    // A proof names a test prompt of the version, so the set gets proof settings first.
    valid: async (w, d) => {
      let set = await liveSet(w, d);
      if (!set.proof) {
        const proof = { prompts: ["fuzz one", "fuzz two"], tier: "medium" as const, seed: 1 };
        set = await getStyleSetStore().update(set.id, { proof }, set.version);
      }
      const n = String(set.version);
      const promptIndex = d.pick % (set.proof?.prompts.length ?? 1);
      return jsonBase(
        `style-sets/${set.id}/versions/${n}/proofs`,
        { proofs: [{ promptIndex, workflowId: `wf_${d.pick}` }] },
        { id: set.id, n },
      );
    },
    mutations: [
      field("proofs empty", "proofs", []),
      field("proofs not a list", "proofs", "wf_1"),
      field("workflowId with spaces", "proofs", [{ promptIndex: 0, workflowId: "a b" }]),
      field("promptIndex 6", "proofs", [{ promptIndex: 6, workflowId: "wf_1" }]),
      field("author not text", "author", 5),
      field("unknown field", "colour", "red"),
      wholeBody("malformed JSON", "{proofs:"),
      crossSite,
    ],
  },
  {
    method: "POST",
    path: "/style-sets/:id/restore-version",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return jsonBase(
        `style-sets/${set.id}/restore-version`,
        { from: 1 + (d.pick % set.version), version: set.version, author: `Fuzz ${d.text}`.trim() },
        { id: set.id },
      );
    },
    mutations: [
      field("from 0", "from", 0),
      field("from as text", "from", "1"),
      field("from unknown", "from", 99999, [404]),
      field("no version", "version", undefined),
      field("stale version", "version", 99999, [409]),
      field("author empty", "author", " "),
      field("author too long", "author", "a".repeat(500)),
      field("unknown field", "colour", "red"),
      ["If-Match junk", [400], (c) => ({ ...c, headers: { ...c.headers, "if-match": "soon" } })],
      wholeBody("malformed JSON", "{from:"),
      badId("id", 1),
      crossSite,
    ],
  },
  {
    method: "POST",
    path: "/style-sets/:id/status",
    valid: async (w, d) => {
      const set = await liveSet(w, d);
      return jsonBase(
        `style-sets/${set.id}/status`,
        { status: at(["draft", "approved", "retired"], d.pick), version: set.version },
        { id: set.id },
      );
    },
    mutations: [
      field("status other", "status", "published"),
      field("status missing", "status", undefined),
      field("no version", "version", undefined),
      field("version 0", "version", 0),
      field("stale version", "version", 99999, [409]),
      field("author not text", "author", 5),
      field("unknown field", "colour", "red"),
      wholeBody("malformed JSON", "{status:"),
      badId("id", 1),
      crossSite,
    ],
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
      field("sets not a list", "sets", {}),
      field("a set without a name", "sets", [{ note: "" }]),
      field("a set with a bad reference", "sets", [{ name: "x", references: [ref("ftp://a")] }]),
      field("version 3", "version", 3),
      field("an embedded image that is no base64", "images", {
        ["a".repeat(64)]: { mime: "image/png", base64: "%%%" },
      }),
      query("existing other", "existing=merge"),
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
