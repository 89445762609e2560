// Settings of the embedded orchestrator engine, from options (tests) or the
// environment (the app and `npm run engine`). This module reads
// STUDIO_DATA_DIR itself instead of using lib/server/db/data-dir.ts, because that
// one imports "server-only", which throws under plain Node/tsx where the
// standalone engine runs.
import { isIP } from "node:net";
import path from "node:path";
import { parseFaultPlan, type FaultPlan } from "./faults";
export { ENGINE_ENV_VARIABLES } from "./env-variables";
import { TYPICAL_SECONDS, type KreaSize } from "./krea-facts";
import { staticResolver, systemResolver, type HostResolver } from "./reference-check";

export const ENGINE_SPEEDS = ["instant", "fast", "realistic"] as const;
export type EngineSpeed = (typeof ENGINE_SPEEDS)[number];

export interface EngineOptions {
  /** The studio's data dir; the engine keeps its files in `<dataDir>/engine/`. */
  dataDir: string;
  /** false: every route answers 404 (LOCAL_ENGINE=off). */
  enabled?: boolean;
  speed?: EngineSpeed;
  /** lifetime of signed blob URLs */
  urlTtlSeconds?: number;
  /** how long a blob lives after its upload (or job) or its last refresh; 30 days */
  blobTtlSeconds?: number;
  /** Buzz each new user (token) starts with */
  startingBuzz?: number;
  /** jobs running at once; later ones queue */
  concurrency?: number;
  /**
   * Origin (plus path prefix) put in signed URLs instead of the request's own,
   * for when browsers reach the engine under another address than the studio's
   * server does (the studio calls it over loopback).
   */
  publicUrl?: string;
  /** where one-line notices go (resume counts); defaults to console.warn */
  log?: (line: string) => void;
  /** faults to inject from the start (see faults.ts); none by default */
  faults?: FaultPlan | null;
  /** enables the /_engine/faults admin route; never on by default */
  testMode?: boolean;
  /** how style reference hosts resolve (tests inject one); the system's DNS by default */
  resolveHost?: HostResolver;
  /**
   * Hosts that resolve to the given addresses before DNS is asked
   * (LOCAL_ENGINE_HOSTS="example.com=93.184.215.14"): this machine has no
   * internet, so e2e runs name the public hosts their pasted links use.
   */
  hosts?: Record<string, string[]>;
}

export interface ResolvedEngineOptions {
  enabled: boolean;
  engineDir: string;
  speed: EngineSpeed;
  urlTtlSeconds: number;
  blobTtlSeconds: number;
  startingBuzz: number;
  concurrency: number;
  publicUrl: string | null;
  log: (line: string) => void;
  faults: FaultPlan | null;
  testMode: boolean;
  resolveHost: HostResolver;
}

export const DEFAULTS = {
  speed: "fast",
  urlTtlSeconds: 3600,
  // The spec: refresh "resets the 30-day TTL".
  blobTtlSeconds: 30 * 24 * 3600,
  startingBuzz: 100_000,
  concurrency: 8,
} as const satisfies Partial<ResolvedEngineOptions>;

export function resolveOptions(options: EngineOptions): ResolvedEngineOptions {
  return {
    enabled: options.enabled ?? true,
    engineDir: path.join(path.resolve(options.dataDir), "engine"),
    speed: options.speed ?? DEFAULTS.speed,
    urlTtlSeconds: positive("urlTtlSeconds", options.urlTtlSeconds ?? DEFAULTS.urlTtlSeconds),
    blobTtlSeconds: positive("blobTtlSeconds", options.blobTtlSeconds ?? DEFAULTS.blobTtlSeconds),
    startingBuzz: nonNegative("startingBuzz", options.startingBuzz ?? DEFAULTS.startingBuzz),
    concurrency: positive("concurrency", options.concurrency ?? DEFAULTS.concurrency),
    publicUrl: options.publicUrl ? options.publicUrl.replace(/\/+$/, "") : null,
    log: options.log ?? ((line) => console.warn(line)),
    faults: options.faults ?? null,
    testMode: options.testMode ?? false,
    resolveHost: withHosts(options.hosts ?? {}, options.resolveHost ?? systemResolver),
  };
}

function withHosts(hosts: Record<string, string[]>, fallback: HostResolver): HostResolver {
  if (Object.keys(hosts).length === 0) return fallback;
  const known = staticResolver(hosts);
  return (hostname) => known(hostname).catch(() => fallback(hostname));
}

