import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getWorkflow } from "@civitai/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import { callSdk } from "./client";
import type { OrchestratorTarget } from "./target";

// A tiny misbehaving HTTP server: checks that the SDK + our fetch wrapper keep
// status, Retry-After and problem bodies the SDK's interceptor would drop.
let server: Server;
let target: OrchestratorTarget;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "";
    if (path.includes("/rate-limited")) {
      res.writeHead(429, { "retry-after": "3", "content-type": "application/problem+json" });
      return res.end(JSON.stringify({ status: 429, detail: "slow down" }));
    }
    if (path.includes("/not-found")) {
      res.writeHead(404, { "content-type": "application/problem+json" });
      return res.end(JSON.stringify({ status: 404, detail: "Workflow wf_x was not found" }));
    }
    if (path.includes("/drop")) return req.socket.destroy();
    if (path.includes("/stall")) return; // never answers
    if (path.includes("/unauthorized")) {
      res.writeHead(401);
      return res.end();
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: "ok", auth: req.headers.authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  target = {
    kind: "civitai",
    baseUrl: `http://127.0.0.1:${port}`,
    token: "secret-token",
    source: "env",
  };
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const get = (id: string, timeoutMs = 2_000) =>
  callSdk(target, (x) => getWorkflow({ ...x, path: { workflowId: id } }), { timeoutMs });

async function failure(id: string, timeoutMs?: number): Promise<AppError> {
  const error = await get(id, timeoutMs).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("callSdk", () => {
  it("returns data and status on success and sends the bearer token", async () => {
    const { data, status } = await get("fine");
    expect(status).toBe(200);
    expect(data).toEqual({ id: "ok", auth: "Bearer secret-token" });
  });

  it("keeps Retry-After from a 429", async () => {
    const e = await failure("rate-limited");
    expect([e.kind, e.retryAfter]).toEqual(["rate_limited", 3]);
  });

  it("keeps the problem detail of a 404", async () => {
    const e = await failure("not-found");
    expect([e.kind, e.detail]).toEqual(["not_found", "Workflow wf_x was not found"]);
  });

  it("maps 401, dropped connections and stalls", async () => {
    expect((await failure("unauthorized")).kind).toBe("unauthorized");
    expect((await failure("drop")).kind).toBe("network");
    expect((await failure("stall", 300)).kind).toBe("timeout");
  });

  it("never puts the token in an error", async () => {
    for (const id of ["rate-limited", "not-found", "unauthorized", "drop"]) {
      const e = await failure(id);
      expect(
        JSON.stringify({ detail: e.detail, title: e.title, fields: e.fieldErrors }),
      ).not.toContain("secret-token");
    }
  });
});
