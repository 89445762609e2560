// RFC 7807 problem details the way the orchestrator (ASP.NET) writes them:
// `type` points at the RFC 9110 section of the status, `title` is the reason
// phrase, `traceId` identifies the request. Validation failures use the
// ValidationProblemDetails shape, with `errors` keyed by field path and
// `detail` carrying the first message so clients that only show `detail`
// still show the orchestrator's phrase ("size must be one of …").

/** Field path (ASP.NET style, "steps[0].input.size") → messages. */
export type FieldErrors = Record<string, string[]>;

function problemJson(body: object, status: number, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/problem+json");
  h.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: h });
}

const SECTIONS: Record<number, [section: string, title: string]> = {
  400: ["15.5.1", "Bad Request"],
  401: ["15.5.2", "Unauthorized"],
  403: ["15.5.4", "Forbidden"],
  404: ["15.5.5", "Not Found"],
  405: ["15.5.6", "Method Not Allowed"],
  409: ["15.5.10", "Conflict"],
  413: ["15.5.14", "Content Too Large"],
  415: ["15.5.16", "Unsupported Media Type"],
  422: ["15.5.21", "Unprocessable Content"],
  // 429 is defined in RFC 6585, not 9110.
  429: ["4", "Too Many Requests"],
  500: ["15.6.1", "An error occurred while processing your request."],
  502: ["15.6.3", "Bad Gateway"],
  503: ["15.6.4", "Service Unavailable"],
};

export const VALIDATION_TITLE = "One or more validation errors occurred.";

/** Thrown by handlers; `toProblemResponse` turns it into problem+json. */
export class EngineError extends Error {
  readonly status: number;
  readonly errors?: FieldErrors;
  readonly headers?: Record<string, string>;

  constructor(
    status: number,
    detail: string,
    options: { errors?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "EngineError";
    this.status = status;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

/** A 400 with per-field errors; the first message becomes the detail. */
export function validationError(errors: FieldErrors): EngineError {
  const first = Object.entries(errors)[0];
  const detail = first ? `${first[0]}: ${first[1][0] ?? "is invalid"}` : "The request is invalid.";
  return new EngineError(400, detail, { errors });
}

export function fieldError(field: string, message: string): EngineError {
  return validationError({ [field]: [message] });
}

export function toProblemResponse(error: EngineError, traceId: string): Response {
  const [section, title] = SECTIONS[error.status] ?? ["15.6.1", "Error"];
  const isValidation = error.status === 400 && error.errors !== undefined;
  const body: Record<string, unknown> = {
    type: `https://tools.ietf.org/html/${error.status === 429 ? "rfc6585" : "rfc9110"}#section-${section}`,
    title: isValidation ? VALIDATION_TITLE : title,
    status: error.status,
    detail: error.message,
  };
  if (error.errors) body.errors = error.errors;
  body.traceId = traceId;
  return problemJson(body, error.status, error.headers);
}

/** Array indices in ASP.NET style: "steps.0.input" → "steps[0].input". */
export function bracketIndices(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}
