// Fault injection: the engine misbehaving on purpose, so the studio's retries,
// idempotency, polling and circuit breaker are tested against the failures a
// real orchestrator has (5xx, 429, stalls, answers lost after the work was
// done, jobs failing mid-run, expired image URLs). Off unless a plan is given
// (LOCAL_ENGINE_FAULTS, or PUT /_engine/faults in test mode). Selection uses a
// seeded PRNG, so a failing run can be replayed with the same seed.
import { z } from "zod";

/** Route keys a plan can name; "*" applies to every route without its own rule. */
export const FAULT_ROUTES = [
  "submit",
  "get",
  "query",
  "update",
  "delete",
  "tags",
  "upload",
  "blob",
  "blob-content",
  "refresh",
  "*",
] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const FAULT_KINDS = [
  "status:500",
  "status:502",
  "status:503",
  "rate-limit",
  "stall",
  "drop-after",
  "drop-before",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const ruleSchema = z
  .strictObject({
    /** picked uniformly per injected fault; repeat a kind to weight it */
    kinds: z.array(z.enum(FAULT_KINDS)).min(1),
    /** chance that a request gets a fault */
    probability: z.number().min(0).max(1).optional(),
    /** the next N requests get a fault (before `probability` applies) */
    next: z.number().int().min(0).optional(),
    /** Retry-After of "rate-limit" */
    retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
    /** how long "stall" holds the request before answering (make it longer than the client's timeout) */
    stallMs: z.number().int().min(0).max(600_000).default(35_000),
  })
  .refine((r) => r.probability !== undefined || r.next !== undefined, {
    message: "a rule needs probability or next",
  });

export const faultPlanSchema = z.strictObject({
  seed: z.number().int().optional(),
  routes: z.partialRecord(z.enum(FAULT_ROUTES), ruleSchema).default({}),
  /** chance that a job fails mid-run (refunded like any failed job) */
  failJobRate: z.number().min(0).max(1).default(0),
  /** workflows hand out image URLs that have already expired; refresh still gives fresh ones */
  expiredUrls: z.boolean().default(false),
});

export type FaultPlan = z.infer<typeof faultPlanSchema>;
export type FaultPlanInput = z.input<typeof faultPlanSchema>;
type FaultRule = z.infer<typeof ruleSchema>;

export interface FaultDecision {
  kind: FaultKind;
  retryAfterSeconds: number;
  stallMs: number;
}

export interface FaultCounters {
  /** faults injected into requests */
  injected: number;
  byKind: Partial<Record<FaultKind, number>>;
  byRoute: Partial<Record<FaultRoute, number>>;
  jobsFailed: number;
  expiredUrlsSigned: number;
}

/** Parses a plan (JSON text or value); throws with the offending field named. */
export function parseFaultPlan(value: unknown): FaultPlan {
  let raw = value;
  if (typeof value === "string") {
    try {
      raw = JSON.parse(value);
    } catch {
      throw new Error("LOCAL_ENGINE_FAULTS is not valid JSON");
    }
  }
  const result = faultPlanSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "plan";
    throw new Error(`fault plan: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

/** mulberry32: small, fast, good enough to pick faults reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const emptyCounters = (): FaultCounters => ({
  injected: 0,
  byKind: {},
  byRoute: {},
  jobsFailed: 0,
  expiredUrlsSigned: 0,
});

export class FaultInjector {
  private plan: FaultPlan | null = null;
  private random: () => number = Math.random;
  private readonly nextLeft = new Map<FaultRoute, number>();
  private counters = emptyCounters();

  constructor(plan?: FaultPlan | null) {
    if (plan) this.set(plan);
  }

  get active(): boolean {
    return this.plan !== null;
  }

  set(plan: FaultPlan): void {
    this.plan = plan;
    this.random = prng(plan.seed ?? Date.now());
    this.nextLeft.clear();
    for (const [route, rule] of Object.entries(plan.routes)) {
      if (rule?.next) this.nextLeft.set(route as FaultRoute, rule.next);
    }
  }

  /** Stops injecting; the counters stay until reset. */
  clear(): void {
    this.plan = null;
    this.nextLeft.clear();
  }

  resetCounters(): void {
    this.counters = emptyCounters();
  }

  snapshot(): { plan: FaultPlan | null; counters: FaultCounters } {
    return { plan: this.plan, counters: structuredClone(this.counters) };
  }

  /** Whether this request on `route` gets a fault, and which. */
  decide(route: Exclude<FaultRoute, "*">): FaultDecision | null {
    const plan = this.plan;
    if (!plan) return null;
    const key: FaultRoute | null = plan.routes[route] ? route : plan.routes["*"] ? "*" : null;
    const rule: FaultRule | undefined = key ? plan.routes[key] : undefined;
    if (!key || !rule) return null;
    const left = this.nextLeft.get(key) ?? 0;
    let hit = false;
    if (left > 0) {
      this.nextLeft.set(key, left - 1);
      hit = true;
    } else if (rule.probability !== undefined) {
      hit = this.random() < rule.probability;
    }
    if (!hit) return null;
    const kind = rule.kinds[Math.floor(this.random() * rule.kinds.length)] ?? rule.kinds[0];
    if (!kind) return null;
    this.counters.injected++;
    this.counters.byKind[kind] = (this.counters.byKind[kind] ?? 0) + 1;
    this.counters.byRoute[route] = (this.counters.byRoute[route] ?? 0) + 1;
    return { kind, retryAfterSeconds: rule.retryAfterSeconds, stallMs: rule.stallMs };
  }

  /** Whether a job about to render fails instead. */
  failJob(): boolean {
    const rate = this.plan?.failJobRate ?? 0;
    if (rate <= 0 || this.random() >= rate) return false;
    this.counters.jobsFailed++;
    return true;
  }

  /** Whether workflow reads sign URLs that have already expired (counted per URL). */
  expireUrl(): boolean {
    if (!this.plan?.expiredUrls) return false;
    this.counters.expiredUrlsSigned++;
    return true;
  }
}

/** The route key of an engine route, or null for routes never faulted (/_engine/*). */
export function faultRouteOf(
  pattern: readonly string[],
  method: string,
): Exclude<FaultRoute, "*"> | null {
  const path = pattern.join("/");
  if (path === "v2/consumer/workflows") return method === "POST" ? "submit" : "query";
  if (path === "v2/consumer/workflows/:id") {
    if (method === "PUT") return "update";
    if (method === "DELETE") return "delete";
    return "get";
  }
  if (path.startsWith("v2/consumer/workflows/:id/tags")) return "tags";
  if (path === "v2/consumer/blobs") return "upload";
  if (path === "v2/consumer/blobs/content/:token") return "blob-content";
  if (path === "v2/consumer/blobs/:id/refresh") return "refresh";
  if (path === "v2/consumer/blobs/:id") return "blob";
  return null;
}

/**
 * A response that never arrives whole: its body fails before the first byte,
 * so the server tears the connection down (node:http destroys the socket; Next
 * aborts the response) and the client sees a network error, not an answer.
 */
export function droppedResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(new Error("injected fault: connection dropped"));
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": "application/json", "x-engine-fault": "drop" },
  });
}
