import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { optionsFromEnv, resolveOptions } from "./config";
import { createEngine } from "./engine";
import { closeEngine, getEngine } from "./get-engine";

describe("optionsFromEnv", () => {
  it("reads every setting and defaults the rest", () => {
    const options = optionsFromEnv({
      STUDIO_DATA_DIR: "/data/studio",
      LOCAL_ENGINE_SPEED: "realistic",
      LOCAL_ENGINE_URL_TTL_SECONDS: "60",
      LOCAL_ENGINE_BUZZ: "500",
      LOCAL_ENGINE_CONCURRENCY: "2",
    });
    expect(resolveOptions(options)).toMatchObject({
      enabled: true,
      engineDir: path.resolve("/data/studio/engine"),
      speed: "realistic",
      urlTtlSeconds: 60,
      startingBuzz: 500,
      concurrency: 2,
      publicUrl: null,
    });
    expect(resolveOptions(optionsFromEnv({}))).toMatchObject({
      engineDir: path.join(process.cwd(), ".data", "engine"),
      speed: "fast",
      urlTtlSeconds: 3600,
      startingBuzz: 100_000,
      concurrency: 8,
    });
    expect(optionsFromEnv({ LOCAL_ENGINE: "off" }).enabled).toBe(false);
  });

  it("refuses malformed values instead of guessing", () => {
    expect(() => optionsFromEnv({ LOCAL_ENGINE_SPEED: "warp" })).toThrow(
      /instant, fast, realistic/,
    );
    expect(() => optionsFromEnv({ LOCAL_ENGINE_BUZZ: "lots" })).toThrow(/LOCAL_ENGINE_BUZZ/);
    expect(() => optionsFromEnv({ LOCAL_ENGINE: "maybe" })).toThrow(/LOCAL_ENGINE/);
    expect(() => resolveOptions({ dataDir: "/x", concurrency: 0 })).toThrow(/concurrency/);
  });
});

describe("engines", () => {
  const saved = { ...process.env };
  afterEach(async () => {
    await closeEngine();
    process.env = { ...saved };
  });

  it("answers 404 to everything when turned off, and touches no disk", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "krea-off-"));
    try {
      const engine = createEngine({ dataDir: dir, enabled: false });
      const res = await engine.handle(
        new Request("http://x/api/local-engine/v2/consumer/workflows", {
          headers: { authorization: "Bearer a" },
        }),
        "/api/local-engine",
      );
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).detail).toContain("LOCAL_ENGINE=off");
      expect(existsSync(path.join(dir, "engine"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("allows one engine per data dir, taking over a lock left by a dead process", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "krea-lock-"));
    try {
      const first = createEngine({ dataDir: dir, log: () => undefined });
      expect(() => createEngine({ dataDir: dir })).toThrow(/Another local engine .* is using/);
      await first.close();
      // A lock file naming this very pid, but held by no engine here: left by an earlier life.
      writeFileSync(path.join(dir, "engine", "engine.lock"), String(process.pid));
      const second = createEngine({ dataDir: dir, log: () => undefined });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers 500 problem+json saying why when the engine cannot start", async () => {
    process.env.LOCAL_ENGINE_SPEED = "warp";
    const res = await getEngine().handle(
      new Request("http://x/api/local-engine/_engine/stats"),
      "/api/local-engine",
    );
    expect(res.status).toBe(500);
    expect((await res.json()).detail).toContain("LOCAL_ENGINE_SPEED");
  });

  it("shares one engine per process through globalThis", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "krea-global-"));
    process.env.STUDIO_DATA_DIR = dir;
    process.env.LOCAL_ENGINE_SPEED = "instant";
    try {
      const engine = getEngine();
      expect(getEngine()).toBe(engine);
      expect(globalThis.__kreaStudioLocalEngine).toBe(engine);
      const res = await engine.handle(
        new Request("http://studio.test/api/local-engine/_engine/stats", {
          headers: { authorization: "Bearer a" },
        }),
        "/api/local-engine",
      );
      expect(await res.json()).toMatchObject({ speed: "instant", workflows: 0 });
      expect(existsSync(path.join(dir, "engine", "engine.db"))).toBe(true);
      await closeEngine();
      expect(getEngine()).not.toBe(engine);
    } finally {
      await closeEngine();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
