// Non-spec routes for tests and the studio's diagnostics, under /_engine/ and
// only these two. Same bearer auth as everything else; the ledger is the
// caller's own.
import type { Handler } from "./engine";
import { json } from "./http";
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
  });
};

export const ADMIN_ROUTES = [
  route<Handler>("/_engine/ledger", { GET: ledger }),
  route<Handler>("/_engine/stats", { GET: stats }),
];
