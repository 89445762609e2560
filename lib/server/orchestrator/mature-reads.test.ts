import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kreaInputSchema } from "@/lib/contract/krea/schema";
import type { OrchestratorTarget } from "./target";
import { getGeneration, listGenerations, submitGeneration } from "./workflows";

// The list's hideMatureContent defaults to true (spec): mature images come back
// without a URL. Every read the studio makes says false; the gallery blurs them.
let server: Server;
let target: OrchestratorTarget;
const seen: URL[] = [];

const workflow = {
  id: "wf_m",
  status: "processing",
  createdAt: "2026-12-01T10:00:00Z",
  tags: ["krea-studio"],
  steps: [],
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    seen.push(url);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify(
        req.method === "GET" && url.pathname === "/v2/consumer/workflows"
          ? { next: null, items: [workflow] }
          : workflow,
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  target = { kind: "civitai", baseUrl: `http://127.0.0.1:${port}`, token: "t", source: "env" };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("every workflow read asks for mature images too", () => {
  it.each([
    ["get", () => getGeneration(target, "wf_m")],
    ["watch (a long-poll get)", () => getGeneration(target, "wf_m", { wait: 1 })],
    ["list", () => listGenerations(target, { tags: ["size:large"] })],
    [
      "submit",
      () =>
        submitGeneration(
          target,
          { ...kreaInputSchema.parse({ prompt: "p" }), seed: 1 },
          { externalId: "k1" },
        ),
    ],
  ])("%s sends hideMatureContent=false", async (_, read) => {
    seen.length = 0;
    await read();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.searchParams.get("hideMatureContent")).toBe("false");
  });
});
