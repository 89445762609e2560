// `npm run bench:load -- --instances 2`: the same load against one studio
// (SQLite, memory, its embedded engine) and then two studios behind a
// round-robin client (PostgreSQL, Redis and one standalone engine, on loopback;
// README "Team deployment"), printed side by side with each process's memory.
import { randomBytes } from "node:crypto";
import { loadRun, mb } from "./figures/load.mjs";
import { freshDir, memoryOf, startEngine, startStudio } from "./lib/processes.mjs";
import { sleep } from "./lib/stats.mjs";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** DATABASE_URL and REDIS_URL, on loopback, or why the two-instance run cannot start. */
export function teamServices(env = process.env) {
  const { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } = env;
  if (!databaseUrl || !redisUrl) {
    return "the two-instance run needs DATABASE_URL (postgres://…) and REDIS_URL (redis://…) on loopback";
  }
  for (const url of [databaseUrl, redisUrl]) {
    if (!LOOPBACK.has(new URL(url).hostname))
      return `bench:load only runs on loopback, not ${url.replace(/\/\/[^@]*@/, "//…@")}`;
  }
  return { databaseUrl, redisUrl };
}

/** Redis's own resident memory, from INFO (it is not our child). */
async function redisRss(redisUrl) {
  const { Redis } = await import("ioredis");
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const info = await client.info("memory");
    return Number(/used_memory_rss:(\d+)/.exec(info)?.[1] ?? NaN);
  } catch {
    return NaN;
  } finally {
    client.disconnect();
  }
}

/** Waits until the engine has nothing queued or running, then reads memory. */
async function settle(statsUrl) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(statsUrl, { headers: { authorization: "Bearer local-studio" } });
      const stats = await res.json();
      if (stats.jobsRunning === 0 && stats.jobsQueued === 0) break;
    } catch {
      break;
    }
    await sleep(500);
  }
  await sleep(2_000);
}

async function oneInstance({ port, clients, seconds, env }) {
  const studio = await startStudio({
    port,
    dataDir: freshDir("load-one"),
    // The default a designer gets, whatever this shell names.
    env: { LOCAL_ENGINE_SPEED: "fast", DATABASE_URL: "", REDIS_URL: "", ...env },
    label: "load-one",
  });
  try {
    const result = await loadRun(studio.url, { clients, seconds });
    await settle(`${studio.url}/api/local-engine/_engine/stats`);
    return { result, rss: [["studio (with its engine)", memoryOf(studio.pid()).rss]] };
  } finally {
    await studio.stop();
  }
}

async function twoInstances({ port, clients, seconds, env, services }) {
  const engine = await startEngine({
    port: port + 2,
    dataDir: freshDir("load-team-engine"),
    env: { LOCAL_ENGINE_SPEED: "fast" },
  });
  const shared = {
    LOCAL_ENGINE_SPEED: "fast",
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    ORCHESTRATOR_URL: engine.url,
    STUDIO_SECRET: randomBytes(24).toString("base64url"),
    LOCAL_ENGINE: "off",
    ...env,
  };
  const studios = [];
  try {
    for (const [i, name] of ["a", "b"].entries()) {
      studios.push(
        await startStudio({
          port: port + i,
          dataDir: freshDir(`load-team-${name}`),
          env: shared,
          label: `load-team-${name}`,
        }),
      );
    }
    const result = await loadRun(
      studios.map((s) => s.url),
      { clients, seconds },
    );
    await settle(`${engine.url}/_engine/stats`);
    return {
      result,
      rss: [
        ["studio A", memoryOf(studios[0].pid()).rss],
        ["studio B", memoryOf(studios[1].pid()).rss],
        ["engine (standalone)", memoryOf(engine.pid()).rss],
        ["redis-server", await redisRss(services.redisUrl)],
      ],
    };
  } finally {
    await Promise.all(studios.map((s) => s.stop()));
    await engine.stop();
  }
}

const row = (label, one, two) => console.log(`${label.padEnd(24)}${String(one).padEnd(34)}${two}`);

export async function compareInstances({
  port,
  clients,
  seconds,
  env,
  services,
  log = console.log,
}) {
  log(`${clients} clients submitting and polling for ${seconds} s: one instance, then two…`);
  const one = await oneInstance({ port, clients, seconds, env });
  log(`   one instance: ${one.result.served} requests, errors ${one.result.errorCount}`);
  const two = await twoInstances({ port, clients, seconds, env, services });
  log(`   two instances: ${two.result.served} requests, errors ${two.result.errorCount}`);
  const figures = (r) => ({
    rate: `${(r.served / r.elapsed).toFixed(1)}/s`,
    latency: `${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms`,
    errors: r.errorCount
      ? `${r.errorCount} (${r.errors.map(([k, v]) => `${k}: ${v}`).join(", ")})`
      : "0",
  });
  const [a, b] = [figures(one.result), figures(two.result)];
  console.log();
  row("", "one instance", "two instances (Postgres, Redis)");
  row("requests served", a.rate, b.rate);
  row("latency p50 / p99", a.latency, b.latency);
  row("errors (goal 0)", a.errors, b.errors);
  row("generations submitted", one.result.submitted, two.result.submitted);
  for (let i = 0; i < Math.max(one.rss.length, two.rss.length); i++) {
    const [l1, v1] = one.rss[i] ?? ["", NaN];
    const [l2, v2] = two.rss[i] ?? ["", NaN];
    row(i === 0 ? "RSS after the run" : "", l1 ? `${l1}: ${mb(v1)}` : "", `${l2}: ${mb(v2)}`);
  }
  console.log(
    "(PostgreSQL's memory is not read: it is not our child, and its shared buffers would mislead.)",
  );
  return one.result.errorCount + two.result.errorCount > 0 ? 1 : 0;
}
