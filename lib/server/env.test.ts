import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ENGINE_ENV_VARIABLES,
  LAUNCHER_ENV_VARIABLES,
  STUDIO_ENV_VARIABLES,
  env,
  readEnv,
} from "./env";

const ROOT = path.resolve(__dirname, "../..");

/** Written down in env.ts's header: these read process.env themselves. */
const EXCEPTIONS = ["lib/engine/", "lib/server/cli/", "lib/server/testing/", "lib/server/env.ts"];
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(rel);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [rel] : [];
  });
}

/** Lines outside env.ts that read process.env, as "file:line: text". */
function envReadsOutsideEnvModule(
  files: string[],
  read = (file: string) => readFileSync(path.join(ROOT, file), "utf8"),
): string[] {
  return files
    .filter((file) => !isTest(file) && !EXCEPTIONS.some((e) => file.startsWith(e)))
    .flatMap((file) =>
      read(file)
        .split("\n")
        .flatMap((line, i) =>
          /process\.env/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
}

/** The variable names in README's Configuration table (first column, one per row). */
function readmeVariables(readme: string): string[] {
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^### /m)[0] ?? "";
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` /gm)].map((m) => m[1]!);
}

describe("environment variables", () => {
  it("are read only in lib/server/env.ts (app, components, lib; exceptions in its header)", () => {
    const files = ["app", "components", "lib"].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    expect(envReadsOutsideEnvModule(files)).toEqual([]);
  });

  it("proxy.ts and instrumentation.ts read only what Next inlines at build time", () => {
    for (const file of ["proxy.ts", "instrumentation.ts"]) {
      const reads = readFileSync(path.join(ROOT, file), "utf8").match(/process\.env\.?\w*/g) ?? [];
      for (const read of reads) expect(read).toMatch(/^process\.env\.(NODE_ENV|NEXT_RUNTIME)$/);
    }
  });

  it("are listed in README's table, exactly once each and nothing else", () => {
    const listed = readmeVariables(readFileSync(path.join(ROOT, "README.md"), "utf8"));
    const known = new Set<string>([
      ...STUDIO_ENV_VARIABLES,
      ...ENGINE_ENV_VARIABLES,
      ...LAUNCHER_ENV_VARIABLES,
    ]);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual([...known].sort());
  });

  it("the checks above can fail", () => {
    const files = ["lib/server/env.ts", "lib/x.test.ts", "lib/engine/a.ts", "components/b.tsx"];
    expect(envReadsOutsideEnvModule(files, () => "const a = process.env.X;")).toEqual([
      "components/b.tsx:1: const a = process.env.X;",
    ]);
    const readme =
      "## Configuration\n\n| `PORT` | x |\n| `STRAY` | y |\n### Next\n| `NOT_IN_TABLE` |";
    expect(readmeVariables(readme)).toEqual(["PORT", "STRAY"]);
  });
});

describe("readEnv", () => {
  it("gives defaults, typed values and a frozen object", () => {
    const settings = readEnv({ STUDIO_RATE_LIMIT_SUBMIT: "6,3", STUDIO_TRUST_PROXY: "1" });
    expect(settings).toMatchObject({
      PORT: "3000",
      ORCHESTRATOR_TIMEOUT_MS: 30_000,
      STUDIO_UPLOAD_MAX_BYTES: 10 * 1024 * 1024,
      STUDIO_RATE_LIMIT: true,
      STUDIO_RATE_LIMIT_SUBMIT: { perMinute: 6, burst: 3 },
      STUDIO_TRUST_PROXY: true,
      STUDIO_IMAGE_HOSTS: [],
    });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it("names the variable and what it expects, only where the bad one is used", () => {
    const settings = readEnv({ ORCHESTRATOR_TIMEOUT_MS: "soon", STUDIO_TRUST_PROXY: "yes" });
    expect(() => settings.ORCHESTRATOR_TIMEOUT_MS).toThrow(
      'ORCHESTRATOR_TIMEOUT_MS must be a positive whole number, not "soon".',
    );
    expect(() => settings.STUDIO_TRUST_PROXY).toThrow(
      'STUDIO_TRUST_PROXY must be 1 or 0, not "yes".',
    );
    expect(() => readEnv({ STUDIO_SECRET: "short" }).STUDIO_SECRET).toThrow(
      "STUDIO_SECRET must be at least 32 characters",
    );
    expect(settings.PORT).toBe("3000");
  });

  it("REDIS_URL: unset means memory, a redis URL is kept, anything else is refused without echoing it", () => {
    expect(readEnv({}).REDIS_URL).toBeUndefined();
    expect(readEnv({ REDIS_URL: " " }).REDIS_URL).toBeUndefined();
    expect(readEnv({ REDIS_URL: "redis://:pw@10.0.0.5:6379/2" }).REDIS_URL).toBe(
      "redis://:pw@10.0.0.5:6379/2",
    );
    expect(readEnv({ REDIS_URL: "rediss://cache.internal" }).REDIS_URL).toBe(
      "rediss://cache.internal",
    );
    for (const bad of ["http://hunter2@10.0.0.5", "hunter2:6379", "redis://"]) {
      const settings = readEnv({ REDIS_URL: bad });
      expect(() => settings.REDIS_URL).toThrow("REDIS_URL must be a redis:// or rediss:// URL");
      expect(() => settings.REDIS_URL).not.toThrow("hunter2");
    }
  });

  it("env() parses once and again only when a variable changed", () => {
    const first = env();
    expect(env()).toBe(first);
    process.env.STUDIO_IMAGE_HOSTS = "https://img.example";
    try {
      expect(env()).not.toBe(first);
      expect(env().STUDIO_IMAGE_HOSTS).toEqual(["https://img.example"]);
    } finally {
      delete process.env.STUDIO_IMAGE_HOSTS;
    }
  });
});
