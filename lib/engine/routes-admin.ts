// Non-spec routes for tests and the studio's diagnostics, under /_engine/.
// Same bearer auth as everything else; the ledger is the caller's own.
// /_engine/faults exists only in test mode (LOCAL_ENGINE_TEST_MODE=1): it lets a
// test switch failures on and off while the engine runs.
import type { Handler } from "./engine";
import { parseFaultPlan } from "./faults";
import { json, readJson } from "./http";
import { EngineError, fieldError } from "./problems";
import { route } from "./router";

const ledger: Handler = async (call) =>
  json({ user: call.userId, ...call.core.store.ledger.summary(call.userId) });

const stats: Handler = async (call) => {
  const { core } = call;
  return json({
    requestsServed: core.stats.requestsServed,
    workflows: core.store.countWorkflows(),
    imagesRendered: core.blobs.countOutputs(),
    imagesRenderedSinceStart: core.scheduler.stats.imagesRendered,
    jobsRunning: core.scheduler.stats.running,
    jobsQueued: core.scheduler.stats.queued,
    longPollsWaiting: core.scheduler.stats.longPolls,
    speed: core.options.speed,
    concurrency: core.options.concurrency,
    startedAt: new Date(core.stats.startedAt).toISOString(),
    // The process serving the engine (the studio's server when embedded): load runs report it.
    memory: { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed },
  });
};

function testModeOnly(call: Parameters<Handler>[0]): void {
  // Outside test mode the route does not exist, as far as anyone can tell.
  if (!call.core.options.testMode) throw new EngineError(404, "No endpoint at /_engine/faults");
}

const getFaults: Handler = async (call) => {
  testModeOnly(call);
  return json(call.core.faults.snapshot());
};

/** Replaces the plan; `?reset=true` also zeroes the counters. */
const putFaults: Handler = async (call) => {
  testModeOnly(call);
  const body = await readJson(call.request);
  let plan;
  try {
    plan = parseFaultPlan(body);
  } catch (error) {
    throw fieldError("$", error instanceof Error ? error.message : String(error));
  }
  const { faults } = call.core;
  if (call.url.searchParams.get("reset") === "true") faults.resetCounters();
  faults.set(plan);
  return json(faults.snapshot());
};

/** Stops injecting; answers with the final counters. */
const deleteFaults: Handler = async (call) => {
  testModeOnly(call);
  call.core.faults.clear();
  return json(call.core.faults.snapshot());
};

export const ADMIN_ROUTES = [
  route<Handler>("/_engine/ledger", { GET: ledger }),
  route<Handler>("/_engine/stats", { GET: stats }),
  route<Handler>("/_engine/faults", { GET: getFaults, PUT: putFaults, DELETE: deleteFaults }),
];
