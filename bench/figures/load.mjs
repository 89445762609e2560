// The load of `npm run bench:load` and the bench's memory figure: N concurrent
// clients each submit a generation, poll it until it is final and submit the
// next, for a bounded time, against the studio and its embedded engine.
import { randomUUID } from "node:crypto";
import { memoryOf } from "../lib/processes.mjs";
import { percentile, sleep } from "../lib/stats.mjs";

const POLL_MS = 500;

/**
 * One load run against `base`: what was served, errors and latencies. `base` may
 * be a list of instances: each request then goes to the next one in turn, as a
 * round-robin load balancer without sticky sessions sends them.
 */
export async function loadRun(base, { clients, seconds }) {
  const bases = [base].flat();
  let turn = 0;
  const next = () => bases[turn++ % bases.length];
  const latencies = [];
  const errors = new Map();
  const counts = { served: 0, submitted: 0, finished: 0 };

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
      counts.served++;
      return JSON.parse(body);
    } catch (error) {
      const key = `${label} ${error.cause?.code ?? error.name}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
      return null;
    }
  }

  async function client(n, deadline) {
    // Each client is its own browser: its own rate-limit id.
    const headers = {
      "content-type": "application/json",
      cookie: `krea_client=bench${String(n).padStart(4, "0")}${randomUUID().slice(0, 12)}`,
    };
    for (let i = 0; Date.now() < deadline; i++) {
      const to = next();
      const generation = await timed(
        `${to}/api/workflows?wait=0`,
        {
          method: "POST",
          headers: { ...headers, origin: to, "idempotency-key": randomUUID() },
          body: JSON.stringify({ prompt: `load client ${n} #${i}`, aspectRatio: "1:1" }),
        },
        "submit",
      );
      if (!generation) {
        await sleep(POLL_MS);
        continue;
      }
      counts.submitted++;
      while (Date.now() < deadline) {
        await sleep(POLL_MS);
        const at = next();
        const g = await timed(
          `${at}/api/workflows/${encodeURIComponent(generation.id)}`,
          { headers: { ...headers, origin: at } },
          "poll",
        );
        if (g?.final) {
          counts.finished++;
          break;
        }
      }
    }
  }

  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n, deadline)));
  return {
    ...counts,
    elapsed: (Date.now() - started) / 1000,
    errors: [...errors],
    errorCount: [...errors.values()].reduce((a, b) => a + b, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** The engine has settled when nothing is queued or running any more. */
async function settle(base) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${base}/api/local-engine/_engine/stats`, {
        headers: { authorization: "Bearer local-studio" },
      });
      const stats = await res.json();
      if (stats.jobsRunning === 0 && stats.jobsQueued === 0) break;
    } catch {
      break;
    }
    await sleep(500);
  }
  await sleep(2_000);
}

/**
 * Runs the load `runs` times back to back against one server process and reads
 * its RSS once the engine has settled after each run (the steady state, not the
 * peak while rendering).
 */
export async function memoryUnderLoad(server, { runs = 2, clients = 50, seconds = 60, log }) {
  const start = memoryOf(server.pid());
  const after = [];
  const results = [];
  for (let run = 1; run <= runs; run++) {
    const r = await loadRun(server.url, { clients, seconds });
    await settle(server.url);
    const mem = memoryOf(server.pid());
    after.push(mem.rss);
    results.push(r);
    log?.(
      `   run ${run}: ${r.served} requests, ${r.submitted} generations, errors ${r.errorCount}; RSS ${mb(mem.rss)} settled, peak so far ${mb(mem.peak)}`,
    );
  }
  return { startRss: start.rss, afterRss: after, peakRss: memoryOf(server.pid()).peak, results };
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
