// /api/health for load balancers (issue 17): each dependency with its latency,
// and 503 with reasons while this instance cannot take submits because its
// database or Redis is unreachable; the fields the page reads stay as they were.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeStudioDbs } from "@/lib/server/db/studio-db";
import { closeSharedStore } from "@/lib/server/shared/redis";
import { GET } from "./route";

const saved = { ...process.env };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-health-deps-"));
  process.env.STUDIO_DATA_DIR = dir;
  // Another orchestrator than this process's engine: the engine's own state is not asked.
  process.env.ORCHESTRATOR_URL = "http://127.0.0.1:1/elsewhere";
  delete process.env.CIVITAI_TOKEN;
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(async () => {
  await closeSharedStore();
  await closeStudioDbs();
  vi.restoreAllMocks();
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const health = async () => {
  const res = await GET(new Request("http://127.0.0.1:3999/api/health"), {});
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
};

describe("GET /api/health: dependencies", () => {
  it("reports the database, Redis and the orchestrator with their latency", async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, engine: "local", orchestrator: { state: "closed" } });
    expect(body.dependencies).toMatchObject({
      database: { kind: "sqlite", ok: true },
      redis: { kind: "memory", ok: true, latencyMs: null },
      // No orchestrator call was made yet: health never makes one of its own.
      orchestrator: { ok: true, latencyMs: null, measuredAt: null },
    });
    expect(body.dependencies.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.reasons).toBeUndefined();
  });

  it("answers 503 with the reason when Redis is unreachable", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const { status, retryAfter, body } = await health();
    expect(status).toBe(503);
    expect(retryAfter).toBe("1");
    expect(body).toMatchObject({ ok: false, engine: "local", label: "Local engine" });
    expect(body.dependencies.redis).toMatchObject({ kind: "redis", ok: false, latencyMs: null });
    expect(body.dependencies.database.ok).toBe(true);
    expect(body.reasons).toEqual([
      expect.stringMatching(/^Redis is unreachable \(.+\): submits are refused/),
    ]);
  });

  it("answers 503 with the reason when PostgreSQL is unreachable", async () => {
    process.env.DATABASE_URL = "postgres://studio:secret-pw@127.0.0.1:1/studio";
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.dependencies.database).toMatchObject({ kind: "postgres", ok: false });
    expect(body.reasons[0]).toMatch(/^The PostgreSQL database is unreachable/);
    expect(JSON.stringify(body)).not.toContain("secret-pw");
  });
});
