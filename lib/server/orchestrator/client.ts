import "server-only";
import { createHash } from "node:crypto";
import { createCivitaiClient } from "@civitai/client";
import { AppError } from "@/lib/server/http/problem";
import { accessHeadersFor } from "@/lib/server/session/access";
import { breakerFor, isOutage } from "./breaker";
import { recordLatency } from "./latency";
import { transportError, upstreamError, type RawFailure } from "./upstream-error";
import type { OrchestratorTarget } from "./target";

// Every orchestrator call goes through `callSdk`: the official SDK does the
// request; our fetch wrapper adds a timeout and keeps the raw status, headers and
// body of failures, which the SDK's own interceptor would otherwise discard.

export type SdkClient = ReturnType<typeof createCivitaiClient>;

const clients = new Map<string, SdkClient>();

export function sdkClient(target: OrchestratorTarget): SdkClient {
  // Keyed by a hash so the token itself is not a long-lived map key.
  const key = createHash("sha256").update(`${target.baseUrl}\n${target.token}`).digest("hex");
  let client = clients.get(key);
  if (!client) {
    client = createCivitaiClient({ baseUrl: target.baseUrl, auth: target.token });
    if (clients.size > 100) clients.clear();
    clients.set(key, client);
  }
  return client;
}

export interface SdkCallExtras {
  client: SdkClient;
  fetch: typeof fetch;
  signal: AbortSignal;
}

interface SdkResult {
  data?: unknown;
  error?: unknown;
  response?: Response;
}

export interface SdkSuccess {
  data: unknown;
  status: number;
}

export interface CallOptions {
  timeoutMs: number;
  /** aborts the call when the browser goes away */
  signal?: AbortSignal;
  /** true for a long poll: its time is the wait, not the orchestrator's latency */
  waits?: boolean;
}

export async function callSdk(
  target: OrchestratorTarget,
  run: (extras: SdkCallExtras) => Promise<SdkResult>,
  options: CallOptions,
): Promise<SdkSuccess> {
  const breaker = breakerFor(target.baseUrl);
  const release = breaker.before(target.kind === "local" ? "The local engine" : "Civitai");
  const started = performance.now();
  try {
    const result = await callOnce(target, run, options);
    breaker.success();
    if (!options.waits) recordLatency(target.baseUrl, performance.now() - started);
    return result;
  } catch (error) {
    // A 4xx still proves the host is up; only outage-like failures count.
    if (isOutage(error)) breaker.failure(error);
    else if (!(error instanceof AppError && error.kind === "rate_limited")) breaker.success();
    throw error;
  } finally {
    release();
  }
}

async function callOnce(
  target: OrchestratorTarget,
  run: (extras: SdkCallExtras) => Promise<SdkResult>,
  options: CallOptions,
): Promise<SdkSuccess> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let failure: RawFailure | undefined;

  const capturingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(withAccessKey(input, init), { signal, cache: "no-store" });
    if (!response.ok) {
      failure = {
        status: response.status,
        headers: response.headers,
        text: await response.clone().text(),
      };
    }
    return response;
  };

  let result: SdkResult;
  try {
    result = await run({ client: sdkClient(target), fetch: capturingFetch, signal });
  } catch (error) {
    throw transportError(error, timeout.aborted, target.kind);
  }
  if (!result.response) throw transportError(result.error, timeout.aborted, target.kind);
  if (!result.response.ok) {
    throw upstreamError(
      failure ?? {
        status: result.response.status,
        headers: result.response.headers,
        text: JSON.stringify(result.error ?? ""),
      },
      target.kind,
    );
  }
  return { data: result.data, status: result.response.status };
}

/**
 * The request as sent, plus the access key when it goes to this studio's own
 * embedded engine, which sits behind the same STUDIO_ACCESS_KEY gate as the pages.
 */
function withAccessKey(input: RequestInfo | URL, init: RequestInit | undefined): Request {
  const request = new Request(input, init);
  for (const [name, value] of Object.entries(accessHeadersFor(request.url))) {
    request.headers.set(name, value);
  }
  return request;
}
