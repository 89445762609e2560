// The embedded orchestrator: a framework-agnostic core that answers Web
// Requests with Web Responses, so the same engine serves the Next route
// (/api/local-engine/...), the standalone server (`npm run engine`) and tests.
import { mkdirSync } from "node:fs";
import { BlobStore } from "./blob-store";
import {
  resolveOptions,
  SPEED_PROFILES,
  type EngineOptions,
  type ResolvedEngineOptions,
} from "./config";
import { openDatabase, type Db } from "./db";
import { droppedResponse, FaultInjector, faultRouteOf, type FaultDecision } from "./faults";
import { newTraceId, userIdFromToken } from "./ids";
import { acquireLock } from "./lock";
import { EngineError, toProblemResponse } from "./problems";
import { matchRoute, segmentsUnder, type Route } from "./router";
import { ADMIN_ROUTES } from "./routes-admin";
import { BLOB_ROUTES } from "./routes-blobs";
import { WORKFLOW_ROUTES } from "./routes-workflows";
import { Scheduler } from "./scheduler";
import { templateValidator } from "./spec-schema";
import { loadSigningKey, UrlSigner } from "./signing";
import { Store } from "./store";

export interface Engine {
  /** Answers one request; `basePath` is where the engine is mounted ("/api/local-engine"). */
  handle(request: Request, basePath?: string): Promise<Response>;
  /** Stops timers, waits for renders in flight, closes the database. */
  close(): Promise<void>;
}

/** What route handlers get: the engine's parts and the request's facts. */
export interface Call {
  core: EngineCore;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** hash of the bearer token; "" on unauthenticated routes */
  userId: string;
  /** absolute URL prefix of the engine, for signed URLs */
  baseUrl: string;
}

export type Handler = (call: Call) => Promise<Response>;

export interface EngineCore {
  options: ResolvedEngineOptions;
  db: Db;
  store: Store;
  blobs: BlobStore;
  scheduler: Scheduler;
  signer: UrlSigner;
  faults: FaultInjector;
  stats: { requestsServed: number; startedAt: number };
}

const ROUTES: Route<Handler>[] = [...WORKFLOW_ROUTES, ...BLOB_ROUTES, ...ADMIN_ROUTES];

export function createEngine(options: EngineOptions): Engine {
  const resolved = resolveOptions(options);
  if (!resolved.enabled) return disabledEngine();

  mkdirSync(resolved.engineDir, { recursive: true });
  const release = acquireLock(resolved.engineDir);
  let db: Db;
  try {
    db = openDatabase(resolved.engineDir);
  } catch (error) {
    release();
    throw error;
  }
  const store = new Store(db, resolved.startingBuzz);
  const blobs = new BlobStore(db, resolved.engineDir, resolved.blobTtlSeconds * 1000);
  const faults = new FaultInjector(resolved.faults);
  if (faults.active) {
    resolved.log(
      "[local-engine] fault injection is ON (LOCAL_ENGINE_FAULTS): it fails requests on purpose",
    );
  }
  const signer = new UrlSigner(loadSigningKey(resolved.engineDir), resolved.urlTtlSeconds);
  const scheduler = new Scheduler(store, blobs, {
    concurrency: resolved.concurrency,
    profile: SPEED_PROFILES[resolved.speed],
    log: resolved.log,
    faults,
    references: { signer, blobs, resolve: resolved.resolveHost },
  });
  const core: EngineCore = {
    options: resolved,
    db,
    store,
    blobs,
    scheduler,
    signer,
    faults,
    stats: { requestsServed: 0, startedAt: Date.now() },
  };
  scheduler.resume();
  templateValidator();

  let closing: Promise<void> | null = null;
  return {
    handle: (request, basePath = "") => handle(core, request, basePath),
    close: () =>
      (closing ??= (async () => {
        await scheduler.close();
        db.close();
        release();
      })()),
  };
}

