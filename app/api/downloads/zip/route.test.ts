import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  jsonRequest,
  params,
  startStudioApiEnv,
  type StudioApiEnv,
} from "@/lib/server/testing/studio-api";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import type { Generation } from "@/lib/contract/generations/types";
import { readStoredEntry } from "@/lib/contract/generations/read-zip";
import { POST as submit } from "@/app/api/workflows/route";
import { GET as getOne } from "@/app/api/workflows/[id]/route";
import { GET as download } from "@/app/api/workflows/[id]/download/route";
import { POST as zip } from "./route";

// The studio's server fetches image bytes for the browser (downloads, zips):
// only images of the caller's own workflows, renewed when their URL expired,
// streamed, with a clear error when an image is gone.

let env: StudioApiEnv;
beforeAll(async () => {
  // Signed URLs live 2 s, so a finished generation's URLs expire during the test.
  env = await startStudioApiEnv({ urlTtlSeconds: 2 });
});
afterAll(() => env.close());

let counter = 0;
async function generate(prompt: string, quantity = 1): Promise<Generation> {
  const created: Generation = await (
    await submit(
      jsonRequest(
        "/api/workflows",
        { prompt, quantity, seed: 4242 },
        {
          headers: { "idempotency-key": `zip-${++counter}` },
        },
      ),
      {},
    )
  ).json();
  return (
    await getOne(new Request("http://127.0.0.1/x?wait=20"), params({ id: created.id }))
  ).json();
}

const downloadRequest = (id: string, image: number) =>
  download(
    new Request(`http://127.0.0.1:3000/api/workflows/${id}/download?image=${image}`),
    params({ id }),
  );

describe("GET /api/workflows/:id/download", () => {
  it("streams the original under its seed name, renewing an expired URL", async () => {
    const g = await generate("a lighthouse to download");
    const image = g.images[0]!;
    const original = Buffer.from(await (await fetch(image.url!)).arrayBuffer());
    // The URL the generation carries has expired: the engine refuses it now.
    await vi.waitFor(async () => expect((await fetch(image.url!)).status).toBe(401), {
      timeout: 10_000,
      interval: 250,
    });
    const res = await downloadRequest(g.id, 0);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="krea-4242-1.jpg"');
    expect(Buffer.from(await res.arrayBuffer()).equals(original)).toBe(true);
  });

  it("is not an open proxy: another account's workflow and a missing image are 404 problems", async () => {
    const theirs = await env.engine.raw("/v2/consumer/workflows?wait=0", {
      method: "POST",
      token: "someone-else",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        steps: [
          { $type: "imageGen", input: { engine: "fal", model: "krea2", prompt: "not yours" } },
        ],
      }),
    });
    const { id } = await theirs.json();
    const res = await downloadRequest(id, 0);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");

    const g = await generate("only one image");
    const missing = await downloadRequest(g.id, 3);
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toBe("This generation has no image 4.");
  });
});

describe("POST /api/downloads/zip", () => {
  it("streams a zip of the images with sidecars and a manifest that names what is gone", async () => {
    const two = await generate("two foxes to zip", 2);
    const gone = await generate("deleted before the zip");
    // Deleted on the orchestrator (by another tab, or Civitai's own site): its image is gone.
    const deleted = await env.engine.raw(`/v2/consumer/workflows/${gone.id}`, {
      method: "DELETE",
      token: LOCAL_ENGINE_TOKEN,
    });
    expect(deleted.ok).toBe(true);
    const res = await zip(
      jsonRequest("/api/downloads/zip", {
        images: [
          { workflowId: two.id, image: 0 },
          { workflowId: two.id, image: 1 },
          { workflowId: gone.id, image: 0 },
        ],
      }),
      {},
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="krea-images-[\d-]+\.zip"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const manifest = JSON.parse(new TextDecoder().decode(readStoredEntry(bytes, "manifest.json")!));
    expect(manifest).toMatchObject({ format: "krea-studio.images", count: 2, failed: 1 });
    const [first, second, third] = manifest.entries;
    expect(first.image).toBe(`krea-4242-${two.id}-1.jpg`);
    expect(second.image).toBe(`krea-4242-${two.id}-2.jpg`);
    expect(third).toMatchObject({ workflowId: gone.id, image: null, sidecar: null });
    expect(third.error).toMatch(/no longer on the orchestrator/);
    for (const entry of [first, second]) {
      const image = readStoredEntry(bytes, entry.image)!;
      expect([image[0], image[1]]).toEqual([0xff, 0xd8]);
      const sidecar = JSON.parse(new TextDecoder().decode(readStoredEntry(bytes, entry.sidecar)!));
      expect(sidecar).toMatchObject({ workflowId: two.id, seed: 4242, prompt: "two foxes to zip" });
    }
  });

  it("refuses a body that names no images, or names them by URL", async () => {
    for (const body of [
      { images: [] },
      { images: [{ url: "http://169.254.169.254/latest" }] },
      { images: [{ workflowId: "..", image: 0 }] },
      { images: [{ workflowId: "wf", image: 10 }] },
    ]) {
      const res = await zip(jsonRequest("/api/downloads/zip", body), {});
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
