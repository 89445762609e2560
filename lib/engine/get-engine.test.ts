// A restart overlaps the old server for a moment: the new engine must wait for
// the data dir's lock and take it as soon as it is free, by itself.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeEngine, engineState, getEngine, stopEngine } from "./get-engine";

const saved = { ...process.env };
let dir: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "krea-get-engine-"));
  lock = path.join(dir, "engine", "engine.lock");
  process.env.STUDIO_DATA_DIR = dir;
  process.env.LOCAL_ENGINE_SPEED = "instant";
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(async () => {
  await closeEngine();
  vi.restoreAllMocks();
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const stats = () =>
  getEngine().handle(
    new Request("http://studio.test/api/local-engine/_engine/stats", {
      headers: { authorization: "Bearer a" },
    }),
    "/api/local-engine",
  );

describe("the shared engine", () => {
  it("waits while another live process holds the lock, then takes it by itself", async () => {
    mkdirSync(path.dirname(lock), { recursive: true });
    // Our parent is alive and is not us: the old server, still shutting down.
    writeFileSync(lock, String(process.ppid));
    const waiting = await stats();
    expect(waiting.status).toBe(503);
    expect(waiting.headers.get("retry-after")).toBe("1");
    expect((await waiting.json()).detail).toMatch(/starting: Another local engine \(pid \d+\)/);
    expect(engineState()).toMatchObject({ state: "waiting" });

    // The old server exits and lets go. No request arrives: the retry alone starts it.
    rmSync(lock);
    await vi.waitFor(() => expect(globalThis.__kreaStudioEngineStart?.status.state).toBe("ready"), {
      timeout: 5_000,
    });
    expect((await stats()).status).toBe(200);
    expect(existsSync(lock)).toBe(true);
  });

  it("stays failed on bad settings, which never heal by themselves", async () => {
    process.env.LOCAL_ENGINE_SPEED = "warp";
    expect(engineState()).toMatchObject({ state: "failed", detail: /LOCAL_ENGINE_SPEED/ });
    expect((await stats()).status).toBe(500);
  });

  it("on shutdown answers 503, releases the lock and never starts again", async () => {
    expect((await stats()).status).toBe(200);
    expect(existsSync(lock)).toBe(true);
    await stopEngine();
    expect(existsSync(lock)).toBe(false);
    expect((await stats()).status).toBe(503);
    expect(engineState()).toMatchObject({ state: "stopping" });
    expect(existsSync(lock)).toBe(false);
  });
});
