import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { png } from "@/lib/server/references/testing/images";
import { guardedFetch, type GuardedFetchOptions } from "./guarded-fetch";
import { allowTestServer, fakeResolver } from "./testing/fake-dns";
import { startTestServer, type TestServer } from "./testing/test-server";
import { UrlRefusedError, UrlUnreachableError } from "./url-guard";

let server: TestServer;
let image: Buffer;
beforeAll(async () => {
  image = await png(20, 10);
  server = await startTestServer(image);
});
afterAll(() => server.close());
beforeEach(() => {
  server.hits.length = 0;
});

const resolve = fakeResolver({
  "images.example": ["127.0.0.1"],
  "internal.example": ["10.0.0.5"],
});
// The real policy, plus the test server's own address: nothing else on loopback is reachable.
const guard: GuardedFetchOptions = { resolve, isAllowedAddress: allowTestServer };

async function failure(url: string, options: GuardedFetchOptions = guard): Promise<Error> {
  const error = await guardedFetch(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error(`${url} did not fail`);
  return error;
}

describe("guardedFetch", () => {
  it("fetches from the checked address (the name exists only in the fake resolver)", async () => {
    const res = await guardedFetch(`${server.origin()}/image.png`, guard);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.body.equals(image)).toBe(true);
    expect(res.truncated).toBe(false);
  });

  it("refuses the test server's address under the default policy", async () => {
    const error = await failure(`${server.origin()}/image.png`, { resolve });
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect(server.hits).toEqual([]);
  });

  it.each([
    ["loopback by another address", (p: number) => `http://127.0.0.2:${p}/image.png`, "loopback"],
    ["IPv6 loopback", (p: number) => `http://[::1]:${p}/image.png`, "loopback"],
    ["localhost", (p: number) => `http://localhost:${p}/image.png`, "localhost"],
    ["a name resolving to 10.0.0.5", () => "http://internal.example/a.png", "10.0.0.5"],
    ["the metadata service", () => "http://169.254.169.254/latest/meta-data/", "cloud metadata"],
    ["a decimal loopback (127.0.0.2)", (p: number) => `http://2130706434:${p}/`, "loopback"],
  ])("refuses a redirect to %s without contacting it", async (_, target, label) => {
    const to = encodeURIComponent(target(server.port));
    const error = await failure(`${server.origin()}/redirect?to=${to}`);
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect(error.message).toMatch(/^This address redirects to .+, which is private \(/);
    expect(error.message).toContain(label);
    expect(server.hits).toHaveLength(1);
  });

  it("follows relative redirects, re-checking each hop, and reports where it ended", async () => {
    const res = await guardedFetch(`${server.origin()}/chain/5`, guard);
    expect(res.status).toBe(200);
    expect(res.finalUrl).toBe(`${server.origin()}/image.png`);
    expect(res.redirects).toHaveLength(5);
    expect(resolve.calls.filter((h) => h === "images.example").length).toBeGreaterThanOrEqual(6);
  });

  it("gives up after 5 redirects", async () => {
    const error = await failure(`${server.origin()}/chain/6`);
    expect(error).toBeInstanceOf(UrlUnreachableError);
    expect(error).toMatchObject({ reason: "redirects" });
  });

  it("reads no more than maxBytes", async () => {
    const res = await guardedFetch(`${server.origin()}/big`, { ...guard, maxBytes: 1000 });
    expect(res.body.length).toBe(1000);
    expect(res.truncated).toBe(true);
  });

  it("times out on a server that never answers", async () => {
    const started = Date.now();
    const error = await failure(`${server.origin()}/slow`, { ...guard, timeoutMs: 300 });
    expect(error).toMatchObject({ reason: "timeout" });
    expect(error.message).toMatch(/did not answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a refused connection as unreachable", async () => {
    const closed = await startTestServer(image);
    const port = closed.port;
    await closed.close();
    const error = await failure(`http://images.example:${port}/image.png`);
    expect(error).toBeInstanceOf(UrlUnreachableError);
    expect(error).toMatchObject({ reason: "connect" });
  });

  it("connects to the address it checked even when DNS changes its answer (rebinding)", async () => {
    let calls = 0;
    const rebinding = fakeResolver({
      "rebind.example": () => (calls++ === 0 ? ["127.0.0.1"] : ["10.0.0.5"]),
    });
    const res = await guardedFetch(`http://rebind.example:${server.port}/image.png`, {
      resolve: rebinding,
      isAllowedAddress: allowTestServer,
    });
    expect(res.status).toBe(200);
    // One lookup for the one hop: the connection used its answer, not a second lookup.
    expect(rebinding.calls).toEqual(["rebind.example"]);
  });
});
