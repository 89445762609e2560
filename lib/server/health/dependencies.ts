import "server-only";
import { breakerFor } from "@/lib/server/orchestrator/breaker";
import { lastLatency } from "@/lib/server/orchestrator/latency";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { pingSharedStore, sharedStoreConfigured } from "@/lib/server/shared/redis";
import { checkDatabase, type DatabaseHealth } from "./database";

// What /api/health says about each dependency, for people and load balancers.
// An instance answers 503 when it cannot take submits because of something a
// load balancer can route around: its database or Redis unreachable. The
// orchestrator is shared by every instance, so its outage is reported here but
// left to the studio's own "paused" notice (taking every instance out of
// rotation would only replace that notice with the balancer's error page).

export interface RedisHealth {
  /** "memory" without REDIS_URL: one instance, nothing to reach */
  kind: "redis" | "memory";
  ok: boolean;
  latencyMs: number | null;
  reason?: string;
}

export interface OrchestratorHealth {
  ok: boolean;
  /** the last answered call (a long poll excluded), never an extra request */
  latencyMs: number | null;
  measuredAt: string | null;
  reason?: string;
}

export interface Dependencies {
  database: DatabaseHealth;
  redis: RedisHealth;
  orchestrator: OrchestratorHealth;
}

export interface DependencyReport {
  dependencies: Dependencies;
  /** why this instance cannot take submits (empty when it can) */
  reasons: string[];
}

async function checkRedis(): Promise<RedisHealth> {
  if (!sharedStoreConfigured()) return { kind: "memory", ok: true, latencyMs: null };
  const ping = await pingSharedStore();
  return {
    kind: "redis",
    ...ping,
    ...(ping.ok ? {} : { reason: `Redis is unreachable (${ping.reason ?? "no answer"})` }),
  };
}

function checkOrchestrator(target: OrchestratorTarget): OrchestratorHealth {
  const breaker = breakerFor(target.baseUrl).status();
  const sample = lastLatency(target.baseUrl);
  const open = breaker.state === "open";
  return {
    ok: !open,
    latencyMs: sample?.latencyMs ?? null,
    measuredAt: sample?.at ?? null,
    ...(open
      ? {
          reason: `Calls are paused after ${breaker.failures} failures (${breaker.lastError ?? "unreachable"})`,
        }
      : {}),
  };
}

export async function checkDependencies(target: OrchestratorTarget): Promise<DependencyReport> {
  const [database, redis] = await Promise.all([checkDatabase(), checkRedis()]);
  const reasons: string[] = [];
  if (!database.ok)
    reasons.push(`${database.reason ?? "The database is unreachable"}: nothing can be saved.`);
  if (!redis.ok) {
    reasons.push(
      `${redis.reason ?? "Redis is unreachable"}: submits are refused, since their Idempotency-Key cannot be locked.`,
    );
  }
  return { dependencies: { database, redis, orchestrator: checkOrchestrator(target) }, reasons };
}