async function handle(core: EngineCore, request: Request, basePath: string): Promise<Response> {
  core.stats.requestsServed++;
  const traceId = newTraceId();
  try {
    const url = new URL(request.url);
    const segments = segmentsUnder(url.pathname, basePath);
    if (!segments) throw new EngineError(404, `No endpoint at ${url.pathname}`);
    const match = matchRoute(ROUTES, segments, request.method);
    const userId = match.auth ? authenticate(request) : "";
    const base =
      core.options.publicUrl ?? `${publicOrigin(request, url)}${basePath.replace(/\/+$/, "")}`;
    const faultRoute = faultRouteOf(match.pattern, request.method);
    const fault = faultRoute ? core.faults.decide(faultRoute) : null;
    if (fault) {
      const early = await beforeHandler(fault, traceId);
      if (early) return early;
    }
    const response = await match.handler({
      core,
      request,
      url,
      params: match.params,
      userId,
      baseUrl: base,
    });
    if (fault?.kind === "drop-after") {
      // The work is done (a workflow created and charged); only the answer is lost.
      await response.body?.cancel().catch(() => undefined);
      return droppedResponse();
    }
    if (match.headFromGet)
      return new Response(null, { status: response.status, headers: response.headers });
    return response;
  } catch (error) {
    if (error instanceof EngineError) return withTrace(toProblemResponse(error, traceId), traceId);
    core.options.log(
      `[local-engine] ${traceId} ${request.method} ${request.url} failed: ${String(error)}`,
    );
    if (error instanceof Error && error.stack) core.options.log(error.stack);
    return withTrace(
      toProblemResponse(
        new EngineError(500, `The local engine hit an unexpected error (trace ${traceId}).`),
        traceId,
      ),
      traceId,
    );
  }
}

/**
 * The origin signed URLs should use: the forwarded host when a proxy (or the
 * studio, passing on its browser's host) names one, else the Host header. Next
 * rewrites request.url's host to its own idea of it, which a browser on another
 * machine cannot reach. Only affects URLs handed back to the same caller.
 */
function publicOrigin(request: Request, url: URL): string {
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host");
  const proto = first("x-forwarded-proto") ?? url.protocol.replace(":", "");
  if (
    !host ||
    !/^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host) ||
    !/^https?$/.test(proto)
  ) {
    return url.origin;
  }
  return `${proto}://${host}`;
}

/** Applies an injected fault that acts before the route runs; null lets the route run. */
async function beforeHandler(fault: FaultDecision, traceId: string): Promise<Response | null> {
  const headers = { "x-engine-fault": fault.kind };
  switch (fault.kind) {
    case "status:500":
    case "status:502":
    case "status:503": {
      const status = Number(fault.kind.slice("status:".length));
      return withTrace(
        toProblemResponse(
          new EngineError(status, `Injected fault: the engine answered ${status}.`, { headers }),
          traceId,
        ),
        traceId,
      );
    }
    case "rate-limit":
      return withTrace(
        toProblemResponse(
          new EngineError(429, "Injected fault: too many requests.", {
            headers: { ...headers, "retry-after": String(fault.retryAfterSeconds) },
          }),
          traceId,
        ),
        traceId,
      );
    case "drop-before":
      return droppedResponse();
    case "stall":
      // Not cut short when the client gives up: a real orchestrator keeps
      // working on a request whose caller has gone, and so does this one.
      await new Promise((resolve) => setTimeout(resolve, fault.stallMs));
      return null;
    case "drop-after":
      return null;
  }
}

function withTrace(response: Response, traceId: string): Response {
  response.headers.set("x-trace-id", traceId);
  return response;
}

/**
 * Any non-empty bearer token is a user; tokens starting with "invalid" are
 * refused so the studio's rejected-token path can be exercised.
 */
function authenticate(request: Request): string {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const token = match?.[1]?.trim() ?? "";
  const challenge = { "www-authenticate": 'Bearer realm="local-engine"' };
  if (!token) {
    throw new EngineError(
      401,
      "Authorization: Bearer <token> is required. The local engine accepts any token.",
      {
        headers: challenge,
      },
    );
  }
  if (token.toLowerCase().startsWith("invalid")) {
    throw new EngineError(401, "The token was rejected.", {
      headers: { "www-authenticate": 'Bearer realm="local-engine", error="invalid_token"' },
    });
  }
  return userIdFromToken(token);
}

/** LOCAL_ENGINE=off: the engine exists but answers nothing, and touches no disk. */
function disabledEngine(): Engine {
  return answeringOnly(new EngineError(404, "The local engine is turned off (LOCAL_ENGINE=off)."));
}

/** An engine that could not start (bad settings, data dir in use) says why on every request. */
export function brokenEngine(error: unknown): Engine {
  const reason = error instanceof Error ? error.message : String(error);
  return answeringOnly(new EngineError(500, `The local engine could not start: ${reason}`));
}

/** Not serving for now (waiting for the data dir's lock, or shutting down): 503, ask again soon. */
export function unavailableEngine(reason: string): Engine {
  return answeringOnly(new EngineError(503, reason, { headers: { "retry-after": "1" } }));
}

function answeringOnly(problem: EngineError): Engine {
  return {
    handle: async () => toProblemResponse(problem, newTraceId()),
    close: async () => undefined,
  };
}
