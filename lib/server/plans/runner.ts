import "server-only";
import { env } from "@/lib/server/env";
import { AppError, toAppError } from "@/lib/server/http/problem";
import { accountOf } from "@/lib/server/orchestrator/account";
import { NO_RETRY } from "@/lib/server/orchestrator/retry";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import {
  cancelGeneration,
  listGenerations,
  submitGeneration,
} from "@/lib/server/orchestrator/workflows";
import { resignReferences } from "@/lib/server/references/resign";
import { TAG_PREFIX } from "@/lib/contract/generations/links";
import { isFinal, WORKFLOW_STATUSES, type Generation } from "@/lib/contract/generations/types";
import { DEFAULT_PACE, Pacer, type PacerOptions } from "./pacer";
import { cellSubmitOptions } from "./bodies";
import { getPlanStore, type CellRecord, type PlanRecord } from "./store";

// Runs a plan on the server: sends each cell once (claimed in the database
// first, its externalId derived from plan and cell) and follows all of the
// plan's workflows with one list request by the plan's tag per round, never a
// long-poll per cell. Every upstream request goes through the account's Pacer.
// Passing failures (429, 5xx, network) are retried here, never shown to the
// designer; only the orchestrator's refusals (400, 401, 403) mark a cell.

/** How often a running plan's workflows are read (one list request each time). */
const FOLLOW_INTERVAL_MS = 1_000;
/** A finished plan's images are read again when the last read is older than this. */
const STALE_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

interface Live {
  target: OrchestratorTarget;
  running: boolean;
  generations: Map<number, Generation>;
  fetchedAt: number;
  /** upstream requests made for this plan in this process (the bench reads it) */
  requests: number;
  /** set when this process stops following the plan (tests simulate a restart with it) */
  stopped?: boolean;
}

interface RunnerState {
  live: Map<string, Live>;
  pacers: Map<string, Pacer>;
}

declare global {
  var __kreaStudioPlanRunner: RunnerState | undefined;
}

const state = (globalThis.__kreaStudioPlanRunner ??= { live: new Map(), pacers: new Map() });

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const statusOf = (s: string | null) => WORKFLOW_STATUSES.find((k) => k === s) ?? null;
const cellDone = (c: CellRecord) =>
  c.state === "skipped" ||
  c.state === "refused" ||
  (c.state === "sent" &&
    statusOf(c.status) !== null &&
    isFinal(statusOf(c.status) ?? "unassigned"));

/** STUDIO_PLAN_PACE="<sends per minute>,<burst>" or "off" (e2e slows a grid to stop it half-way). */
function paceFromEnv(): PacerOptions {
  const pace = env().STUDIO_PLAN_PACE;
  if (pace === undefined) return DEFAULT_PACE;
  if (pace === "off") return { ...DEFAULT_PACE, sendsPerSecond: 1_000_000, burst: 1_000_000 };
  return { ...DEFAULT_PACE, sendsPerSecond: pace.perMinute / 60, burst: pace.burst };
}

export function pacerFor(target: OrchestratorTarget): Pacer {
  const key = accountOf(target).fingerprint;
  let pacer = state.pacers.get(key);
  if (!pacer) {
    pacer = new Pacer(paceFromEnv());
    state.pacers.set(key, pacer);
  }
  return pacer;
}

export function liveOf(planId: string): Live | undefined {
  return state.live.get(planId);
}

/** Starts (or resumes) a running plan's loop unless one is already running in this process. */
export function ensureRunning(plan: PlanRecord, target: OrchestratorTarget): void {
  if (plan.state !== "running") return;
  let live = state.live.get(plan.id);
  if (!live) {
    live = { target, running: false, generations: new Map(), fetchedAt: 0, requests: 0 };
    state.live.set(plan.id, live);
  }
  if (live.running) return;
  live.running = true;
  live.target = target;
  void runPlan(plan.id, live)
    // The database went away (Postgres restarting, a test's database closed): the
    // loop stops, and the next request for the plan starts it again.
    .catch((error: unknown) => {
      if (!live.stopped) console.error(`[studio] grid ${plan.id} paused: ${String(error)}`);
    })
    .finally(() => {
      live.running = false;
    });
}

async function runPlan(planId: string, live: Live): Promise<void> {
  const store = getPlanStore();
  const follower = follow(planId, live);
  const cells = await store.cells(planId);
  for (const cell of cells) {
    if (live.stopped) break;
    if (cell.state === "pending" && !(await store.claim(planId, cell.index))) continue;
    if (cell.state !== "pending" && cell.state !== "sending") continue;
    await sendCell(planId, cell, live, cells.length);
  }
  await follower;
}

