import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS } from "@/lib/contract/generations/filters";
import { listHistory } from "./history";
import type { OrchestratorTarget } from "./target";

// The history depends on nothing the spec leaves open: no `query` search (how it
// matches is unspecified), any cursor length, and a cursor that does not move
// on ends the list instead of being asked again.
let server: Server;
let target: OrchestratorTarget;
const seen: URL[] = [];
let answer: (url: URL) => unknown = () => ({ next: null, items: [] });

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    seen.push(url);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer(url)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  target = { kind: "civitai", baseUrl: `http://127.0.0.1:${port}`, token: "t", source: "env" };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const range = { from: null, to: null };

describe("the history upstream", () => {
  it("never sends the orchestrator's `query`: search words are matched by the studio", async () => {
    seen.length = 0;
    answer = () => ({ next: null, items: [] });
    await listHistory(target, { ...NO_FILTERS, q: "fox" }, { take: 30, range });
    expect(seen.length).toBeGreaterThan(0);
    for (const url of seen) expect(url.searchParams.has("query")).toBe(false);
  });

  it.each([
    ["unfiltered", NO_FILTERS],
    ["filtered", { ...NO_FILTERS, q: "fox" }],
  ])("ends the list when a page hands back the cursor it was asked with (%s)", async (_, f) => {
    seen.length = 0;
    answer = (url) => ({ next: url.searchParams.get("cursor"), items: [] });
    const page = await listHistory(target, f, { cursor: "c7", take: 30, range });
    expect(page).toEqual({ items: [], next: null, prev: null });
    expect(seen).toHaveLength(1);
  });

  it("passes a cursor of any length on as it came", async () => {
    seen.length = 0;
    const long = "k".repeat(3000);
    answer = () => ({ next: `${long}2`, items: [] });
    const page = await listHistory(target, NO_FILTERS, { cursor: long, take: 30, range });
    expect(seen[0]?.searchParams.get("cursor")).toBe(long);
    expect(page.next).toBe(`${long}2`);
  });

  it("GET /api/workflows takes a long cursor too", async () => {
    const { GET } = await import("@/app/api/workflows/route");
    process.env.ORCHESTRATOR_URL = target.baseUrl;
    try {
      seen.length = 0;
      answer = () => ({ next: null, items: [] });
      const long = "k".repeat(3000);
      const res = await GET(new Request(`http://127.0.0.1/api/workflows?cursor=${long}`), {});
      expect(res.status).toBe(200);
      expect(seen[0]?.searchParams.get("cursor")).toBe(long);
    } finally {
      delete process.env.ORCHESTRATOR_URL;
    }
  });
});
