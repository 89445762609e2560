import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { params, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { closeStyleSetStores, getStyleSetStore } from "@/lib/server/style-sets/get-store";
import type { StyleSet } from "@/lib/contract/style-sets/schema";
import type { KeptAlive } from "@/lib/server/style-sets/keep-alive";
import { png } from "@/lib/server/references/testing/images";
import { POST as upload } from "@/app/api/uploads/route";
import { POST } from "./route";

// Applying or opening a set refreshes its uploaded references; a blob that is
// gone is uploaded again from the studio's kept original and the set fixed in
// place (same version); one that cannot be restored is reported as lost.

let env: StudioApiEnv;
beforeAll(async () => {
  env = await startStudioApiEnv();
});
afterAll(async () => {
  await closeStyleSetStores();
  await env.close();
});

interface Uploaded {
  id: string;
  url: string;
  urlExpiresAt: string | null;
  thumbnailId: string;
}

async function uploadPng(colour: string): Promise<Uploaded> {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(await png(64, 64, colour))], `${colour}.png`));
  const res = await upload(
    new Request("http://127.0.0.1:3000/api/uploads", { method: "POST", body: form }),
    {},
  );
  expect(res.status).toBe(201);
  return res.json();
}

const keepAlive = async (id: string) => {
  const res = await POST(
    new Request(`http://127.0.0.1:3000/api/style-sets/${id}/keep-alive`, { method: "POST" }),
    params({ id }),
  );
  return { status: res.status, body: (await res.json()) as KeptAlive };
};

const ref = (u: Uploaded, label: string, strength = 1) => ({
  imageUrl: u.url,
  strength,
  blobId: u.id,
  thumbnailId: u.thumbnailId,
  urlExpiresAt: u.urlExpiresAt,
  label,
});

describe("POST /api/style-sets/:id/keep-alive", () => {
  it("refreshes live blobs, re-uploads a gone one from the kept original, reports what cannot be restored", async () => {
    const alive = await uploadPng("#ff0000");
    const kept = await uploadPng("#00ff00");
    const store = getStyleSetStore();
    const set: StyleSet = await store.create({
      name: "Keep alive",
      note: "",
      references: [
        ref(alive, "alive.png"),
        // Its blob is gone (expired, or uploaded under another account): the studio still has the image.
        {
          ...ref(kept, "kept.png", -1),
          blobId: "blob_gone_kept",
          imageUrl: `${env.engine.url}/v2/consumer/blobs/blob_gone_kept`,
        },
        // Gone too, and the studio never kept this image.
        { ...ref(kept, "lost.png", 2), blobId: "blob_gone_lost", thumbnailId: "a".repeat(64) },
        { imageUrl: "https://example.com/style.jpg", strength: 0.5, label: "example.com" },
      ],
    });

    const { status, body } = await keepAlive(set.id);
    expect(status).toBe(200);
    expect(body.references.map((r) => r.state)).toEqual(["alive", "restored", "lost", "link"]);
    expect(body.references[2]).toMatchObject({ detail: expect.stringMatching(/no copy of it/) });
    // Fixed in place: the same version, the same images, order and strengths.
    expect(body.set.version).toBe(set.version);
    expect(body.set.updatedAt).toBe(set.updatedAt);
    const [first, second, third, fourth] = body.set.references;
    expect(first).toMatchObject({ blobId: alive.id, strength: 1, label: "alive.png" });
    expect(second!.blobId).not.toBe("blob_gone_kept");
    expect(second).toMatchObject({
      strength: -1,
      label: "kept.png",
      thumbnailId: kept.thumbnailId,
    });
    expect(third).toMatchObject({ blobId: "blob_gone_lost", strength: 2 });
    expect(fourth).toMatchObject({ imageUrl: "https://example.com/style.jpg" });
    // The restored blob serves the same image as the original upload.
    const [before, after] = await Promise.all([fetch(kept.url), fetch(second!.imageUrl)]);
    expect(after.status).toBe(200);
    expect(
      Buffer.from(await after.arrayBuffer()).equals(Buffer.from(await before.arrayBuffer())),
    ).toBe(true);
    // Stored: the next read has the restored blob, and a second keep-alive finds it alive.
    expect((await store.get(set.id))?.references[1]?.blobId).toBe(second!.blobId);
    const again = await keepAlive(set.id);
    expect(again.body.references.map((r) => r.state)).toEqual(["alive", "alive", "lost", "link"]);
    expect(again.body.set.version).toBe(set.version);
  });

  it("does not get in the way of a designer's update: no version bump, no 409", async () => {
    const u = await uploadPng("#0000ff");
    const store = getStyleSetStore();
    const set = await store.create({
      name: "Busy set",
      note: "",
      references: [
        { ...ref(u, "blue.png"), blobId: "blob_gone_blue", imageUrl: `${env.engine.url}/x` },
      ],
    });
    await keepAlive(set.id);
    const updated = await store.update(set.id, { note: "edited meanwhile" }, set.version);
    expect(updated.version).toBe(set.version + 1);
  });

  it("answers 404 for an unknown set", async () => {
    const { status } = await keepAlive("ss_aaaaaaaaaaaaaaaaaaaa");
    expect(status).toBe(404);
  });
});
