// Every environment variable the studio's server reads, parsed once with zod
// into a typed, frozen object. README's Configuration table lists the same
// names (env.test.ts checks both ways and that nothing else reads process.env).
//
// Exceptions, which read process.env themselves:
// - lib/engine/ is an independent program with its own config (config.ts). The
//   studio still hands it its variables from here: engineEnv() below, which the
//   routes that start the engine pass to getEngine().
// - lib/server/cli/start.mjs, the plain Node launcher (PORT, HOST) that runs
//   before any TypeScript.
// - proxy.ts's NODE_ENV and instrumentation.ts's NEXT_RUNTIME, which Next
//   inlines at build time.
// - tests, and lib/server/testing/ (the test harness), which set variables.
import "server-only";
import { z } from "zod";
import { ENGINE_ENV_VARIABLES } from "@/lib/engine/env-variables";

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A malformed setting; routes answer it 500 with this message (http/problem.ts). */
export class EnvError extends Error {
  override name = "EnvError";
}

/** A rate bucket's setting: requests per minute and burst, or "off". */
export type BucketLimit = { perMinute: number; burst: number } | "off";

/** Unset and empty both mean "not set", as `||` did before. */
const text = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const trimmed = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

function positiveInt(name: string, fallback: number, message = mustBeWhole) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim();
      if (!value) return fallback;
      if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
        ctx.addIssue({ code: "custom", message: message(name, value) });
        return z.NEVER;
      }
      return Number(value);
    });
}

const mustBeWhole = (name: string, raw: string) =>
  `${name} must be a positive whole number, not "${raw}".`;
// The upload limits keep the wording their route has always answered with.
const uploadSetting = (name: string, raw: string) =>
  `The studio's ${name} setting must be a positive whole number, not "${raw}".`;

function choice<T>(name: string, values: Record<string, T>, expected: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const key = (raw ?? "").trim().toLowerCase();
      if (key in values) return values[key];
      ctx.addIssue({ code: "custom", message: `${name} must be ${expected}, not "${raw}".` });
      return z.NEVER;
    });
}

