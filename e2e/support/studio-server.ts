// A second studio server for tests that must own their server: restart it,
// shorten its URL lifetime, or keep a gallery of their own. It serves the build
// the main webServer made (`next start`, never a build), on its own port and
// data dir, and is stopped with its whole process group.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Ports for extra servers sit just above the main e2e port (3461 → 3462…). */
export function extraPort(offset: number): number {
  return Number(process.env.E2E_PORT || 3210) + offset;
}

export function testDataDir(name: string): string {
  return path.join(root, ".data", "e2e-extra", name);
}

export interface StudioServerOptions {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  /** run as a designer does, through `npm start`'s script (lib/server/cli/start.mjs), not `next start` */
  cli?: boolean;
}

export class StudioServer {
  readonly url: string;
  private child: ChildProcess | null = null;
  private log = "";

  constructor(private readonly options: StudioServerOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** Starts a fresh server on a wiped data dir. */
  static async launch(options: StudioServerOptions): Promise<StudioServer> {
    rmSync(options.dataDir, { recursive: true, force: true });
    mkdirSync(options.dataDir, { recursive: true });
    const server = new StudioServer(options);
    await server.start();
    return server;
  }

  /**
   * Starts (again) on the same port and data dir; resolves when it answers healthy,
   * or with `listening`, as soon as it answers at all (a 503 while its engine waits).
   */
  async start({ listening = false }: { listening?: boolean } = {}): Promise<void> {
    const { port, dataDir, env, cli } = this.options;
    this.log = "";
    const args = cli
      ? [path.join(root, "lib", "server", "cli", "start.mjs")]
      : [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"];
    const child = spawn(process.execPath, args, {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        // The same isolation as the main e2e server: never Civitai, never the designer's data.
        PORT: String(port),
        HOST: "127.0.0.1",
        STUDIO_DATA_DIR: dataDir,
        STUDIO_SECRET: "",
        LOCAL_ENGINE_SPEED: "fast",
        CIVITAI_TOKEN: "",
        ORCHESTRATOR_URL: "",
        STUDIO_RATE_LIMIT: "off",
        STUDIO_ACCESS_KEY: "",
        DATABASE_URL: "",
        REDIS_URL: "",
        ...env,
      },
    });
    child.stdout?.on("data", (d) => (this.log += String(d)));
    child.stderr?.on("data", (d) => (this.log += String(d)));
    this.child = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      try {
        const res = await fetch(`${this.url}/api/health`);
        // 401: up, but behind STUDIO_ACCESS_KEY.
        if (res.ok || res.status === 401 || (listening && res.status === 503)) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    await this.stop();
    throw new Error(`studio server on ${port} did not start:\n${this.log}`);
  }

  /** Stops the server and every process it started; resolves when they are gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    signalGroup("SIGTERM");
    const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /**
   * Ctrl+C in the terminal: SIGINT to the whole process group. Resolves once
   * every process of the group is gone (the caller bounds how long that may take).
   */
  async interrupt(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const pid = child.pid;
    process.kill(-pid, "SIGINT");
    const groupAlive = () => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    while (groupAlive()) await new Promise((r) => setTimeout(r, 50));
    // Only now: a stop() meanwhile (the test gave up waiting) still ends the group.
    if (this.child === child) this.child = null;
  }

  /** Everything the server printed since it last started. */
  get output(): string {
    return this.log;
  }

  /** kill -9 on the server and every process it started: no shutdown code runs. */
  async crash(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
  }

  /** Stops the server and removes its data dir. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.options.dataDir, { recursive: true, force: true });
  }
}
