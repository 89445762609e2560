import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import type { ReferenceBlob } from "@/lib/server/orchestrator/blobs";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { resignReferences, type RefreshBlob } from "./resign";

const civitai: OrchestratorTarget = {
  kind: "civitai",
  baseUrl: "https://orchestration.civitai.com",
  token: "t",
  source: "env",
};
const NOW = Date.parse("2026-12-05T12:00:00Z");
const blobUrl = (id: string, exp: string) =>
  `https://orchestration.civitai.com/v2/consumer/blobs/${id}?sig=s&exp=${exp}`;

function refresher(fail: Record<string, AppError> = {}) {
  const calls: string[] = [];
  const refresh: RefreshBlob = async (_target, blobId) => {
    calls.push(blobId);
    const error = fail[blobId];
    if (error) throw error;
    return {
      id: blobId,
      url: blobUrl(blobId, "2026-12-05T13:00:00Z"),
      displayUrl: "",
      urlExpiresAt: null,
      width: null,
      height: null,
    } satisfies ReferenceBlob;
  };
  return { calls, refresh };
}

describe("resignReferences", () => {
  it("renews each blob once, whatever number of rows share it, and leaves the rest alone", async () => {
    const { calls, refresh } = refresher();
    const soon = blobUrl("A.jpeg", "2026-12-05T12:05:00Z");
    const later = blobUrl("B.jpeg", "2026-12-05T14:00:00Z");
    const out = await resignReferences(
      civitai,
      [
        { imageUrl: soon, strength: 1 },
        { imageUrl: later, strength: 0.5 },
        { imageUrl: soon, strength: -1 },
        { imageUrl: "https://images.example/a.png", strength: 2 },
      ],
      { now: NOW, refresh },
    );
    expect(calls).toEqual(["A.jpeg"]);
    expect(out.map((r) => r.imageUrl)).toEqual([
      blobUrl("A.jpeg", "2026-12-05T13:00:00Z"),
      later,
      blobUrl("A.jpeg", "2026-12-05T13:00:00Z"),
      "https://images.example/a.png",
    ]);
    expect(out.map((r) => r.strength)).toEqual([1, 0.5, -1, 2]);
  });

  it("refuses a gone blob and an unreadable blob URL with 422, naming each", async () => {
    const { refresh } = refresher({
      "GONE.jpeg": new AppError("not_found", { detail: "Blob not found" }),
    });
    const error = await resignReferences(
      civitai,
      [
        { imageUrl: "https://images.example/a.png", strength: 1 },
        { imageUrl: blobUrl("GONE.jpeg", "2026-12-01T00:00:00Z"), strength: 1 },
        {
          imageUrl: "https://orchestration.civitai.com/v2/consumer/blobs/ABC.jpeg/refresh",
          strength: 1,
        },
      ],
      { now: NOW, refresh },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.status).toBe(422);
    expect(Object.keys(e.fieldErrors ?? {})).toEqual([
      "imageStyleReferences.1.imageUrl",
      "imageStyleReferences.2.imageUrl",
    ]);
    expect(e.fieldErrors?.["imageStyleReferences.1.imageUrl"]?.[0]).toMatch(
      /^Reference 2 \(“Uploaded image”\) cannot be used: the orchestrator no longer has its image/,
    );
    expect(e.detail).toMatch(/^Reference 2 .*, Reference 3 .*Remove them/);
  });

  it("sends an opaque content link as it is: its expiry cannot be known", async () => {
    const { refresh, calls } = refresher({});
    const opaque = "https://orchestration.civitai.com/v2/consumer/blobs/content/encrypted-token";
    const out = await resignReferences(civitai, [{ imageUrl: opaque, strength: 1 }], {
      now: NOW,
      refresh,
    });
    expect(out).toEqual([{ imageUrl: opaque, strength: 1 }]);
    expect(calls).toEqual([]);
  });

  it("lets a passing failure through as it is, so the submit is retried", async () => {
    const unavailable = new AppError("unavailable", { detail: "503" });
    const { refresh } = refresher({ "A.jpeg": unavailable });
    await expect(
      resignReferences(
        civitai,
        [{ imageUrl: blobUrl("A.jpeg", "2026-12-01T00:00:00Z"), strength: 1 }],
        { now: NOW, refresh },
      ),
    ).rejects.toBe(unavailable);
  });
});
