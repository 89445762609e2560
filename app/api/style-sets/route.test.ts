import { describe, expect, it } from "vitest";
import type { StyleSet, StyleSetExport } from "@/lib/contract/style-sets/schema";
import { jsonRequest, params } from "@/lib/server/testing/studio-api";
import {
  STYLE_SETS_URL,
  testReference,
  startStyleSetApiForFile,
} from "@/lib/server/testing/style-set-api";
import { POST as duplicate } from "./[id]/duplicate/route";
import { POST as restore } from "./[id]/restore/route";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { GET as exportSets } from "./export/route";
import { POST as importSets } from "./import/route";
import { GET, POST } from "./route";

startStyleSetApiForFile();

async function create(body: unknown): Promise<StyleSet> {
  const res = await POST(jsonRequest("/api/style-sets", body), {});
  expect(res.status).toBe(201);
  return res.json();
}

const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  PATCH(jsonRequest(`/api/style-sets/${id}`, body, { method: "PATCH", headers }), params({ id }));
const one = (id: string) => getOne(new Request(`${STYLE_SETS_URL}/${id}`), params({ id }));

describe("style set CRUD", () => {
  it("creates, lists and reads a set, with its version as ETag", async () => {
    const res = await POST(
      jsonRequest("/api/style-sets", {
        name: "Noir",
        references: [testReference(1, 1.5), testReference(2, -1)],
      }),
      {},
    );
    expect(res.status).toBe(201);
    const set: StyleSet = await res.json();
    expect(res.headers.get("location")).toBe(`/api/style-sets/${set.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(set).toMatchObject({ name: "Noir", note: "", version: 1 });

    const list = await (await GET(new Request(STYLE_SETS_URL), {})).json();
    expect(list.items.map((s: StyleSet) => s.id)).toContain(set.id);
    const read = await one(set.id);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(await read.json()).toEqual(set);
  });

  it.each([
    ["no name", { references: [] }, "name", /name is required/],
    ["a long name", { name: "x".repeat(81) }, "name", /at most 80/],
    [
      "11 references",
      { name: "x", references: Array.from({ length: 11 }, (_, i) => testReference(i)) },
      "references",
      /maxItems/,
    ],
    [
      "a strength of 2.5",
      { name: "x", references: [testReference(1, 2.5)] },
      "references.0.strength",
      /strength out of range/,
    ],
    [
      "an ftp URL",
      { name: "x", references: [{ imageUrl: "ftp://a.example/x", strength: 1 }] },
      "references.0.imageUrl",
      /http/,
    ],
    ["an unknown field", { name: "x", owner: "me" }, "owner", /./],
  ])("refuses %s with a field error", async (_, body, field, message) => {
    const res = await POST(jsonRequest("/api/style-sets", body), {});
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).errors[field][0]).toMatch(message);
  });

  it("answers 404 for a malformed or unknown id", async () => {
    expect((await one("../../etc")).status).toBe(404);
    expect((await one("ss_aaaaaaaaaaaaaaaaaaaa")).status).toBe(404);
  });

  it("updates with the version in the body or If-Match; stale is a 409 with the current set", async () => {
    const set = await create({ name: "Pastel", references: [testReference(1)] });
    const first = await patch(set.id, { name: "Pastel 2", version: 1 });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"2"');
    const second = await patch(
      set.id,
      { references: [testReference(3), testReference(1)] },
      { "if-match": '"2"' },
    );
    expect(await second.json()).toMatchObject({
      version: 3,
      references: [testReference(3), testReference(1)],
    });

    const stale = await patch(set.id, { note: "mine", version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    const problem = await stale.json();
    expect(problem).toMatchObject({
      kind: "conflict",
      currentVersion: 3,
      current: { id: set.id, name: "Pastel 2", version: 3 },
    });
    expect(problem.detail).toMatch(/changed by someone else/);

    const noVersion = await patch(set.id, { note: "mine" });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).errors.version[0]).toMatch(/required/);
  });

  it("lets one of two simultaneous saves on the same version win; the other gets 409", async () => {
    const set = await create({ name: "Race" });
    const [a, b] = await Promise.all([
      patch(set.id, { name: "A", version: 1 }),
      patch(set.id, { name: "B", version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it("deletes into the bin, restores (Undo) and duplicates", async () => {
    const set = await create({ name: "Bin me" });
    const deleted = await DELETE(
      new Request(`${STYLE_SETS_URL}/${set.id}`, { method: "DELETE" }),
      params({ id: set.id }),
    );
    expect(deleted.status).toBe(200);
    expect((await deleted.json()).deletedAt).toEqual(expect.any(String));
    expect((await one(set.id)).status).toBe(404);

    const restored = await restore(
      new Request(`${STYLE_SETS_URL}/${set.id}/restore`, { method: "POST" }),
      params({ id: set.id }),
    );
    expect(await restored.json()).toMatchObject({ id: set.id, deletedAt: null });

    const copy = await duplicate(
      new Request(`${STYLE_SETS_URL}/${set.id}/duplicate`, { method: "POST" }),
      params({ id: set.id }),
    );
    expect(copy.status).toBe(201);
    expect(await copy.json()).toMatchObject({ name: "Bin me (copy)", version: 1 });
  });
});

describe("export and import", () => {
  it("downloads an export file and imports it back under new ids and free names", async () => {
    const set = await create({
      name: "Travel",
      note: "Kodak colours",
      references: [testReference(7, 0.5)],
    });
    const res = await exportSets(new Request(`${STYLE_SETS_URL}/export?ids=${set.id}`), {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="krea-style-sets-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const file: StyleSetExport = await res.json();
    expect(file.sets).toEqual([expect.objectContaining({ id: set.id, name: "Travel" })]);

    const imported = await importSets(jsonRequest("/api/style-sets/import", file), {});
    expect(imported.status).toBe(201);
    const body = await imported.json();
    expect(body.imported).toEqual([
      expect.objectContaining({
        name: "Travel (imported)",
        note: "Kodak colours",
        references: [testReference(7, 0.5)],
      }),
    ]);
    expect(body.imported[0].id).not.toBe(set.id);
  });

  it("changes nothing when one entry is invalid, and names it", async () => {
    const before = (await (await GET(new Request(STYLE_SETS_URL), {})).json()).items.length;
    const file = {
      format: "krea-studio.style-sets",
      version: 1,
      sets: [
        { name: "Good", references: [] },
        {
          name: "Bad",
          references: [testReference(1), { imageUrl: "https://a.example/x.png", strength: -3 }],
        },
      ],
    };
    const res = await importSets(jsonRequest("/api/style-sets/import", file), {});
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.detail).toMatch(
      /^Nothing was imported: sets\[1\]\.references\[1\]\.strength: strength out of range/,
    );
    expect(problem.errors["sets[1].references[1].strength"]).toBeDefined();
    expect((await (await GET(new Request(STYLE_SETS_URL), {})).json()).items.length).toBe(before);
  });

  it("refuses to export an unknown set", async () => {
    const res = await exportSets(
      new Request(`${STYLE_SETS_URL}/export?ids=ss_bbbbbbbbbbbbbbbbbbbb`),
      {},
    );
    expect(res.status).toBe(404);
  });
});
