import { describe, expect, it, vi } from "vitest";
import type { ReferenceEntry } from "./entry";
import { refreshExpiring, type FetchRefresh } from "./refresh";

const NOW = Date.parse("2030-01-01T12:00:00Z");
const inMinutes = (m: number) => new Date(NOW + m * 60_000).toISOString();

const entry = (key: string, extra: Partial<ReferenceEntry>): ReferenceEntry => ({
  key,
  imageUrl: `https://old.example/${key}`,
  strength: 1,
  label: key,
  status: "ready",
  ...extra,
});

describe("refresh before submit", () => {
  it("asks nothing when no upload is near expiry", async () => {
    const fetchRefresh = vi.fn<FetchRefresh>();
    const list = [
      entry("pasted", {}),
      entry("fresh", { blobId: "B1", urlExpiresAt: inMinutes(30) }),
    ];
    const outcome = await refreshExpiring(list, fetchRefresh, NOW);
    expect(fetchRefresh).not.toHaveBeenCalled();
    expect(outcome).toEqual({ entries: list, refreshed: [], failures: [] });
  });

  it("refreshes uploads expiring within ten minutes (or of unknown expiry), once per blob", async () => {
    const fetchRefresh = vi.fn<FetchRefresh>(async (ids) =>
      ids.map((blobId) => ({
        blobId,
        ok: true as const,
        url: `https://new.example/${blobId}`,
        displayUrl: `/api/local-engine/${blobId}`,
        urlExpiresAt: inMinutes(60),
      })),
    );
    const list = [
      entry("soon", { blobId: "B1", urlExpiresAt: inMinutes(9) }),
      entry("later", { blobId: "B2", urlExpiresAt: inMinutes(11) }),
      entry("unknown", { blobId: "B3", urlExpiresAt: null }),
      entry("twin", { blobId: "B1", urlExpiresAt: inMinutes(2) }),
    ];
    const outcome = await refreshExpiring(list, fetchRefresh, NOW);
    expect(fetchRefresh).toHaveBeenCalledTimes(1);
    expect(fetchRefresh).toHaveBeenCalledWith(["B1", "B3"]);
    expect(outcome.refreshed).toEqual(["soon", "unknown", "twin"]);
    expect(outcome.entries.map((e) => e.imageUrl)).toEqual([
      "https://new.example/B1",
      "https://old.example/later",
      "https://new.example/B3",
      "https://new.example/B1",
    ]);
    expect(outcome.entries[0]).toMatchObject({
      urlExpiresAt: inMinutes(60),
      previewUrl: "/api/local-engine/B1",
    });
    // order and strengths untouched
    expect(outcome.entries.map((e) => e.key)).toEqual(["soon", "later", "unknown", "twin"]);
  });

  it("reports a blob it could not refresh, keeping the rest", async () => {
    const fetchRefresh: FetchRefresh = async () => [
      { blobId: "B1", ok: false, status: 404, error: "There is no image with that id." },
    ];
    const outcome = await refreshExpiring(
      [entry("gone", { blobId: "B1", urlExpiresAt: inMinutes(1) }), entry("pasted", {})],
      fetchRefresh,
      NOW,
    );
    expect(outcome.failures).toEqual([
      { key: "gone", label: "gone", error: "There is no image with that id." },
    ]);
    expect(outcome.entries[0]?.imageUrl).toBe("https://old.example/gone");
  });

  it("lets a failed request fail the whole refresh (the submit is not sent)", async () => {
    await expect(
      refreshExpiring(
        [entry("x", { blobId: "B1" })],
        async () => {
          throw new Error("offline");
        },
        NOW,
      ),
    ).rejects.toThrow("offline");
  });
});
