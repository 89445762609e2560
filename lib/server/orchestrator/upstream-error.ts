import "server-only";
import { AppError } from "@/lib/server/http/problem";
import { KREA_SETTINGS } from "@/lib/contract/krea/fields";
import type { FieldErrors } from "@/lib/contract/krea/field-errors";
import type { EngineKind } from "./target";

// Maps every way an orchestrator call can go wrong to one AppError with a
// message a designer can act on. Status and headers come from the raw response:
// the SDK replaces non-400 bodies with {status, detail} and drops the headers.

export interface RawFailure {
  status: number;
  headers: Headers;
  text: string;
}

interface ProblemLike {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

function parseProblem(text: string): ProblemLike {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

/** Retry-After as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** Fields a Krea error may name, including the ones Krea refuses. */
const KNOWN_FIELDS: readonly string[] = [
  ...KREA_SETTINGS,
  "negativePrompt",
  "width",
  "height",
  "loras",
];

/**
 * "steps[0].input.imageStyleReferences[2].strength" (or "$.Steps[0].Input.Size")
 * → "imageStyleReferences.2.strength", the studio's field path.
 */
export function toStudioField(key: string): string {
  const dotted = key.replace(/^\$\.?/, "").replace(/\[(\d+)\]/g, ".$1");
  const withoutStep = dotted.replace(/^steps\.\d+\.input\.?/i, "");
  if (!withoutStep) return "body";
  const camel = withoutStep.split(".").map((seg) => seg.charAt(0).toLowerCase() + seg.slice(1));
  const known = KNOWN_FIELDS.find((f) => f.toLowerCase() === camel[0]?.toLowerCase());
  if (known) camel[0] = known;
  return camel.join(".");
}

function fieldErrorsFrom(errors: unknown): FieldErrors | undefined {
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return undefined;
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(errors)) {
    const messages = (Array.isArray(value) ? value : [value]).filter(
      (m): m is string => typeof m === "string",
    );
    if (messages.length) (out[toStudioField(key)] ??= []).push(...messages);
  }
  return Object.keys(out).length ? out : undefined;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** Every field's messages in one line: "seed: must be at most 2147483647. size: …". */
function listFieldErrors(fieldErrors: FieldErrors): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field === "body" ? "" : `${field}: `}${messages.join(" ")}`)
    .join(" ");
}

export function upstreamError(raw: RawFailure, engine: EngineKind): AppError {
  const problem = parseProblem(raw.text);
  const rawText = raw.text && raw.text.length < 300 ? text(raw.text) : undefined;
  const said = text(problem.detail) ?? text(problem.title) ?? rawText;
  const who = engine === "local" ? "The local engine" : "Civitai";
  const retryAfter = parseRetryAfter(raw.headers.get("retry-after"));

  switch (raw.status) {
    case 400:
    case 422: {
      // Model validation answers the spec's ValidationProblemDetails: a generic
      // title ("One or more validation errors occurred.") and the real messages
      // in `errors`; those say what to fix, the title does not.
      const fieldErrors = fieldErrorsFrom(problem.errors);
      return new AppError("validation", {
        status: raw.status,
        detail:
          text(problem.detail) ??
          (fieldErrors ? listFieldErrors(fieldErrors) : undefined) ??
          said ??
          `${who} refused the input.`,
        fieldErrors,
      });
    }
    case 401:
      return new AppError("unauthorized", {
        detail:
          engine === "local"
            ? "The local engine refused the request's credentials."
            : "Civitai rejected the API token (401). Paste a valid token under Token, or remove it to use the local engine.",
      });
    case 403:
      if (/buzz/i.test(said ?? raw.text)) {
        return new AppError("insufficient_buzz", {
          detail:
            said ?? "Not enough Buzz for this generation. Top up your Buzz or lower the quantity.",
          retryable: false,
        });
      }
      return new AppError("forbidden", {
        detail: said ?? `${who} does not allow this request (403).`,
      });
    case 404:
      return new AppError("not_found", {
        detail:
          said ?? `${who} has no such item: it was deleted, or it belongs to another account.`,
      });
    case 409:
      return new AppError("conflict", { detail: said ?? `${who} reported a conflict.` });
    case 413:
      return new AppError("payload_too_large", {
        detail: said ?? `${who} refused the request as too large.`,
      });
    case 415:
      return new AppError("unsupported_media_type", {
        detail: said ?? `${who} refused the content type.`,
      });
    case 429:
      return new AppError("rate_limited", {
        detail: `${who} is rate-limiting requests${retryAfter !== undefined ? `; it asks to wait ${Math.ceil(retryAfter)} s` : ""}. Nothing was lost: try again shortly.`,
        retryAfter: retryAfter ?? 5,
      });
    case 503:
      return new AppError("unavailable", {
        detail: `${who} is temporarily unavailable (503). Try again in a moment.`,
        retryAfter,
      });
    case 504:
      return new AppError("timeout", { detail: `${who} timed out (504). Try again in a moment.` });
    default:
      if (raw.status >= 500) {
        return new AppError("upstream", {
          detail: `${who} answered with an error (${raw.status}). Try again in a moment.`,
          retryAfter,
        });
      }
      return new AppError("bad_request", {
        status: raw.status >= 400 && raw.status < 500 ? raw.status : 502,
        detail: said ?? `${who} answered ${raw.status}.`,
        retryable: false,
      });
  }
}

export function transportError(error: unknown, timedOut: boolean, engine: EngineKind): AppError {
  const who = engine === "local" ? "the local engine" : "Civitai";
  if (timedOut) {
    return new AppError("timeout", {
      detail: `No answer from ${who} in time. Try again in a moment.`,
      cause: error,
    });
  }
  return new AppError("network", {
    detail: `Could not reach ${who}. Check the connection${engine === "local" ? " (is LOCAL_ENGINE=off?)" : ""} and try again.`,
    cause: error,
  });
}
