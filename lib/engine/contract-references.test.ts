// Contract test: style references are judged when the job starts, the way
// FAL's server-side fetch would end (recipe: "Style reference fetch fails — URL
// is private or expired"). The engine's own signed URLs must verify, be
// unexpired and point at a live blob; any other host must resolve to public
// addresses only. A failing reference fails the step with an `output.errors`
// entry naming the reference, and the step costs nothing in the end.
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { staticResolver } from "./reference-check";
import { PUBLIC_TEST_ADDRESS, startTestEngine, type TestEngine } from "./testing/harness";
import { kreaBody } from "./testing/recipe-bodies";
import { parseSpec } from "./testing/spec-validator";
import type { ImageBlob, Workflow } from "./types";

const DAY = 24 * 3600 * 1000;

let t: TestEngine;
let png: Buffer;
beforeAll(async () => {
  t = await startTestEngine({
    urlTtlSeconds: 3600,
    resolveHost: staticResolver({
      "cdn.example": [PUBLIC_TEST_ADDRESS],
      "intranet.example": ["192.168.1.10"],
      "mixed.example": [PUBLIC_TEST_ADDRESS, "10.0.0.7"],
    }),
  });
  png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#224488" } })
    .png()
    .toBuffer();
});
afterAll(async () => {
  await t.destroy();
});
afterEach(() => {
  vi.useRealTimers();
});

async function upload(): Promise<ImageBlob> {
  const res = await t.raw("/v2/consumer/blobs", {
    method: "POST",
    headers: { "content-type": "image/png" },
    body: new Uint8Array(png),
  });
  return parseSpec<ImageBlob>("ImageBlob", await res.json());
}

async function generate(urls: string[]): Promise<Workflow> {
  const res = await t.raw("/v2/consumer/workflows?wait=30", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      kreaBody({ quantity: 2, imageStyleReferences: urls.map((imageUrl) => ({ imageUrl })) }),
    ),
  });
  expect(res.status).toBe(200);
  return parseSpec<Workflow>("Workflow", await res.json());
}

function expectFailedFor(workflow: Workflow, reference: number, reason: RegExp) {
  const step = workflow.steps[0]!;
  expect(workflow.status).toBe("failed");
  expect(step.status).toBe("failed");
  expect(step.output?.errors).toHaveLength(1);
  const [error] = step.output!.errors!;
  expect(error).toContain(
    `style reference ${reference} (imageStyleReferences[${reference - 1}]) could not be fetched`,
  );
  expect(error).toMatch(reason);
  for (const image of step.output!.images) expect(image).toMatchObject({ available: false });
  // Charged at submit (2 × 45.5 = 91), all of it credited back: the step cost nothing.
  expect(workflow.transactions.list).toEqual([
    { type: "debit", amount: 91, accountType: "yellow" },
    { type: "credit", amount: 91, accountType: "yellow" },
  ]);
}

describe("style references are fetched when the job starts", () => {
  it("runs with the engine's own fresh blob URL and a public host", async () => {
    const blob = await upload();
    const workflow = await generate([blob.url!, "https://cdn.example/style.png"]);
    expect(workflow.status).toBe("succeeded");
    expect(workflow.transactions.list).toEqual([
      { type: "debit", amount: 91, accountType: "yellow" },
    ]);
  });

  it("fails the step when the engine's signed URL has expired", async () => {
    const blob = await upload();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse(blob.urlExpiresAt!) + 1000 });
    expectFailedFor(await generate([blob.url!]), 1, /signed blob URL expired at/);
  });

  it("fails the step when the blob is past its lifetime, whatever the URL says", async () => {
    const blob = await upload();
    const url = blob.url!;
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 31 * DAY });
    expectFailedFor(await generate([url]), 1, /blob no longer exists/);
  });

  it("fails the step for a tampered engine URL (judged as a loopback host)", async () => {
    const blob = await upload();
    const tampered = blob.url!.replace(/content\/(.)/, (_, c: string) =>
      c === "A" ? "content/B" : "content/A",
    );
    expectFailedFor(await generate([tampered]), 1, /loopback or private/);
  });

  it.each([
    ["a loopback address", "http://127.0.0.1:9/ref.png", /127\.0\.0\.1 is a loopback or private/],
    ["IPv6 loopback", "http://[::1]/ref.png", /loopback or private/],
    ["a private address", "http://10.1.2.3/ref.png", /loopback or private/],
    ["a host resolving privately", "https://intranet.example/a.png", /resolves to 192\.168\.1\.10/],
    ["a host with one private address", "https://mixed.example/a.png", /resolves to 10\.0\.0\.7/],
    ["an unresolvable host", "https://nowhere.invalid/a.png", /nowhere\.invalid does not resolve/],
    ["a non-http URL", "ftp://cdn.example/a.png", /http\(s\) URLs only/],
  ])("fails the step for %s", async (_, url, reason) => {
    expectFailedFor(await generate([url]), 1, reason);
  });

  it("names the reference that failed by its number", async () => {
    const blob = await upload();
    const workflow = await generate([
      "https://cdn.example/ok.png",
      blob.url!,
      "http://localhost:1/not-public.png",
    ]);
    expectFailedFor(workflow, 3, /localhost does not resolve|loopback/);
  });
});
