import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeStudioDbs } from "@/lib/server/db/studio-db";
import { pointStudioDbAtFreshPlace } from "@/lib/server/testing/test-db";
import { hasImage, readImage, saveImage } from "./image-store";

// Runs on SQLite, and on Postgres with DATABASE_URL set (npm run test:pg),
// where nothing of an image may land in the data dir.
let dir: string;
let undoDb: () => Promise<void>;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-images-"));
  process.env.STUDIO_DATA_DIR = dir;
  undoDb = await pointStudioDbAtFreshPlace(dir);
});
afterEach(async () => {
  await closeStudioDbs();
  await undoDb();
  delete process.env.STUDIO_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 1, 2]);

describe("image store", () => {
  it("keeps the exact bytes and type per kind and id, once", async () => {
    expect(await hasImage("original", "x1")).toBe(false);
    await saveImage("original", "x1", { bytes, mime: "image/png" });
    // The same id again (another instance, a second upload) changes nothing.
    await saveImage("original", "x1", { bytes: new Uint8Array([1]), mime: "image/jpeg" });
    expect(await hasImage("original", "x1")).toBe(true);
    expect(await readImage("original", "x1")).toEqual({
      bytes: Buffer.from(bytes),
      mime: "image/png",
    });
    // A thumbnail with the same id is another image.
    expect(await readImage("thumbnail", "x1")).toBeNull();
  });

  it("keeps a slice of a larger buffer as just that slice", async () => {
    const big = new Uint8Array([9, 9, 1, 2, 3, 9]);
    await saveImage("thumbnail", "x2", { bytes: big.subarray(2, 5), mime: "image/webp" });
    expect((await readImage("thumbnail", "x2"))?.bytes).toEqual(Buffer.from([1, 2, 3]));
  });
});
