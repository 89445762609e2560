// Test helpers: a real engine on a temp data dir served over HTTP on an
// ephemeral port, an SDK client pointed at it, and raw fetch for the bodies the
// SDK hides (its interceptor replaces every non-400 error body).
import { createCivitaiClient } from "@civitai/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EngineOptions } from "../config";
import { createEngine, type Engine } from "../engine";
import { startNodeServer, type RunningServer } from "../node-server";
import type { HostResolver } from "../reference-check";

export const TOKEN = "test-token";

/** A public unicast address (example.com's) for the made-up hosts tests paste as references. */
export const PUBLIC_TEST_ADDRESS = "93.184.215.14";

/**
 * Tests never ask real DNS (there is no internet here): reserved test names
 * (RFC 2606 / 6761: *.example, *.test, example.com/org) and the recipe's
 * image.civitai.com resolve to a public address; anything else does not resolve.
 */
export const testResolver: HostResolver = async (hostname) => {
  const host = hostname.toLowerCase();
  if (
    /(^|\.)(example|test)$/.test(host) ||
    /(^|\.)example\.(com|org|net)$/.test(host) ||
    host === "image.civitai.com"
  ) {
    return [PUBLIC_TEST_ADDRESS];
  }
  throw new Error(`no address for ${hostname}`);
};

export interface TestEngine {
  url: string;
  dataDir: string;
  engine: Engine;
  server: RunningServer;
  client: ReturnType<typeof createCivitaiClient>;
  clientFor(token: string): ReturnType<typeof createCivitaiClient>;
  /** fetch against the engine with the test token (pass `token: null` for none) */
  raw(pathAndQuery: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** stops server and engine, keeping the data dir (restart tests) */
  stop(): Promise<void>;
  /** stops and deletes the data dir */
  destroy(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "krea-engine-test-"));
}

export async function startTestEngine(options: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const dataDir = options.dataDir ?? tempDataDir();
  const engine = createEngine({
    speed: "instant",
    log: () => undefined,
    resolveHost: testResolver,
    ...options,
    dataDir,
  });
  const server = await startNodeServer(engine, { port: 0 });
  const clientFor = (token: string) => createCivitaiClient({ baseUrl: server.url, auth: token });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await engine.close();
  };
  return {
    url: server.url,
    dataDir,
    engine,
    server,
    client: clientFor(TOKEN),
    clientFor,
    raw: (pathAndQuery, init = {}) => {
      const { token = TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null) headers.set("authorization", `Bearer ${token}`);
      const target = pathAndQuery.startsWith("http")
        ? pathAndQuery
        : `${server.url}${pathAndQuery}`;
      return fetch(target, { ...rest, headers });
    },
    stop,
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Per-user ledger from the engine's admin route. */
export async function ledger(t: TestEngine, token = TOKEN) {
  const res = await t.raw("/_engine/ledger", { token });
  const body: { debits: number; credits: number; balance: number; workflows: number } =
    await res.json();
  return body;
}
