// /api/health tells the truth about the embedded engine: 503 while it waits for
// its data dir (a restart overlapping the old server), 200 once it serves.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { healthNotice, type HealthAnswer } from "@/lib/client/platform/use-orchestrator-health";
import { closeEngine } from "@/lib/engine/get-engine";
import { GET } from "./route";

const saved = { ...process.env };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-health-"));
  process.env.STUDIO_DATA_DIR = dir;
  process.env.PORT = "3999";
  process.env.LOCAL_ENGINE_SPEED = "instant";
  delete process.env.ORCHESTRATOR_URL;
  delete process.env.CIVITAI_TOKEN;
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(async () => {
  await closeEngine();
  vi.restoreAllMocks();
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const health = async () => {
  const res = await GET(new Request("http://127.0.0.1:3999/api/health"), {});
  return { status: res.status, body: (await res.json()) as HealthAnswer & Record<string, unknown> };
};

describe("GET /api/health", () => {
  it("answers 503 while the embedded engine waits for its lock, 200 once it has it", async () => {
    const lock = path.join(dir, "engine", "engine.lock");
    mkdirSync(path.dirname(lock), { recursive: true });
    writeFileSync(lock, String(process.ppid)); // a live process that is not us
    const waiting = await health();
    expect(waiting.status).toBe(503);
    expect(waiting.body).toMatchObject({ ok: false, localEngine: { state: "waiting" } });
    expect(healthNotice(waiting.body, Date.now())).toMatch(/Local engine is starting/);

    rmSync(lock);
    // Under a full parallel run (and on PostgreSQL) a health answer can take most of a second.
    await vi.waitFor(async () => expect((await health()).status).toBe(200), { timeout: 10_000 });
    const ready = await health();
    expect(ready.body).toMatchObject({ ok: true, localEngine: { state: "ready" } });
    expect(ready.body.account).toMatchObject({ label: "the local engine" });
    expect(healthNotice(ready.body, Date.now())).toBeNull();
  });

  it("answers 503 when the engine cannot start at all, and says why", async () => {
    process.env.LOCAL_ENGINE_SPEED = "warp";
    const broken = await health();
    expect(broken.status).toBe(503);
    expect(broken.body.localEngine).toMatchObject({ state: "failed" });
    expect(healthNotice(broken.body, Date.now())).toMatch(/could not start: .*LOCAL_ENGINE_SPEED/);
  });

  it("leaves the engine alone when this browser's requests go to another orchestrator", async () => {
    process.env.ORCHESTRATOR_URL = "http://127.0.0.1:1/elsewhere";
    process.env.LOCAL_ENGINE_SPEED = "warp";
    const other = await health();
    expect(other.status).toBe(200);
    expect(other.body.localEngine).toBeUndefined();
  });
});
