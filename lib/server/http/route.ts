import "server-only";
import { randomUUID } from "node:crypto";
import { readCapped } from "./body";
import { exceedsDepth, MAX_JSON_DEPTH } from "./json-depth";
import { AppError, problemResponse } from "./problem";
import { enforceRateLimit } from "./rate-policy";
import { assertSameOrigin } from "./same-origin";

// Small helpers every route handler uses: a request id, errors mapped to
// problem+json in one place, and JSON bodies read with a size cap before parsing.
// The wrapper also applies the protections every route needs, before the
// handler runs, so a new route has them without asking: cross-site writes are
// refused (same-origin.ts) and paid or costly actions are rate-limited per
// client (rate-policy.ts).

export const MAX_JSON_BYTES = 1024 * 1024;

export type RouteHandler<C> = (
  request: Request,
  context: C & { requestId: string },
) => Promise<Response>;

/** Wraps a route handler so every failure becomes problem+json with a request id. */
export function route<C extends object = object>(handler: RouteHandler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      assertSameOrigin(request);
      await enforceRateLimit(request);
      const response = await handler(request, { ...context, requestId });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return problemResponse(error, requestId);
    }
  };
}

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/json; charset=utf-8");
  h.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { status, headers: h });
}

/** Reads a JSON body: 415 unless JSON, 413 over the limit (checked while streaming), 400 if malformed. */
export async function readJson(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new AppError("unsupported_media_type", {
      detail: "Send the body as JSON with Content-Type: application/json.",
    });
  }
  const text = decodeUtf8(await readCapped(request, limit, () => tooLarge(limit)));
  if (!text.trim())
    throw new AppError("bad_request", { detail: "The request body is empty; send a JSON object." });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", { detail: "The request body is not valid JSON." });
  }
  if (exceedsDepth(value)) {
    throw new AppError("bad_request", {
      detail: `The request body nests deeper than ${MAX_JSON_DEPTH} levels; no studio request needs that.`,
    });
  }
  return value;
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", {
    detail: `The request body is larger than ${Math.round(limit / 1024)} KB.`,
  });
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", { detail: "The request body is not valid UTF-8." });
  }
}

/** A query parameter as a bounded integer, or the fallback when absent. */
export function intParam(
  url: URL,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new AppError("bad_request", {
      detail: `${name} must be a whole number from ${min} to ${max}.`,
      fieldErrors: { [name]: [`${name} must be a whole number from ${min} to ${max}`] },
    });
  }
  return Math.max(min, Math.min(max, Number(raw)));
}