function bucketLimit(name: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx): BucketLimit | undefined => {
      const raw = value?.trim();
      if (!raw) return undefined;
      if (raw.toLowerCase() === "off") return "off";
      const match = /^(\d+)(?:\s*,\s*(\d+))?$/.exec(raw);
      const perMinute = Number(match?.[1]);
      const burst = Number(match?.[2] ?? match?.[1]);
      if (!match || perMinute < 1 || burst < 1) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must be "<per minute>[,<burst>]" (e.g. "30,10") or "off", not "${raw}".`,
        });
        return z.NEVER;
      }
      return { perMinute, burst };
    });
}

const SCHEMA = {
  CIVITAI_TOKEN: text,
  ORCHESTRATOR_URL: text,
  ORCHESTRATOR_TIMEOUT_MS: positiveInt("ORCHESTRATOR_TIMEOUT_MS", 30_000),
  ORCHESTRATOR_BREAKER_THRESHOLD: positiveInt("ORCHESTRATOR_BREAKER_THRESHOLD", 5),
  ORCHESTRATOR_BREAKER_COOLDOWN_MS: positiveInt("ORCHESTRATOR_BREAKER_COOLDOWN_MS", 5_000),
  ORCHESTRATOR_BREAKER_MAX_COOLDOWN_MS: positiveInt("ORCHESTRATOR_BREAKER_MAX_COOLDOWN_MS", 60_000),
  PORT: z
    .string()
    .optional()
    .transform((v) => v || "3000"),
  STUDIO_DATA_DIR: text,
  // Unset: SQLite in the data dir. A postgres:// URL: the shared database of a team deployment.
  DATABASE_URL: text.refine((v) => v === undefined || /^postgres(ql)?:\/\/./.test(v), {
    message: "DATABASE_URL must be a postgres:// (or postgresql://) URL, or unset for SQLite",
  }),
  STUDIO_SECRET: text.refine((v) => v === undefined || v.length >= 32, {
    message: "STUDIO_SECRET must be at least 32 characters",
  }),
  STUDIO_UPLOAD_MAX_BYTES: positiveInt("STUDIO_UPLOAD_MAX_BYTES", 10 * 1024 * 1024, uploadSetting),
  // 40 megapixels: an 8K frame is 33 MP; a decoded 40 MP RGBA image is 160 MB of memory.
  STUDIO_UPLOAD_MAX_PIXELS: positiveInt("STUDIO_UPLOAD_MAX_PIXELS", 40_000_000, uploadSetting),
  STUDIO_ACCESS_KEY: trimmed,
  STUDIO_RATE_LIMIT: choice(
    "STUDIO_RATE_LIMIT",
    { "": true, on: true, off: false },
    `"on" or "off"`,
  ),
  STUDIO_RATE_LIMIT_SUBMIT: bucketLimit("STUDIO_RATE_LIMIT_SUBMIT"),
  STUDIO_RATE_LIMIT_UPLOAD: bucketLimit("STUDIO_RATE_LIMIT_UPLOAD"),
  STUDIO_RATE_LIMIT_CHECK: bucketLimit("STUDIO_RATE_LIMIT_CHECK"),
  STUDIO_RATE_LIMIT_TOKEN: bucketLimit("STUDIO_RATE_LIMIT_TOKEN"),
  STUDIO_RATE_LIMIT_SIGN_IN: bucketLimit("STUDIO_RATE_LIMIT_SIGN_IN"),
  // A decision grid's sends per account (lib/server/plans/pacer.ts); unset: 480 a minute, bursts of 16.
  STUDIO_PLAN_PACE: bucketLimit("STUDIO_PLAN_PACE"),
  STUDIO_TRUST_PROXY: choice("STUDIO_TRUST_PROXY", { "": false, "0": false, "1": true }, "1 or 0"),
  STUDIO_IMAGE_HOSTS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean)),
  LOCAL_ENGINE_PUBLIC_URL: text,
  // Shared state between instances (README "Team deployment"); unset: memory, one instance.
  REDIS_URL: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim();
      if (!value) return undefined;
      if (!/^rediss?:\/\/[^\s]+$/.test(value) || !URL.canParse(value)) {
        ctx.addIssue({
          code: "custom",
          // Never echo the value: it may carry a password.
          message: `REDIS_URL must be a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379).`,
        });
        return z.NEVER;
      }
      return value;
    }),
} satisfies Record<string, z.ZodType<unknown, string | undefined>>;

export type StudioEnv = { readonly [K in keyof typeof SCHEMA]: z.output<(typeof SCHEMA)[K]> };

/** The variables the studio's server reads (README's table lists these). */
export const STUDIO_ENV_VARIABLES = Object.keys(SCHEMA) as (keyof typeof SCHEMA)[];
/** Read by the embedded engine's own config (lib/engine/config.ts). */
export { ENGINE_ENV_VARIABLES };
/** Read only by the launcher, lib/server/cli/start.mjs. */
export const LAUNCHER_ENV_VARIABLES = ["PORT", "HOST"] as const;

/**
 * Parses every variable of `source`. Each one is parsed on its own: a malformed
 * value throws (500 naming the variable) only where it is used, so a bad upload
 * limit does not also take sign-in or the rate limiter down with it.
 */
export function readEnv(source: EnvSource): StudioEnv {
  const out: Record<string, PropertyDescriptor> = {};
  for (const name of STUDIO_ENV_VARIABLES) {
    const parsed = SCHEMA[name].safeParse(source[name]);
    out[name] = parsed.success
      ? { value: parsed.data, enumerable: true }
      : {
          enumerable: true,
          get: () => {
            throw new EnvError(parsed.error.issues.map((i) => i.message).join(" "));
          },
        };
  }
  return Object.freeze(Object.defineProperties({}, out)) as StudioEnv;
}

let cached: { key: string; env: StudioEnv } | undefined;

/**
 * The studio's settings. Parsed once and reused while the variables stay the
 * same; tests that change process.env between cases get a fresh parse.
 */
export function env(): StudioEnv {
  const key = JSON.stringify(STUDIO_ENV_VARIABLES.map((name) => process.env[name] ?? null));
  if (cached?.key !== key) cached = { key, env: readEnv(process.env) };
  return cached.env;
}

/** `source` when a caller (a test) passes one, else the process's settings. */
export function envFrom(source?: EnvSource): StudioEnv {
  return source ? readEnv(source) : env();
}

/**
 * The embedded engine's variables, handed to getEngine() where the studio
 * starts it; the engine's own config parses them (with its own messages).
 */
export function engineEnv(): EnvSource {
  const source: Record<string, string | undefined> = {};
  for (const name of ENGINE_ENV_VARIABLES) source[name] = process.env[name];
  return Object.freeze(source);
}
