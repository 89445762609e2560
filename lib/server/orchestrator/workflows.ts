import "server-only";
import {
  getWorkflow,
  queryWorkflows,
  refreshBlob,
  submitWorkflow,
  updateWorkflow,
} from "@civitai/client";
import { z } from "zod";
import { AppError } from "@/lib/server/http/problem";
import { env } from "@/lib/server/env";
import type { Generation, GenerationPage } from "@/lib/contract/generations/types";
import { estimateCost } from "@/lib/contract/krea/pricing";
import type { KreaInput } from "@/lib/contract/krea/schema";
import {
  buildWorkflowBody,
  STUDIO_TAG,
  type WorkflowBodyOptions,
} from "@/lib/contract/krea/workflow-body";
import { callSdk } from "./client";
import { cachedFinal, forgetFinal, readMark, rememberFinal } from "./final-cache";
import { READ_POLICY, SUBMIT_POLICY, withRetry, type RetryPolicy } from "./retry";
import { embeddedEngineUrl, LOCAL_ENGINE_PATH, type OrchestratorTarget } from "./target";
import { toGeneration } from "./to-generation";
import { workflowPageSchema, workflowSchema } from "./workflow-schema";

// The studio's operations on an orchestrator. Route handlers call these; these
// call the SDK through callSdk; nothing else talks to an orchestrator.

/** The orchestrator's request timeout is 100 s; long polls stay well inside it. */
export const MAX_WAIT_SECONDS = 60;
/** Per-request timeout; ORCHESTRATOR_TIMEOUT_MS shortens it (fault tests stall the engine). */
const requestTimeoutMs = () => env().ORCHESTRATOR_TIMEOUT_MS;

/** Rewrites the embedded engine's loopback URLs to same-origin paths the browser can load. */
export function rewriterFor(target: OrchestratorTarget): (url: string) => string {
  if (target.kind !== "local") return (u) => u;
  const internal = embeddedEngineUrl();
  // The embedded engine signs loopback URLs; the browser reaches the same
  // route same-origin, wherever the studio is served from.
  return (u) => (u.startsWith(internal) ? LOCAL_ENGINE_PATH + u.slice(internal.length) : u);
}

function generationOf(target: OrchestratorTarget, data: unknown): Generation {
  return toGeneration(data, { rewriteUrl: rewriterFor(target) });
}

/**
 * Sent on every read: the list hides mature images' URLs by default (spec), and
 * the studio shows them itself, blurred until revealed (components/gallery).
 */
const SHOW_MATURE = { hideMatureContent: false } as const;

const clampWait = (wait: number) => Math.max(0, Math.min(MAX_WAIT_SECONDS, Math.floor(wait)));

export interface WorkflowSubmitOptions extends WorkflowBodyOptions {
  externalId: string;
  /** seconds the orchestrator may hold the request for the result */
  wait?: number;
  signal?: AbortSignal;
  /** how to retry a passing failure; a paced caller (lib/server/plans) retries itself */
  retry?: RetryPolicy;
}

export interface SubmitResult {
  generation: Generation;
  /** 200 when the workflow finished within `wait`, else 202 */
  upstreamStatus: number;
}

export async function submitGeneration(
  target: OrchestratorTarget,
  input: KreaInput & { seed: number },
  options: WorkflowSubmitOptions,
): Promise<SubmitResult> {
  const body = buildWorkflowBody(input, options);
  const wait = clampWait(options.wait ?? 0);
  const { data, status } = await withRetry(
    () =>
      callSdk(target, (x) => submitWorkflow({ ...x, body, query: { wait, ...SHOW_MATURE } }), {
        timeoutMs: requestTimeoutMs() + wait * 1000,
        signal: options.signal,
        waits: wait > 0,
      }),
    // Safe to repeat: the externalId makes the orchestrator return the same workflow.
    options.retry ?? SUBMIT_POLICY,
    { signal: options.signal },
  );
  return { generation: generationOf(target, data), upstreamStatus: status };
}

export async function getGeneration(
  target: OrchestratorTarget,
  id: string,
  options: { wait?: number; signal?: AbortSignal } = {},
): Promise<Generation> {
  // A finished generation cannot change: answer it without another upstream call.
  const cached = await cachedFinal(target, id, Date.now(), (raw) => generationOf(target, raw));
  if (cached) return cached;
  const mark = readMark();
  const wait = clampWait(options.wait ?? 0);
  const { data } = await withRetry(
    () =>
      callSdk(
        target,
        (x) => getWorkflow({ ...x, path: { workflowId: id }, query: { wait, ...SHOW_MATURE } }),
        {
          timeoutMs: requestTimeoutMs() + wait * 1000,
          signal: options.signal,
          waits: wait > 0,
        },
      ),
    wait > 0 ? { ...READ_POLICY, attempts: 2 } : READ_POLICY,
    { signal: options.signal },
  );
  const generation = generationOf(target, data);
  rememberFinal(target, generation, Date.now(), data, mark);
  return generation;
}

