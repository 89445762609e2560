// `npm run bench:load`: N concurrent clients (default 50) each submit a
// generation, poll it until it is final, and submit the next, for a bounded time
// (default 60 s), against the studio and its embedded engine on loopback. Prints
// requests served, errors (goal: 0), p50/p99 latency and the server's memory at
// start and after each run.
//   --clients 50  --seconds 60   (at most 200 clients and 300 s)
//   --runs 2      run the load that many times back to back in the same server
//                 process, reading memory after each (as the bench's figure does)
//   --env K=V     extra environment for the started studio (repeatable; experiments)
//   --url http://127.0.0.1:3000  use a running studio (loopback only) instead of starting one
//   --instances 2  also run the load against two studios sharing PostgreSQL, Redis
//                 and one engine (DATABASE_URL, REDIS_URL on loopback), and print
//                 both runs side by side with each process's memory (load-team.mjs)
import { loadRun, mb, memoryUnderLoad } from "./figures/load.mjs";
import { compareInstances, teamServices } from "./load-team.mjs";
import { freshDir, startStudio } from "./lib/processes.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) =>
  args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback;
const CLIENTS = Math.min(200, Math.max(1, Number(arg("clients", 50))));
const SECONDS = Math.min(300, Math.max(1, Number(arg("seconds", 60))));
const RUNS = Math.min(5, Math.max(1, Number(arg("runs", 1))));
const extraEnv = Object.fromEntries(
  args.flatMap((a, i) => (a === "--env" ? [args[i + 1].split(/=(.*)/s).slice(0, 2)] : [])),
);
const given = arg("url", null);

function print(r) {
  console.log(
    `requests served: ${r.served} (${(r.served / r.elapsed).toFixed(1)}/s over ${r.elapsed.toFixed(0)} s)`,
  );
  console.log(`generations: ${r.submitted} submitted, ${r.finished} seen final`);
  console.log(
    `errors: ${r.errorCount}${r.errorCount ? ` (${r.errors.map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""} — goal 0`,
  );
  console.log(`latency: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`);
}

if (arg("instances", "1") === "2") {
  const services = teamServices();
  if (typeof services === "string") {
    console.error(
      `${services}; e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379 npm run bench:load -- --instances 2`,
    );
    process.exit(2);
  }
  const port = Number(process.env.BENCH_PORT || 5480);
  process.exitCode = await compareInstances({
    port,
    clients: CLIENTS,
    seconds: SECONDS,
    env: extraEnv,
    services,
  });
} else if (given) {
  const host = new URL(given).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) {
    console.error(`bench:load only runs against loopback, not ${host}`);
    process.exit(2);
  }
  console.log(`${CLIENTS} clients submitting and polling for ${SECONDS} s against ${given}…`);
  let failed = false;
  for (let run = 0; run < RUNS; run++) {
    const r = await loadRun(given, { clients: CLIENTS, seconds: SECONDS });
    print(r);
    failed ||= r.errorCount > 0;
  }
  console.log("server memory: n/a (a studio given with --url is not ours to measure)");
  process.exitCode = failed ? 1 : 0;
} else {
  const port = Number(process.env.BENCH_PORT || 5480);
  console.log(`starting the studio on 127.0.0.1:${port} (builds first when stale)…`);
  // Rate limits off: this measures how much the server serves, not the limiter.
  const server = await startStudio({
    port,
    dataDir: freshDir("load"),
    env: { STUDIO_RATE_LIMIT: "off", LOCAL_ENGINE_SPEED: "fast", ...extraEnv },
    label: "load",
  });
  try {
    console.log(
      `${CLIENTS} clients submitting and polling for ${SECONDS} s against ${server.url}, ${RUNS} run(s)…`,
    );
    const m = await memoryUnderLoad(server, {
      runs: RUNS,
      clients: CLIENTS,
      seconds: SECONDS,
      log: console.log,
    });
    m.results.forEach(print);
    console.log(
      `server memory (RSS): ${mb(m.startRss)} at start, ${m.afterRss.map(mb).join(" → ")} settled after each run, peak ${mb(m.peakRss)}`,
    );
    process.exitCode = m.results.some((r) => r.errorCount > 0) ? 1 : 0;
  } finally {
    await server.stop();
  }
}
