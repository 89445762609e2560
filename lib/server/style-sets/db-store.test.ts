import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import type { StyleSetCreate } from "@/lib/contract/style-sets/schema";
import { freshDbPlace, openStudioDb, type TestDbPlace } from "@/lib/server/testing/test-db";
import { DbStyleSetStore, type DbStoreOptions } from "./db-store";
import { StyleSetConflictError } from "./store";

// Runs on SQLite, and on Postgres with DATABASE_URL set (npm run test:pg).
let dir: string;
let place: TestDbPlace;
const places: TestDbPlace[] = [];
const open: DbStyleSetStore[] = [];
function openStore(options?: DbStoreOptions, at = place) {
  const store = new DbStyleSetStore(openStudioDb(at.target), options);
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-style-sets-"));
  place = await freshDbPlace(dir);
  places.push(place);
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const p of places.splice(0)) await p.drop();
  rmSync(dir, { recursive: true, force: true });
});

const noir: StyleSetCreate = {
  name: "Noir",
  note: "High contrast, wet streets",
  references: [
    { imageUrl: "https://images.example/rain.jpg", strength: 1.5, label: "images.example" },
    {
      imageUrl: "https://orchestration.civitai.com/v2/consumer/blobs/content/abc",
      strength: -0.5,
      blobId: "blob_1",
      thumbnailId: "a".repeat(64),
      label: "pastel.png",
      urlExpiresAt: "2030-01-01T00:00:00.000Z",
    },
  ],
};

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("DbStyleSetStore", () => {
  it("creates a set at version 1 with its references in order", async () => {
    const store = openStore();
    const set = await store.create({ ...noir, name: "  Noir  " });
    expect(set).toMatchObject({
      id: expect.stringMatching(/^ss_[a-z0-9]{20}$/),
      name: "Noir",
      version: 1,
      deletedAt: null,
      references: noir.references,
    });
    expect(set.createdAt).toBe(set.updatedAt);
    expect(await store.get(set.id)).toEqual(set);
  });

  it("refuses an invalid set with the field and the orchestrator's phrase", async () => {
    const store = openStore();
    const error = await thrown(
      store.create({
        name: "x",
        note: "",
        references: [{ imageUrl: "https://a.example/x.png", strength: 3 }],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.fieldErrors?.["references.0.strength"]?.[0]).toMatch(/strength out of range/);
    expect(await store.list()).toEqual([]);
  });

  it("updates against the current version and bumps it; a stale version is a 409 with the current set", async () => {
    let now = 1_000;
    const store = openStore({ now: () => now });
    const set = await store.create(noir);
    now = 2_000;
    const renamed = await store.update(set.id, { name: "Noir II" }, 1);
    expect(renamed).toMatchObject({ name: "Noir II", version: 2, note: noir.note });
    expect(renamed.references).toEqual(noir.references);
    expect(Date.parse(renamed.updatedAt)).toBe(2_000);

    const stale = await thrown(store.update(set.id, { note: "overwrite" }, 1));
    expect(stale).toBeInstanceOf(StyleSetConflictError);
    expect(stale.status).toBe(409);
    expect(stale.extensions).toMatchObject({ currentVersion: 2, current: { name: "Noir II" } });
    expect((await store.get(set.id))?.note).toBe(noir.note);
  });

  it("lets exactly one of two concurrent updates on one version win (two connections)", async () => {
    const a = openStore();
    const b = openStore();
    const set = await a.create(noir);
    const results = await Promise.allSettled([
      a.update(set.id, { name: "From A" }, 1),
      b.update(set.id, { name: "From B" }, 1),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(StyleSetConflictError);
    expect((await a.get(set.id))?.version).toBe(2);
  });

  it("refuses an update with nothing in it, and one of an unknown set", async () => {
    const store = openStore();
    const set = await store.create(noir);
    expect((await thrown(store.update(set.id, {}, 1))).status).toBe(400);
    expect((await thrown(store.update("ss_aaaaaaaaaaaaaaaaaaaa", { name: "x" }, 1))).status).toBe(
      404,
    );
  });

  it("lists live sets, most recently updated first", async () => {
    let now = 1_000;
    const store = openStore({ now: () => now++ });
    const first = await store.create({ ...noir, name: "First" });
    await store.create({ ...noir, name: "Second" });
    await store.update(first.id, { note: "touched" }, 1);
    expect((await store.list()).map((s) => s.name)).toEqual(["First", "Second"]);
  });

  it("soft-deletes (gone from list and get, kept for Undo) and restores", async () => {
    const store = openStore();
    const set = await store.create(noir);
    const deleted = await store.remove(set.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(await store.list()).toEqual([]);
    expect(await store.get(set.id)).toBeNull();
    expect(await store.get(set.id, { includeDeleted: true })).toMatchObject({ id: set.id });
    expect((await thrown(store.update(set.id, { name: "x" }, 1))).status).toBe(404);
    // A second delete (double click) is harmless.
    expect((await store.remove(set.id)).id).toBe(set.id);

    const restored = await store.restore(set.id);
    expect(restored).toMatchObject({ id: set.id, deletedAt: null, version: 1, name: "Noir" });
    expect(await store.list()).toHaveLength(1);
  });

  it("purges sets that stayed in the bin for over a week", async () => {
    const day = 24 * 60 * 60 * 1000;
    const store = openStore({ now: () => 0 });
    const set = await store.create(noir);
    await store.remove(set.id);
    for (const s of open.splice(0)) await s.close();
    const later = openStore({ now: () => 8 * day });
    expect((await thrown(later.restore(set.id))).status).toBe(404);
  });

  it("duplicates under a free name", async () => {
    const store = openStore();
    const set = await store.create(noir);
    const copy = await store.duplicate(set.id);
    const again = await store.duplicate(set.id);
    expect(copy).toMatchObject({ name: "Noir (copy)", version: 1, references: noir.references });
    expect(copy.id).not.toBe(set.id);
    expect(again.name).toBe("Noir (copy 2)");
  });

  it("finds everything again after a restart (reopening the file)", async () => {
    const store = openStore();
    const set = await store.create(noir);
    await store.update(set.id, { name: "Kept" }, 1);
    const binned = await store.create({ ...noir, name: "Binned" });
    await store.remove(binned.id);
    for (const s of open.splice(0)) await s.close();

    const reopened = openStore();
    expect(await reopened.list()).toEqual([
      expect.objectContaining({
        id: set.id,
        name: "Kept",
        version: 2,
        references: noir.references,
      }),
    ]);
    expect((await reopened.restore(binned.id)).name).toBe("Binned");
  });
});

describe("import and export", () => {
  it("round-trips sets through the export file into another studio", async () => {
    const source = openStore();
    const a = await source.create(noir);
    await source.create({ name: "Pastel", note: "", references: [] });
    const file1 = await source.exportSets();
    expect(file1).toMatchObject({ format: "krea-studio.style-sets", version: 2 });
    expect(file1.sets.map((s) => s.name).sort()).toEqual(["Noir", "Pastel"]);
    const onlyNoir = await source.exportSets([a.id]);
    expect(onlyNoir.sets).toHaveLength(1);

    const otherPlace = await freshDbPlace(dir, "other.db");
    places.push(otherPlace);
    const other = openStore(undefined, otherPlace);
    // Through JSON text, as a downloaded file would travel.
    const imported = await other.importSets(JSON.parse(JSON.stringify(file1)));
    expect(imported.map((s) => s.name).sort()).toEqual(["Noir", "Pastel"]);
    const noirCopy = imported.find((s) => s.name === "Noir");
    expect(noirCopy).toMatchObject({ note: noir.note, references: noir.references, version: 1 });
    // Another studio lacks the id, so the set keeps it (bringing it back then finds it).
    expect(noirCopy?.id).toBe(a.id);
  });

  it("renames imported sets whose names are taken", async () => {
    const store = openStore();
    await store.create(noir);
    const file1 = await store.exportSets();
    const first = await store.importSets(file1);
    const second = await store.importSets(file1);
    expect(first[0]?.name).toBe("Noir (imported)");
    expect(second[0]?.name).toBe("Noir (imported 2)");
  });

  it("imports nothing when any entry is invalid, and names the bad field", async () => {
    const store = openStore();
    await store.create(noir);
    const file1 = await store.exportSets();
    const good = file1.sets[0];
    const bad = {
      ...file1,
      sets: [
        good,
        good,
        { ...good, references: [{ imageUrl: "https://a.example/x.png", strength: 5 }] },
      ],
    };
    const error = await thrown(store.importSets(bad));
    expect(error.status).toBe(400);
    expect(error.detail).toMatch(
      /^Nothing was imported: sets\[2\]\.references\[0\]\.strength: strength out of range/,
    );
    expect(error.fieldErrors).toHaveProperty(["sets[2].references[0].strength"]);
    expect(await store.list()).toHaveLength(1);
  });

  it.each([
    ["not an object", "hello", /file: the file must be a JSON object/],
    [
      "another format",
      { format: "x", version: 1, sets: [] },
      /format must be "krea-studio.style-sets"/,
    ],
    [
      "a newer version",
      { format: "krea-studio.style-sets", version: 3, sets: [] },
      /newer or unknown studio/,
    ],
    [
      "a set without a name",
      { format: "krea-studio.style-sets", version: 1, sets: [{ references: [] }] },
      /sets\[0\]\.name: name is required/,
    ],
    [
      "a javascript: URL",
      {
        format: "krea-studio.style-sets",
        version: 1,
        sets: [{ name: "x", references: [{ imageUrl: "javascript:alert(1)", strength: 1 }] }],
      },
      /sets\[0\]\.references\[0\]\.imageUrl: imageUrl must be an http/,
    ],
  ])("refuses %s", async (_, file1, message) => {
    const store = openStore();
    const error = await thrown(store.importSets(file1));
    expect(error.detail).toMatch(message);
    expect(await store.list()).toEqual([]);
  });

  it("refuses to export an unknown id", async () => {
    const store = openStore();
    expect((await thrown(store.exportSets(["ss_aaaaaaaaaaaaaaaaaaaa"]))).status).toBe(404);
  });
});
