import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import {
  checkPublicUrl,
  UrlRefusedError,
  UrlUnreachableError,
  type CheckedUrl,
  type ResolvedAddress,
  type UrlGuardOptions,
} from "./url-guard";

// GET a URL the way the orchestrator would, without letting it reach anything
// private: every hop is checked by checkPublicUrl, the connection goes to the
// address that was checked (pinned through `lookup`, so DNS rebinding between
// check and connect changes nothing), redirects are followed by hand and
// re-checked, and the body is read only up to a cap. Plain node:http rather
// than fetch, because fetch can neither pin the address nor stop at a redirect
// before its target is contacted.

export interface GuardedFetchOptions extends UrlGuardOptions {
  /** bytes of body to keep; the rest is not downloaded (default 64 KB) */
  maxBytes?: number;
  /** default 5 */
  maxRedirects?: number;
  /** the whole exchange, DNS and redirects included (default 8 s) */
  timeoutMs?: number;
  /** TCP connect per hop (default 4 s) */
  connectTimeoutMs?: number;
  headers?: Record<string, string>;
}

export interface GuardedResponse {
  /** the URL asked for */
  url: string;
  /** the URL that answered, after redirects */
  finalUrl: string;
  redirects: string[];
  status: number;
  statusText: string;
  headers: Headers;
  body: Buffer;
  /** true when the body was longer than maxBytes and cut */
  truncated: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_HEADERS = {
  "user-agent": "KreaPromptStudio/0.1 (style reference check)",
  accept: "image/webp,image/png,image/jpeg,image/*;q=0.8,*/*;q=0.1",
  // Compressed bodies would need decompressing, a bomb of its own; images are compressed anyway.
  "accept-encoding": "identity",
};

export async function guardedFetch(
  input: string,
  options: GuardedFetchOptions = {},
): Promise<GuardedResponse> {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const maxRedirects = options.maxRedirects ?? 5;
  const redirects: string[] = [];
  let current = input;

  for (let hop = 0; ; hop++) {
    const checked = await checkPublicUrl(current, { ...options, signal }, { redirected: hop > 0 });
    let response: IncomingMessage;
    try {
      response = await requestOnce(checked, options, signal);
    } catch (error) {
      throw unreachable(error, deadline.aborted, timeoutMs, options.connectTimeoutMs ?? 4_000);
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.destroy();
      if (hop >= maxRedirects) {
        throw new UrlUnreachableError(
          "redirects",
          `The address redirects more than ${maxRedirects} times; link the image itself.`,
        );
      }
      try {
        current = new URL(location, checked.url).href;
      } catch {
        throw new UrlUnreachableError("protocol", "The address redirects to an invalid location.");
      }
      redirects.push(current);
      continue;
    }
    let body: { bytes: Buffer; truncated: boolean };
    try {
      body = await readCapped(response, options.maxBytes ?? 64 * 1024);
    } catch (error) {
      throw unreachable(error, deadline.aborted, timeoutMs, options.connectTimeoutMs ?? 4_000);
    }
    return {
      url: input,
      finalUrl: checked.url.href,
      redirects,
      status,
      statusText: response.statusMessage ?? "",
      headers: toHeaders(response.headers),
      body: body.bytes,
      truncated: body.truncated,
    };
  }
}

class ConnectTimeout extends Error {}

function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
}

function requestOnce(
  checked: CheckedUrl,
  options: GuardedFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const { url, host } = checked;
  const address = checked.addresses[0];
  if (!address) return Promise.reject(new UrlUnreachableError("dns", "No address to connect to."));
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request({
      protocol: url.protocol,
      hostname: host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: { ...DEFAULT_HEADERS, ...options.headers },
      // A fresh socket per request: a pooled one may have been opened for another address.
      agent: false,
      lookup: pinnedLookup(address),
      signal,
    });
    request.once("socket", (socket) => {
      const timer = setTimeout(
        () => request.destroy(new ConnectTimeout()),
        options.connectTimeoutMs ?? 4_000,
      );
      socket.once("connect", () => clearTimeout(timer));
      socket.once("close", () => clearTimeout(timer));
    });
    request.once("response", resolve);
    request.once("error", reject);
    request.end();
  });
}

async function readCapped(
  response: IncomingMessage,
  maxBytes: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of response) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      break; // leaving the loop destroys the response: the rest is never downloaded
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { bytes: Buffer.concat(chunks, size), truncated };
}

function toHeaders(raw: IncomingMessage["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

function errorCode(error: unknown): string {
  return error instanceof Error && "code" in error && typeof error.code === "string"
    ? error.code
    : "";
}

function unreachable(
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
  connectTimeoutMs: number,
): Error {
  if (error instanceof UrlRefusedError || error instanceof UrlUnreachableError) return error;
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  if (error instanceof ConnectTimeout) {
    return new UrlUnreachableError(
      "connect",
      `The server did not accept a connection within ${seconds(connectTimeoutMs)}.`,
      error,
    );
  }
  if (timedOut) {
    return new UrlUnreachableError(
      "timeout",
      `The address did not answer within ${seconds(timeoutMs)}.`,
      error,
    );
  }
  const code = errorCode(error);
  if (code === "ABORT_ERR" || (error instanceof Error && error.name === "AbortError")) {
    return new UrlUnreachableError("aborted", "The check was canceled.", error);
  }
  if (code === "ECONNREFUSED") {
    return new UrlUnreachableError("connect", "The server refused the connection.", error);
  }
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNABORTED") {
    return new UrlUnreachableError("reset", "The server dropped the connection.", error);
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new UrlUnreachableError(
      "tls",
      `The site's HTTPS certificate is not valid (${code}); the orchestrator would refuse it too.`,
      error,
    );
  }
  if (code.startsWith("HPE_")) {
    return new UrlUnreachableError("protocol", "The server did not answer with valid HTTP.", error);
  }
  return new UrlUnreachableError(
    "connect",
    `The address could not be reached${code ? ` (${code})` : ""}.`,
    error,
  );
}
