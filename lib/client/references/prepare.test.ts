import { describe, expect, it, vi } from "vitest";
import type { KreaInput } from "@/lib/contract/krea/schema";
import type { ReferenceEntry } from "./entry";
import type { ListAccess } from "./list";
import { needsPreparing, withFreshReferences } from "./prepare";
import type { FetchRefresh } from "./refresh";

const NOW = Date.parse("2030-01-01T12:00:00Z");
const soon = new Date(NOW + 60_000).toISOString();
const later = new Date(NOW + 3_600_000).toISOString();

function listOf(rows: ReferenceEntry[]): ListAccess & { rows: readonly ReferenceEntry[] } {
  const list = {
    rows: rows as readonly ReferenceEntry[],
    get: () => list.rows,
    set: (next: readonly ReferenceEntry[]) => void (list.rows = next),
  };
  return list;
}

const row = (key: string, extra: Partial<ReferenceEntry> = {}): ReferenceEntry => ({
  key,
  imageUrl: `https://old.example/${key}`,
  strength: key === "b" ? -1.5 : 1,
  label: `${key}.png`,
  status: "ready",
  ...extra,
});

const input: KreaInput & { seed: number } = {
  prompt: "p",
  size: "medium",
  aspectRatio: "1:1",
  creativity: "medium",
  quantity: 1,
  seed: 1,
  imageStyleReferences: [
    { imageUrl: "https://old.example/a", strength: 1 },
    { imageUrl: "https://old.example/b", strength: -1.5 },
  ],
};

describe("references before submit", () => {
  it("needs nothing when no upload is near expiry", () => {
    expect(
      needsPreparing(listOf([row("a"), row("b", { blobId: "B", urlExpiresAt: later })]), NOW),
    ).toBe(false);
    expect(needsPreparing(listOf([row("a", { blobId: "A", urlExpiresAt: soon })]), NOW)).toBe(true);
  });

  it("sends the fresh URLs in the same order with the same strengths, and keeps them on the rows", async () => {
    const list = listOf([row("a", { blobId: "A", urlExpiresAt: soon }), row("b")]);
    const fetchRefresh = vi.fn<FetchRefresh>(async () => [
      {
        blobId: "A",
        ok: true,
        url: "https://new.example/a",
        displayUrl: "/x/a",
        urlExpiresAt: later,
      },
    ]);
    const prepared = await withFreshReferences(input, list, fetchRefresh, NOW);
    expect(prepared.imageStyleReferences).toEqual([
      { imageUrl: "https://new.example/a", strength: 1 },
      { imageUrl: "https://old.example/b", strength: -1.5 },
    ]);
    expect(prepared.seed).toBe(1);
    expect(list.rows[0]).toMatchObject({ imageUrl: "https://new.example/a", urlExpiresAt: later });
  });

  it("marks a row it could not renew and stops the submit", async () => {
    const list = listOf([row("a", { blobId: "A", urlExpiresAt: soon }), row("b")]);
    await expect(
      withFreshReferences(
        input,
        list,
        async () => [{ blobId: "A", ok: false, error: "gone" }],
        NOW,
      ),
    ).rejects.toThrow("“a.png”");
    expect(list.rows[0]).toMatchObject({
      status: "error",
      message: expect.stringContaining("gone"),
    });
  });
});
