// Every submit re-signs the orchestrator's own reference URLs that are expired or
// about to expire, reading the blob from the URL; one it cannot renew is refused
// before anything is spent (lib/server/references/resign.ts).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledger } from "@/lib/engine/testing/harness";
import { loadSigningKey, UrlSigner } from "@/lib/engine/signing";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import { readBlobUrl } from "@/lib/server/references/blob-url";
import { png } from "@/lib/server/references/testing/images";
import { jsonRequest, startStudioApiEnv, type StudioApiEnv } from "@/lib/server/testing/studio-api";
import { POST } from "./route";

let env: StudioApiEnv;
let blobId: string;
let signer: UrlSigner;
beforeAll(async () => {
  env = await startStudioApiEnv();
  const res = await env.engine.raw("/v2/consumer/blobs", {
    method: "POST",
    headers: { "content-type": "image/png" },
    body: new Uint8Array(await png()),
    token: LOCAL_ENGINE_TOKEN,
  });
  blobId = ((await res.json()) as { id: string }).id;
  // The engine's own key: lets the test hold a URL signed in the past.
  signer = new UrlSigner(loadSigningKey(path.join(env.engine.dataDir, "engine")), 3600);
});
afterAll(() => env.close());

const contentUrl = (id: string, expiresAt: number) =>
  `${env.engine.url}/v2/consumer/blobs/content/${signer.sign({
    blobId: id,
    rendition: "original",
    expiresAt,
    download: false,
    filename: null,
  })}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const prefixes = () => [`${env.engine.url}/v2/consumer/blobs/`];

let n = 0;
const submit = (refs: string[]) =>
  POST(
    jsonRequest(
      "/api/workflows",
      { prompt: "a fox", imageStyleReferences: refs.map((imageUrl) => ({ imageUrl })) },
      { headers: { "idempotency-key": `resign-${Date.now()}-${n++}` } },
    ),
    {},
  );

async function sentReferences(id: string): Promise<string[]> {
  const res = await env.engine.raw(`/v2/consumer/workflows/${id}`, { token: LOCAL_ENGINE_TOKEN });
  const workflow = (await res.json()) as {
    steps: { input: { imageStyleReferences: { imageUrl: string }[] } }[];
  };
  return workflow.steps[0]!.input.imageStyleReferences.map((r) => r.imageUrl);
}

describe("POST /api/workflows re-signs references", () => {
  it("forwards a fresh URL for an expired one and leaves a long-lived one as it is", async () => {
    const expired = contentUrl(blobId, nowSeconds() - 60);
    const lasting = contentUrl(blobId, nowSeconds() + 3 * 3600);
    const res = await submit([expired, lasting, "https://images.example/fox.png"]);
    expect(res.status).toBe(201);
    const [first, second, third] = await sentReferences(((await res.json()) as { id: string }).id);
    expect(first).not.toBe(expired);
    const renewed = readBlobUrl(first!, prefixes());
    expect(renewed).toMatchObject({ blobId });
    expect(typeof renewed === "object" && renewed?.expiresAt).toBeGreaterThan(
      Date.now() + 10 * 60_000,
    );
    expect(second).toBe(lasting);
    expect(third).toBe("https://images.example/fox.png");
  });

  it("renews one about to expire (within 10 minutes)", async () => {
    const soon = contentUrl(blobId, nowSeconds() + 5 * 60);
    const res = await submit([soon]);
    expect(res.status).toBe(201);
    const [sent] = await sentReferences(((await res.json()) as { id: string }).id);
    expect(sent).not.toBe(soon);
  });

  it("refuses a reference it cannot renew with 422 naming it, before anything is spent", async () => {
    const before = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    const gone = contentUrl("0123456789ABCDEF.png", nowSeconds() - 60);
    const res = await submit([contentUrl(blobId, nowSeconds() - 60), gone]);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await res.json()) as { detail: string; errors: Record<string, string[]> };
    expect(Object.keys(problem.errors)).toEqual(["imageStyleReferences.1.imageUrl"]);
    expect(problem.errors["imageStyleReferences.1.imageUrl"]![0]).toMatch(
      /^Reference 2 \(“Uploaded image”\) cannot be used: the orchestrator no longer has its image/,
    );
    expect(problem.detail).toMatch(/Reference 2 .*Nothing was sent or charged/);
    const after = await ledger(env.engine, LOCAL_ENGINE_TOKEN);
    expect(after.workflows).toBe(before.workflows);
    expect(after.debits).toBe(before.debits);
  });
});
