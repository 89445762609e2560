import "server-only";
import { accountOf } from "@/lib/server/orchestrator/account";
import { resolveTarget } from "@/lib/server/orchestrator/target";
import { ensureRunning } from "./runner";
import { getPlanStore } from "./store";

// After a restart, unfinished grids resume without waiting for a browser when
// the server can reach their account on its own (the embedded engine or
// CIVITAI_TOKEN). A grid made with a designer's own token resumes on that
// designer's next request (GET /api/plans or the grid view): the server keeps
// no token it could use without them.
export async function resumeOnBoot(): Promise<void> {
  const plans = await getPlanStore().running();
  if (plans.length === 0) return;
  const target = await resolveTarget(null);
  const account = accountOf(target).fingerprint;
  for (const plan of plans) if (plan.account === account) ensureRunning(plan, target);
}
