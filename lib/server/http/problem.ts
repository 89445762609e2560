// One error type for the whole studio and one mapping to HTTP responses.
// Route handlers throw (or return) AppError; `problemResponse` turns anything
// into RFC 7807 problem+json with a message a designer can act on. Detail for
// engineers goes to the server log with the request id, never to the client.
import "server-only";
import type { FieldErrors } from "@/lib/contract/krea/field-errors";
import { EnvError } from "@/lib/server/env";

export type ErrorKind =
  | "validation"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "insufficient_buzz"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "upstream"
  | "unavailable"
  | "timeout"
  | "network"
  | "internal";

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_buzz: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream: 502,
  unavailable: 503,
  timeout: 504,
  network: 502,
  internal: 500,
};

const TITLE: Record<ErrorKind, string> = {
  validation: "Some fields need attention",
  bad_request: "The request could not be read",
  unauthorized: "The orchestrator rejected the token",
  forbidden: "Not allowed",
  insufficient_buzz: "Not enough Buzz",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Too large",
  unsupported_media_type: "Unsupported content type",
  rate_limited: "Too many requests",
  upstream: "The orchestrator answered with an error",
  unavailable: "The orchestrator is unavailable",
  timeout: "The orchestrator did not answer in time",
  network: "Could not reach the orchestrator",
  internal: "Something went wrong in the studio",
};

export interface AppErrorOptions {
  detail: string;
  title?: string;
  status?: number;
  fieldErrors?: FieldErrors;
  /** seconds the client should wait before retrying (429/503) */
  retryAfter?: number;
  /** true when retrying the same request later can succeed */
  retryable?: boolean;
  /** extra members of the problem body (RFC 7807 extensions), e.g. the current version on a 409 */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/** Marks an AppError made by any copy of this module (see hasInstance below). */
const APP_ERROR = Symbol.for("krea-studio.app-error");

export class AppError extends Error {
  /**
   * Next bundles a module once per entry (a page, each route), while stores are
   * shared on globalThis: an error thrown by a store another bundle created is
   * another copy's AppError. `instanceof AppError` recognises every copy, so a
   * stale style-set update stays a 409 instead of turning into a 500.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== AppError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && Reflect.get(value, APP_ERROR) === true;
  }

  readonly [APP_ERROR] = true;
  readonly kind: ErrorKind;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors?: FieldErrors;
  readonly retryAfter?: number;
  readonly retryable: boolean;
  readonly extensions?: Record<string, unknown>;

  constructor(kind: ErrorKind, options: AppErrorOptions) {
    super(options.detail, { cause: options.cause });
    this.name = "AppError";
    this.kind = kind;
    this.status = options.status ?? STATUS[kind];
    this.title = options.title ?? TITLE[kind];
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors;
    this.retryAfter = options.retryAfter;
    this.extensions = options.extensions;
    this.retryable =
      options.retryable ??
      ["rate_limited", "unavailable", "timeout", "network", "upstream"].includes(kind);
  }
}

/** The problem+json body the studio's API returns. */
export interface StudioProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  kind: ErrorKind;
  errors?: FieldErrors;
  retryAfter?: number;
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemJson(body: object, status: number, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", PROBLEM_CONTENT_TYPE);
  h.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: h });
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Names the setting, so whoever runs the studio can fix it.
  if (error instanceof EnvError) return new AppError("internal", { detail: error.message });
  return new AppError("internal", {
    detail:
      "The studio hit an unexpected error. Try again; if it keeps happening, check the server log.",
    cause: error,
  });
}

/**
 * Maps any thrown value to a problem+json response. Unexpected errors are logged
 * in full with the request id; the client only sees the id.
 */
export function problemResponse(error: unknown, requestId: string): Response {
  const e = toAppError(error);
  if (e.kind === "internal" || e.status >= 500) {
    console.error(`[${requestId}] ${e.kind}: ${e.detail}`, e.cause ?? "");
  }
  const body: StudioProblem = {
    // Extensions first, so they can never overwrite the standard members.
    ...e.extensions,
    type: `https://krea-studio.local/problems/${e.kind}`,
    title: e.title,
    status: e.status,
    detail: e.detail,
    kind: e.kind,
    requestId,
  };
  if (e.fieldErrors && Object.keys(e.fieldErrors).length > 0) body.errors = e.fieldErrors;
  const headers = new Headers({ "x-request-id": requestId });
  if (e.retryAfter !== undefined) {
    body.retryAfter = e.retryAfter;
    headers.set("retry-after", String(Math.max(0, Math.ceil(e.retryAfter))));
  }
  return problemJson(body, e.status, headers);
}

export function validationError(fieldErrors: FieldErrors, detail?: string): AppError {
  const first = Object.entries(fieldErrors)[0];
  return new AppError("validation", {
    detail:
      detail ??
      (first
        ? `${first[0] === "body" ? "" : `${first[0]}: `}${first[1][0]}`
        : "The input is invalid."),
    fieldErrors,
  });
}
