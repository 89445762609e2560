// Two studio instances as a team deploys them (README "Team deployment"): one
// build started twice on two ports, sharing one PostgreSQL (DATABASE_URL), one
// Redis (REDIS_URL), STUDIO_SECRET and ONE orchestrator. The orchestrator is the
// embedded engine run on its own (`npm run engine`, lib/engine/standalone.ts) on
// a third port, and both studios point ORCHESTRATOR_URL at it: an engine inside
// studio A would die with A, and two embedded engines would be two orchestrators.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extraPort, StudioServer, testDataDir } from "./studio-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** What the two-instance tests need, or why they cannot run. */
export function teamServices(): { databaseUrl: string; redisUrl: string } | string {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) {
    return "needs DATABASE_URL (PostgreSQL) and REDIS_URL: `.ci/run` starts both; locally e.g. DATABASE_URL=postgres://… REDIS_URL=redis://127.0.0.1:6379 npx playwright test e2e/two-instances.spec.ts";
  }
  return { databaseUrl, redisUrl };
}

/** The standalone engine: the one orchestrator both studios use. */
export class EngineProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private log = "";

  constructor(
    private readonly port: number,
    private readonly dataDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    rmSync(this.dataDir, { recursive: true, force: true });
    mkdirSync(this.dataDir, { recursive: true });
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "lib/engine/standalone.ts"],
      {
        cwd: root,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          PORT: String(this.port),
          HOST: "127.0.0.1",
          STUDIO_DATA_DIR: this.dataDir,
          // Medium images take 5–15 s: long enough to watch one run from another page.
          LOCAL_ENGINE_SPEED: "realistic",
          LOCAL_ENGINE_CONCURRENCY: "16",
        },
      },
    );
    child.stdout?.on("data", (d) => (this.log += String(d)));
    child.stderr?.on("data", (d) => (this.log += String(d)));
    this.child = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const res = await fetch(`${this.url}/_engine/stats`, {
          headers: { authorization: "Bearer local-studio" },
        });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    await this.stop();
    throw new Error(`the standalone engine on ${this.port} did not start:\n${this.log}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface Team {
  engine: EngineProcess;
  a: StudioServer;
  b: StudioServer;
  dispose(): Promise<void>;
}

/** Starts the engine and studios A and B (ports E2E_PORT+41, +42; the engine +43). */
export async function startTeam(
  services: { databaseUrl: string; redisUrl: string },
  env: Record<string, string> = {},
): Promise<Team> {
  const engine = new EngineProcess(extraPort(43), testDataDir("team-engine"));
  await engine.start();
  const shared = {
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    ORCHESTRATOR_URL: engine.url,
    // Both instances seal and open the same cookies.
    STUDIO_SECRET: randomBytes(24).toString("base64url"),
    LOCAL_ENGINE: "off",
    ...env,
  };
  const servers: StudioServer[] = [];
  try {
    for (const [name, offset] of [
      ["team-a", 41],
      ["team-b", 42],
    ] as const) {
      servers.push(
        await StudioServer.launch({
          port: extraPort(offset),
          dataDir: testDataDir(name),
          env: shared,
        }),
      );
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.dispose()));
    await engine.stop();
    throw error;
  }
  const [a, b] = servers as [StudioServer, StudioServer];
  return {
    engine,
    a,
    b,
    async dispose() {
      await Promise.all([a.dispose(), b.dispose()]);
      await engine.stop();
    },
  };
}
