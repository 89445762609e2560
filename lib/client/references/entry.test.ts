import { describe, expect, it } from "vitest";
import {
  INTERRUPTED_UPLOAD,
  newKey,
  readEntries,
  readyEntry,
  referencesBlockReason,
  referencesRisk,
  toSetReference,
  toStyleReference,
  type ReferenceEntry,
} from "./entry";

const base: ReferenceEntry = {
  key: "k1",
  imageUrl: "https://x.example/a.png",
  strength: -1.5,
  label: "x.example",
  status: "ready",
};

describe("reference entries", () => {
  it("strips everything Krea does not take", () => {
    const row: ReferenceEntry = { ...base, thumbnailId: "f".repeat(64), progress: 0.5 };
    expect(toStyleReference(row)).toEqual({
      imageUrl: "https://x.example/a.png",
      strength: -1.5,
    });
  });

  it("keeps what a style set needs", () => {
    expect(
      toSetReference({ ...base, blobId: "B1.png", urlExpiresAt: "2030-01-01T00:00:00Z" }),
    ).toEqual({
      imageUrl: "https://x.example/a.png",
      strength: -1.5,
      label: "x.example",
      thumbnailId: null,
      blobId: "B1.png",
      urlExpiresAt: "2030-01-01T00:00:00Z",
    });
  });

  it("makes distinct keys", () => {
    const keys = new Set(Array.from({ length: 200 }, newKey));
    expect(keys.size).toBe(200);
  });

  it("reads a draft's rows one by one, keeping the good ones", () => {
    const read = readEntries([
      base,
      { imageUrl: "https://legacy.example/r.png", strength: 0.5 },
      { imageUrl: "ftp://x" },
      { ...base, key: "k1", strength: 7 },
      "junk",
      { ...base, key: "k3", previewUrl: "blob:http://x/1", thumbnailId: "../../etc" },
    ]);
    expect(read).toHaveLength(4);
    expect(read?.[0]).toMatchObject(base);
    expect(read?.[1]).toMatchObject({ label: "legacy.example", status: "ready", strength: 0.5 });
    // a duplicate key gets a fresh one; strength is clamped
    expect(read?.[2]?.key).not.toBe("k1");
    expect(read?.[2]?.strength).toBe(2);
    expect(read?.[3]).toMatchObject({ previewUrl: null, thumbnailId: null });
    expect(readEntries("nope")).toBeUndefined();
    expect(
      readEntries(Array.from({ length: 14 }, () => ({ imageUrl: base.imageUrl }))),
    ).toHaveLength(10);
  });

  it("brings an upload cut off by a reload back as an error that says so", () => {
    const [entry] =
      readEntries([{ ...base, imageUrl: "", status: "uploading", progress: 0.4 }]) ?? [];
    expect(entry).toMatchObject({ status: "error", message: INTERRUPTED_UPLOAD, progress: null });
  });

  it("says why Generate waits", () => {
    expect(referencesBlockReason([base])).toBeNull();
    expect(referencesBlockReason([base, { ...base, status: "warning" }])).toBeNull();
    expect(
      referencesBlockReason([
        { ...base, status: "uploading" },
        { ...base, status: "uploading" },
      ]),
    ).toBe("Waiting for 2 uploads to finish…");
    expect(referencesBlockReason([base, { ...base, status: "checking" }])).toBe("Checking 1 link…");
    expect(referencesBlockReason([base, { ...base, status: "error", label: "a.png" }])).toContain(
      "Reference 2 (a.png)",
    );
    expect(
      referencesBlockReason([base, { ...base, strengthError: "Type a number from −2 to 2." }]),
    ).toMatch(/^Reference 2: its strength is not a number/);
  });
});

describe("referencesRisk", () => {
  const row = (status: ReferenceEntry["status"]) => ({
    ...readyEntry({ imageUrl: "https://x.example/a.png", strength: 1 }),
    status,
  });
  it("warns on Generate about references whose check failed, and only those", () => {
    expect(referencesRisk([row("ready"), row("ready")])).toBeNull();
    expect(referencesRisk([row("ready"), row("warning")])).toBe(
      "Reference 2 could not be checked: the job may fail if Krea cannot fetch it.",
    );
    expect(referencesRisk([row("warning"), row("ready"), row("warning")])).toContain(
      "References 1 and 3 could not be checked",
    );
    expect(referencesRisk(Array.from({ length: 4 }, () => row("warning")))).toContain(
      "4 references could not be checked: the job may fail if Krea cannot fetch them.",
    );
  });
});
