// Request and response plumbing shared by the engine's routes: bounded body
// reads (a client cannot make the engine buffer more than a route allows),
// JSON with the orchestrator's content types, and JSON responses.
import { EngineError, fieldError } from "./problems";

export const JSON_LIMIT = 1024 * 1024;
/** Deeper bodies are refused: storing and re-serialising them recurses. */
export const MAX_JSON_DEPTH = 32;

/** Never holds more than `limit` bytes: refused early on Content-Length, else while streaming. */
async function readCapped(request: Request, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Iterative, so the check itself cannot overflow the stack on a hostile body. */
function exceedsDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= limit) return true;
    const children = Array.isArray(item.value) ? item.value : Object.values(item.value);
    for (const child of children) {
      if (child !== null && typeof child === "object")
        stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return false;
}

/** Reads at most `limit` bytes, refusing larger bodies early when Content-Length says so. */
export function readBody(
  request: Request,
  limit: number,
  what = "The request body",
): Promise<Buffer> {
  return readCapped(
    request,
    limit,
    () =>
      new EngineError(
        413,
        `${what} is larger than ${formatBytes(limit)}, the most this endpoint accepts`,
      ),
  );
}

/** application/json, text/json and application/*+json, as the spec lists for request bodies. */
export function isJsonType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    type === "application/json" ||
    type === "text/json" ||
    /^application\/[\w.+-]*\+json$/.test(type)
  );
}

export async function readJson(request: Request, limit = JSON_LIMIT): Promise<unknown> {
  if (!isJsonType(request.headers.get("content-type"))) {
    throw new EngineError(
      415,
      `Send the body as JSON (Content-Type: application/json), not ${request.headers.get("content-type") ?? "without a content type"}`,
    );
  }
  const bytes = await readBody(request, limit);
  const text = bytes.toString("utf8");
  if (text.trim() === "") throw fieldError("$", "A non-empty request body is required.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fieldError(
      "$",
      `The JSON body could not be read: ${error instanceof Error ? error.message : "malformed"}`,
    );
  }
  // Stored metadata is re-serialised later; a hostile nesting would overflow there.
  if (exceedsDepth(value)) {
    throw fieldError("$", `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  return value;
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
