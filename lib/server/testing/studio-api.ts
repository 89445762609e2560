// Test helpers for the studio's route handlers: a real embedded engine over HTTP
// (ORCHESTRATOR_URL points at it) and Requests built the way a browser sends them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EngineOptions } from "@/lib/engine/config";
import { startTestEngine, type TestEngine } from "@/lib/engine/testing/harness";
import { LOCAL_ENGINE_TOKEN } from "@/lib/server/orchestrator/target";
import { closeStudioDbs } from "@/lib/server/db/studio-db";
import { pointStudioDbAtFreshPlace } from "./test-db";

export interface StudioApiEnv {
  engine: TestEngine;
  /** requests the engine has served so far (the stats call itself excluded) */
  upstreamCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startStudioApiEnv(
  engineOptions: Partial<EngineOptions> = {},
): Promise<StudioApiEnv> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "krea-studio-api-"));
  process.env.STUDIO_DATA_DIR = dataDir;
  const undoDb = await pointStudioDbAtFreshPlace(dataDir);
  const engine = await startTestEngine(engineOptions);
  process.env.ORCHESTRATOR_URL = engine.url;
  delete process.env.CIVITAI_TOKEN;
  let statsCalls = 0;
  return {
    engine,
    async upstreamCount() {
      const res = await engine.raw("/_engine/stats", { token: LOCAL_ENGINE_TOKEN });
      const body: { requestsServed: number } = await res.json();
      statsCalls++;
      // requestsServed includes this stats request and every earlier one.
      return body.requestsServed - statsCalls;
    },
    async close() {
      await engine.destroy();
      delete process.env.ORCHESTRATOR_URL;
      await closeStudioDbs();
      await undoDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function jsonRequest(
  url: string,
  body: unknown,
  init: { method?: string; headers?: Record<string, string> } = {},
): Request {
  return new Request(new URL(url, "http://127.0.0.1:3000"), {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const params = <T extends Record<string, string>>(value: T) => ({
  params: Promise.resolve(value),
});