/** "a.example=1.2.3.4,b.example=5.6.7.8" → { "a.example": ["1.2.3.4"], … } */
function parseHosts(raw: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const entry of raw
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [host, address] = entry.split("=").map((p) => p.trim());
    if (!host || !address || isIP(address) === 0) {
      throw new Error(`LOCAL_ENGINE_HOSTS entries are host=address, not "${entry}"`);
    }
    (out[host.toLowerCase()] ??= []).push(address);
  }
  return out;
}

type Env = Record<string, string | undefined>;

/**
 * Reads ENGINE_ENV_VARIABLES. A malformed value throws: a typo should not
 * silently run the engine with settings nobody asked for.
 */
export function optionsFromEnv(env: Env = process.env): EngineOptions {
  const enabled = (env.LOCAL_ENGINE ?? "").trim().toLowerCase();
  if (enabled && !["on", "off", "1", "0", "true", "false"].includes(enabled)) {
    throw new Error(`LOCAL_ENGINE must be "on" or "off", not "${env.LOCAL_ENGINE}"`);
  }
  const speed = env.LOCAL_ENGINE_SPEED?.trim() || undefined;
  if (speed !== undefined && !isSpeed(speed)) {
    throw new Error(
      `LOCAL_ENGINE_SPEED must be one of ${ENGINE_SPEEDS.join(", ")}, not "${speed}"`,
    );
  }
  return {
    dataDir: env.STUDIO_DATA_DIR || path.join(process.cwd(), ".data"),
    enabled: !["off", "0", "false"].includes(enabled),
    speed,
    urlTtlSeconds: intFromEnv(env, "LOCAL_ENGINE_URL_TTL_SECONDS"),
    blobTtlSeconds: intFromEnv(env, "LOCAL_ENGINE_BLOB_TTL_SECONDS"),
    startingBuzz: intFromEnv(env, "LOCAL_ENGINE_BUZZ"),
    concurrency: intFromEnv(env, "LOCAL_ENGINE_CONCURRENCY"),
    publicUrl: env.LOCAL_ENGINE_PUBLIC_URL || undefined,
    faults: env.LOCAL_ENGINE_FAULTS?.trim() ? parseFaultPlan(env.LOCAL_ENGINE_FAULTS) : null,
    testMode: flagFromEnv(env, "LOCAL_ENGINE_TEST_MODE"),
    hosts: parseHosts(env.LOCAL_ENGINE_HOSTS ?? ""),
  };
}

function flagFromEnv(env: Env, name: string): boolean {
  const raw = (env[name] ?? "").trim().toLowerCase();
  if (!raw || ["0", "false", "off"].includes(raw)) return false;
  if (["1", "true", "on"].includes(raw)) return true;
  throw new Error(`${name} must be 1 or 0, not "${env[name]}"`);
}

function isSpeed(value: string): value is EngineSpeed {
  return (ENGINE_SPEEDS as readonly string[]).includes(value);
}

function intFromEnv(env: Env, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return Number(raw);
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 1) throw new Error(`${name} must be at least 1`);
  return Math.floor(value);
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must not be negative`);
  return Math.floor(value);
}

/** How long jobs take, per speed profile. Times in milliseconds. */
export interface SpeedProfile {
  perImage: Record<KreaSize, { min: number; max: number }>;
  /** `test:expire`: when unassigned jobs give up */
  expireAfter: number;
  /** `test:slow`: per job, whatever the speed */
  slow: { min: number; max: number };
}

const seconds = (range: { min: number; max: number }) => ({
  min: range.min * 1000,
  max: range.max * 1000,
});

const SLOW = { min: 28_000, max: 32_000 };

export const SPEED_PROFILES: Record<EngineSpeed, SpeedProfile> = {
  instant: {
    perImage: { medium: { min: 150, max: 300 }, large: { min: 300, max: 500 } },
    expireAfter: 500,
    slow: SLOW,
  },
  fast: {
    perImage: { medium: { min: 1000, max: 2000 }, large: { min: 2000, max: 3000 } },
    expireAfter: 3000,
    slow: SLOW,
  },
  realistic: {
    perImage: { medium: seconds(TYPICAL_SECONDS.medium), large: seconds(TYPICAL_SECONDS.large) },
    expireAfter: 30_000,
    slow: SLOW,
  },
};
