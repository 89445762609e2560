// The browser's side of the studio API: one fetch helper that turns
// problem+json into an ApiError carrying the message and per-field errors, so
// forms can put each message next to its field.
import type { FieldErrors } from "@/lib/contract/krea/field-errors";

export class ApiError extends Error {
  readonly status: number;
  readonly kind: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldErrors;
  readonly retryAfter?: number;
  readonly requestId?: string;
  /** the whole problem body, for extension members (a 409's current version and set) */
  readonly problem: Readonly<Partial<Record<string, unknown>>>;

  constructor(status: number, body: Partial<Record<string, unknown>>) {
    const detail = typeof body.detail === "string" ? body.detail : `The studio answered ${status}.`;
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.kind =
      typeof body.kind === "string" ? body.kind : status >= 500 ? "upstream" : "bad_request";
    this.title = typeof body.title === "string" ? body.title : "Request failed";
    this.detail = detail;
    this.fieldErrors = readFieldErrors(body.errors);
    this.retryAfter = typeof body.retryAfter === "number" ? body.retryAfter : undefined;
    this.requestId = typeof body.requestId === "string" ? body.requestId : undefined;
    this.problem = body;
  }
}

/** A failure before any answer: offline, connection dropped, aborted. */
export class NetworkError extends Error {
  readonly status = 0;
  constructor(cause: unknown) {
    super("Could not reach the studio server. Check your connection; nothing was lost.", { cause });
    this.name = "NetworkError";
  }
}

function readFieldErrors(value: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages))
      out[key] = messages.filter((m): m is string => typeof m === "string");
  }
  return out;
}

export interface ApiInit extends Omit<RequestInit, "body"> {
  /** sent as JSON */
  json?: unknown;
  /** another fetch (tests send requests straight to route handlers) */
  fetchImpl?: typeof fetch;
  /** sees the response (its headers) before the body is read */
  onResponse?: (response: Response) => void;
}

/** Fetches a studio API route; resolves with the parsed JSON or throws ApiError / NetworkError. */
export async function apiFetch<T>(url: string, init: ApiInit = {}): Promise<T> {
  const { json, headers, fetchImpl = fetch, onResponse, ...rest } = init;
  const h = new Headers(headers);
  if (json !== undefined) h.set("content-type", "application/json");
  let response: Response;
  try {
    response = await fetchImpl(url, {
      ...rest,
      headers: h,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(error);
  }
  onResponse?.(response);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The answer was cut off mid-body: as good as no answer.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) {
    let problem: unknown;
    try {
      problem = JSON.parse(text);
    } catch {
      problem = undefined;
    }
    throw new ApiError(
      response.status,
      problem && typeof problem === "object" ? { ...problem } : {},
    );
  }
  // Our own routes answer JSON typed by the shared types in lib/; an empty
  // body (204) reads as null.
  return JSON.parse(text || "null");
}
