// The pieces of a deep-fuzz case (lib/server/testing/fuzz-cases.ts): a request valid
// by construction, and the mutations that each break ONE thing of it (a body
// field, a header, the id, a query parameter) with the statuses the studio must
// refuse that with.

export const ORIGIN = "http://127.0.0.1:3000";

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

export type Json = Record<string, unknown>;
export type Base = Omit<FuzzCase, "route" | "method" | "mutation">;
export type Mutation = [what: string, expect: number[], change: (c: Base) => Base];

export const SAME_ORIGIN = { origin: ORIGIN, "sec-fetch-site": "same-origin" };
export const at = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

export const jsonBase = (path: string, body: unknown, params: Json = {}, headers = {}): Base => ({
  path,
  params,
  headers: { ...SAME_ORIGIN, "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
export const bare = (path: string, params: Json = {}): Base => ({
  path,
  params,
  headers: SAME_ORIGIN,
});

/** Replaces (or with `undefined`, drops) one field of the JSON body. */
export const field = (what: string, key: string, value: unknown, expect = [400]): Mutation => [
  what,
  expect,
  (c) => {
    const body = JSON.parse(String(c.body)) as Json;
    if (value === undefined) delete body[key];
    else body[key] = value;
    return { ...c, body: JSON.stringify(body) };
  },
];
export const wholeBody = (what: string, body: string, expect = [400]): Mutation => [
  what,
  expect,
  (c) => ({ ...c, body }),
];
export const CROSS_SITE = "sent cross-site";
export const crossSite: Mutation = [
  CROSS_SITE,
  [403],
  (c) => ({
    ...c,
    headers: { ...c.headers, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  }),
];
export const badId = (param: string, seg: number): Mutation => [
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
export const query = (what: string, q: string, expect = [400]): Mutation => [
  what,
  expect,
  (c) => {
    const [pathname, search] = c.path.split("?");
    const params = new URLSearchParams(search);
    for (const [k, v] of new URLSearchParams(q)) params.set(k, v);
    return { ...c, path: `${pathname}?${params}` };
  },
];

export const ref = (url = "https://images.example.com/ref.png") => ({ imageUrl: url, strength: 1 });
export const KREA_MUTATIONS: Mutation[] = [
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

export const SET_MUTATIONS: Mutation[] = [
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