/** Waits as a 429 asks (for everyone on this account), or backs off after another passing failure. */
async function holdOff(pacer: Pacer, error: AppError, attempt: number): Promise<void> {
  if (error.retryAfter !== undefined) {
    pacer.pause(Math.ceil(error.retryAfter * 1000));
    return;
  }
  await sleep(Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempt, 7)));
}

async function sendCell(planId: string, cell: CellRecord, live: Live, size: number): Promise<void> {
  const store = getPlanStore();
  const pacer = pacerFor(live.target);
  const plan = await store.mustGet(planId);
  const options = cellSubmitOptions(plan, cell, size);
  for (let attempt = 0; ; attempt++) {
    try {
      const refs = await resignReferences(live.target, cell.input.imageStyleReferences);
      live.requests++;
      const { generation } = await pacer.run("send", () =>
        submitGeneration(
          live.target,
          { ...cell.input, imageStyleReferences: refs },
          {
            ...options,
            wait: 0,
            retry: NO_RETRY,
          },
        ),
      );
      await store.markSent(planId, cell.index, generation.id, generation.status);
      live.generations.set(cell.index, generation);
      // Canceled while this cell was on its way: it must not run either.
      if ((await store.mustGet(planId)).state === "canceled" && !generation.final) {
        await pacer.run("read", () => cancelGeneration(live.target, generation.id)).catch(() => {});
      }
      return;
    } catch (error) {
      const e = toAppError(error);
      if (live.stopped) return;
      if (!e.retryable) {
        await store.markRefused(planId, cell.index, e.detail);
        return;
      }
      await holdOff(pacer, e, attempt);
    }
  }
}

/** Reads every workflow of the plan at once, by its tag. */
export async function refreshPlan(planId: string, live: Live): Promise<void> {
  const store = getPlanStore();
  const pacer = pacerFor(live.target);
  live.requests++;
  try {
    const page = await pacer.run("read", () =>
      listGenerations(live.target, {
        tags: [`${TAG_PREFIX.grid}${planId}`],
        take: 100,
        retry: NO_RETRY,
      }),
    );
    const seen = page.items.flatMap((g) => {
      const index = g.metadata.gridCell;
      return g.metadata.gridId === planId && index !== undefined ? [{ index, g }] : [];
    });
    // Stored (and the plan finished) before this process shows them: a reader
    // that sees every cell final also sees the plan done.
    await store.observeAll(
      planId,
      seen.map(({ g }) => ({
        workflowId: g.id,
        status: g.status,
        charged: g.chargedBuzz === null ? null : Math.round(g.chargedBuzz),
      })),
      (cells) => cells.every(cellDone),
    );
    for (const { index, g } of seen) live.generations.set(index, g);
    live.fetchedAt = Date.now();
  } catch (error) {
    const e = toAppError(error);
    if (e.retryAfter !== undefined) pacer.pause(Math.ceil(e.retryAfter * 1000));
  }
}

async function follow(planId: string, live: Live): Promise<void> {
  const store = getPlanStore();
  for (;;) {
    if (live.stopped) return;
    const cells = await store.cells(planId);
    if (cells.every(cellDone)) break;
    if (cells.some((c) => c.state === "sent" && !cellDone(c))) await refreshPlan(planId, live);
    await sleep(FOLLOW_INTERVAL_MS);
  }
  await store.finish(planId);
}

/** Reads a plan that is not being followed when what this process knows is stale. */
export async function freshen(plan: PlanRecord, target: OrchestratorTarget): Promise<Live> {
  let live = state.live.get(plan.id);
  if (!live) {
    live = { target, running: false, generations: new Map(), fetchedAt: 0, requests: 0 };
    state.live.set(plan.id, live);
  }
  if (!live.running && Date.now() - live.fetchedAt > STALE_MS) {
    live.target = target;
    await refreshPlan(plan.id, live);
  }
  return live;
}

/** Forgets every plan this process follows, as a restart would (tests). */
export function stopFollowingAll(): void {
  for (const live of state.live.values()) live.stopped = true;
  state.live.clear();
  state.pacers.clear();
}

/** Stops a plan: unsent cells are skipped, running workflows canceled. */
export async function cancelPlan(planId: string, target: OrchestratorTarget): Promise<void> {
  const store = getPlanStore();
  await store.cancel(planId);
  const pacer = pacerFor(target);
  const open = (await store.cells(planId)).filter(
    (c) => c.state === "sent" && c.workflowId && !cellDone(c),
  );
  await Promise.all(
    open.map((c) =>
      pacer
        .run("read", () => cancelGeneration(target, c.workflowId ?? ""))
        .then((g) => store.observe(planId, g.id, g.status, null))
        .catch(() => {
          // A cell that finished meanwhile cannot be canceled; the next read shows it.
        }),
    ),
  );
  const live = state.live.get(planId);
  if (live) live.fetchedAt = 0;
}