export interface ListOptions {
  cursor?: string;
  take?: number;
  tags?: string[];
  /** ISO instants, inclusive */
  fromDate?: string;
  toDate?: string;
  excludeFailed?: boolean;
  /** oldest first (the studio reads backwards this way) */
  ascending?: boolean;
  signal?: AbortSignal;
  retry?: RetryPolicy;
}

export async function listGenerations(
  target: OrchestratorTarget,
  options: ListOptions = {},
): Promise<GenerationPage> {
  const take = Math.max(1, Math.min(100, Math.floor(options.take ?? 30)));
  const mark = readMark();
  const { data } = await withRetry(
    () =>
      callSdk(
        target,
        (x) =>
          queryWorkflows({
            ...x,
            query: {
              tags: [STUDIO_TAG, ...(options.tags ?? [])],
              take,
              cursor: options.cursor || undefined,
              fromDate: options.fromDate,
              toDate: options.toDate,
              excludeFailed: options.excludeFailed || undefined,
              ascending: options.ascending || undefined,
              ...SHOW_MATURE,
            },
          }),
        { timeoutMs: requestTimeoutMs(), signal: options.signal },
      ),
    options.retry ?? READ_POLICY,
    { signal: options.signal },
  );
  const page = workflowPageSchema.parse(data);
  const items: Generation[] = [];
  for (const raw of page.items) {
    // One unreadable workflow must not hide the rest of the history.
    if (!workflowSchema.safeParse(raw).success) continue;
    const generation = generationOf(target, raw);
    rememberFinal(target, generation, Date.now(), raw, mark);
    items.push(generation);
  }
  // A cursor that does not move on ends the history: asking again would only
  // repeat the same page (the spec does not promise it never happens).
  return { items, next: page.next && page.next !== options.cursor ? page.next : null };
}

export async function cancelGeneration(
  target: OrchestratorTarget,
  id: string,
  signal?: AbortSignal,
): Promise<Generation> {
  await withRetry(
    () =>
      callSdk(
        target,
        (x) => updateWorkflow({ ...x, path: { workflowId: id }, body: { status: "canceled" } }),
        { timeoutMs: requestTimeoutMs(), signal },
      ),
    READ_POLICY, // canceling twice is harmless
    { signal },
  );
  await forgetFinal(target, id);
  return getGeneration(target, id, { signal });
}

export interface OrchestratorQuote {
  /** whole Buzz the orchestrator would charge */
  total: number;
  insufficientBuzz: boolean | null;
}

/** Asks the orchestrator for its own figure (whatif=true: nothing runs, nothing is charged). */
export async function quoteGeneration(
  target: OrchestratorTarget,
  input: KreaInput & { seed: number },
  signal?: AbortSignal,
): Promise<OrchestratorQuote> {
  // No externalId: a whatif with a key could make the orchestrator remember it.
  const body = buildWorkflowBody(input);
  const { data } = await withRetry(
    () =>
      callSdk(target, (x) => submitWorkflow({ ...x, body, query: { whatif: true } }), {
        timeoutMs: 15_000,
        signal,
      }),
    READ_POLICY,
    { signal },
  );
  const w = workflowSchema.parse(data);
  return {
    total:
      w.cost?.total ??
      estimateCost({
        size: input.size,
        quantity: input.quantity,
        styleReferenceCount: input.imageStyleReferences.length,
      }).total,
    insufficientBuzz: w.transactions?.insufficientBuzz ?? null,
  };
}

const refreshedBlobSchema = z.looseObject({
  id: z.string(),
  url: z.string().nullish(),
  urlExpiresAt: z.string().nullish(),
  previewUrl: z.string().nullish(),
  previewUrlExpiresAt: z.string().nullish(),
});

export interface RefreshedUrl {
  id: string;
  url: string;
  urlExpiresAt: string | null;
  previewUrl: string | null;
  previewUrlExpiresAt: string | null;
}

export async function refreshImageUrl(
  target: OrchestratorTarget,
  blobId: string,
  signal?: AbortSignal,
): Promise<RefreshedUrl> {
  const { data } = await withRetry(
    () =>
      callSdk(target, (x) => refreshBlob({ ...x, path: { blobId } }), {
        timeoutMs: requestTimeoutMs(),
        signal,
      }),
    READ_POLICY,
    { signal },
  );
  const blob = refreshedBlobSchema.parse(data);
  if (!blob.url) {
    throw new AppError("upstream", {
      detail: "The orchestrator returned no URL for this image.",
      retryable: false,
    });
  }
  const rewrite = rewriterFor(target);
  return {
    id: blob.id,
    url: rewrite(blob.url),
    urlExpiresAt: blob.urlExpiresAt ?? null,
    previewUrl: blob.previewUrl ? rewrite(blob.previewUrl) : null,
    previewUrlExpiresAt: blob.previewUrlExpiresAt ?? null,
  };
}
