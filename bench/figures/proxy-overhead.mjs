// Figure 3: GET /api/workflows/{id} through the studio against the same call
// straight to the engine, 50 concurrent clients, in one run.
import { LOCAL_TOKEN, submit } from "../lib/api.mjs";
import { percentile } from "../lib/stats.mjs";

async function hammer(url, headers, clients, perClient) {
  const latencies = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const started = performance.now();
        try {
          const res = await fetch(url, { headers });
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    n: latencies.length,
  };
}

async function compare(studio, direct, clients, perClient) {
  const auth = { authorization: `Bearer ${LOCAL_TOKEN}` };
  // Warm both paths, then alternate so neither gets a quieter machine.
  await hammer(studio, {}, 5, 5);
  await hammer(direct, auth, 5, 5);
  const d1 = await hammer(direct, auth, clients, perClient / 2);
  const s1 = await hammer(studio, {}, clients, perClient / 2);
  const s2 = await hammer(studio, {}, clients, perClient / 2);
  const d2 = await hammer(direct, auth, clients, perClient / 2);
  const mean = (a, b, k) => (a[k] + b[k]) / 2;
  return {
    studioP50: mean(s1, s2, "p50"),
    studioP99: mean(s1, s2, "p99"),
    directP50: mean(d1, d2, "p50"),
    directP99: mean(d1, d2, "p99"),
    errors: s1.errors + s2.errors + d1.errors + d2.errors,
  };
}

/**
 * The studio with its embedded engine, as `npm start` runs it: the studio's
 * route against the engine's own route in the same server. Measured for a
 * finished generation (what a gallery re-reads) and for one still running
 * (which the studio must ask the engine about every time).
 */
export async function proxyOverhead(studioUrl, { clients = 50, perClient = 40 } = {}) {
  const done = await submit(studioUrl, { prompt: "bench proxy overhead" }, { wait: 30 });
  const running = await submit(studioUrl, { prompt: "test:slow bench proxy overhead, running" });
  const engine = `${studioUrl}/api/local-engine/v2/consumer/workflows`;
  return {
    finished: await compare(
      `${studioUrl}/api/workflows/${done.id}`,
      `${engine}/${done.id}`,
      clients,
      perClient,
    ),
    running: await compare(
      `${studioUrl}/api/workflows/${running.id}`,
      `${engine}/${running.id}`,
      clients,
      perClient,
    ),
  };
}
