// `npm run bench:load`: N concurrent clients (default 50) each submit a
// generation, poll it until it is final, and submit the next, for a bounded time
// (default 60 s), against the studio and its embedded engine on loopback. Prints
// requests served, errors (goal: 0), p50/p99 latency and the server's memory at
// start and end.
//   --clients 50  --seconds 60   (at most 200 clients and 300 s)
//   --url http://127.0.0.1:3000  use a running studio (loopback only) instead of starting one
import { randomUUID } from "node:crypto";
import { freshDir, memoryOf, startStudio } from "./lib/processes.mjs";
import { percentile, sleep } from "./lib/stats.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) =>
  args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback;
const CLIENTS = Math.min(200, Math.max(1, Number(arg("clients", 50))));
const SECONDS = Math.min(300, Math.max(1, Number(arg("seconds", 60))));
const POLL_MS = 500;
const given = arg("url", null);

if (given) {
  const host = new URL(given).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) {
    console.error(`bench:load only runs against loopback, not ${host}`);
    process.exit(2);
  }
}

const latencies = [];
const errors = new Map();
let served = 0;
let submitted = 0;
let finished = 0;

async function timed(url, init, label) {
  const started = performance.now();
  try {
    const res = await fetch(url, init);
    const body = await res.text();
    latencies.push(performance.now() - started);
    if (!res.ok) {
      const key = `${label} ${res.status}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
      return null;
    }
    served++;
    return JSON.parse(body);
  } catch (error) {
    const key = `${label} ${error.cause?.code ?? error.name}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
    return null;
  }
}

async function client(base, n, deadline) {
  // Each client is its own browser: its own rate-limit id.
  const headers = {
    "content-type": "application/json",
    origin: base,
    cookie: `krea_client=bench${String(n).padStart(4, "0")}${randomUUID().slice(0, 12)}`,
  };
  for (let i = 0; Date.now() < deadline; i++) {
    const generation = await timed(
      `${base}/api/workflows?wait=0`,
      {
        method: "POST",
        headers: { ...headers, "idempotency-key": randomUUID() },
        body: JSON.stringify({ prompt: `load client ${n} #${i}`, aspectRatio: "1:1" }),
      },
      "submit",
    );
    if (!generation) {
      await sleep(POLL_MS);
      continue;
    }
    submitted++;
    while (Date.now() < deadline) {
      await sleep(POLL_MS);
      const g = await timed(
        `${base}/api/workflows/${encodeURIComponent(generation.id)}`,
        { headers },
        "poll",
      );
      if (g?.final) {
        finished++;
        break;
      }
    }
  }
}

let server = null;
let base = given;
if (!base) {
  const port = Number(process.env.BENCH_PORT || 5480);
  console.log(`starting the studio on 127.0.0.1:${port} (builds first when stale)…`);
  // Rate limits off: this measures how much the server serves, not the limiter.
  server = await startStudio({
    port,
    dataDir: freshDir("load"),
    env: { STUDIO_RATE_LIMIT: "off", LOCAL_ENGINE_SPEED: "fast" },
    label: "load",
  });
  base = server.url;
}

try {
  const memStart = server ? memoryOf(server.pid()) : null;
  console.log(`${CLIENTS} clients submitting and polling for ${SECONDS} s against ${base}…`);
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(base, n, deadline)));
  const elapsed = (Date.now() - started) / 1000;
  const memEnd = server ? memoryOf(server.pid()) : null;
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `requests served: ${served} (${(served / elapsed).toFixed(1)}/s over ${elapsed.toFixed(0)} s)`,
  );
  console.log(`generations: ${submitted} submitted, ${finished} seen final`);
  console.log(
    `errors: ${errorCount}${errorCount ? ` (${[...errors].map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""} — goal 0`,
  );
  console.log(
    `latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    memStart && memEnd
      ? `server memory (RSS): ${mb(memStart.rss)} at start, ${mb(memEnd.rss)} at end, peak ${mb(memEnd.peak)}`
      : "server memory: n/a (a studio given with --url is not ours to measure)",
  );
  process.exitCode = errorCount > 0 ? 1 : 0;
} finally {
  await server?.stop();
}
