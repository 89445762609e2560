import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { publicAddressPolicy, type AddressPolicy } from "./address-policy";

// Decides whether a URL may be fetched by the studio, or handed to the
// orchestrator to fetch: http(s) only, no credentials, sane ports, and a host
// whose EVERY address is public. Addresses written in odd forms (2130706433,
// 0177.0.0.1, 0x7f.1, [::ffff:127.0.0.1]) are normalised by the WHATWG URL
// parser before we look, so they are judged as the address they really are.
// The answer carries the addresses that were checked so a fetch can connect to
// exactly those (see guarded-fetch.ts) and DNS cannot change its mind between
// the check and the connection.

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has. Injected in tests. */
export type Resolver = (hostname: string, signal?: AbortSignal) => Promise<ResolvedAddress[]>;
export type PortPolicy = (port: number, protocol: "http:" | "https:") => boolean;

export interface UrlGuardOptions {
  resolve?: Resolver;
  /** which resolved addresses are acceptable; default: public unicast only */
  isAllowedAddress?: AddressPolicy;
  isAllowedPort?: PortPolicy;
  signal?: AbortSignal;
}

export interface CheckedUrl {
  url: URL;
  /** host name or IP without brackets or a trailing dot */
  host: string;
  /** every address of the host, all allowed; connect to one of these */
  addresses: ResolvedAddress[];
}

export type RefusalReason = "invalid_url" | "scheme" | "credentials" | "port" | "private";

/** The URL must not be fetched, by us or by the orchestrator. A 400 for the user. */
export class UrlRefusedError extends Error {
  readonly reason: RefusalReason;
  constructor(reason: RefusalReason, message: string) {
    super(message);
    this.name = "UrlRefusedError";
    this.reason = reason;
  }
}

export type UnreachableReason =
  "dns" | "connect" | "timeout" | "tls" | "reset" | "protocol" | "redirects" | "aborted";

/** The URL is acceptable but did not answer usefully. A warning, not an error. */
export class UrlUnreachableError extends Error {
  readonly reason: UnreachableReason;
  constructor(reason: UnreachableReason, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "UrlUnreachableError";
    this.reason = reason;
  }
}

/**
 * Ports 80, 443 and the unprivileged range (1024+: image servers on :8080 exist,
 * and private networks are refused by address anyway). Other privileged ports
 * (22 SSH, 25 SMTP, 111 RPC, 389 LDAP …) belong to services a URL should never reach.
 */
export const defaultPortPolicy: PortPolicy = (port) => port === 80 || port === 443 || port >= 1024;

/** Names that never mean a public host, whatever DNS says today. */
const PRIVATE_SUFFIXES = [
  "localhost",
  "localdomain",
  "local",
  "internal",
  "intranet",
  "lan",
  "home",
  "corp",
  "arpa",
];

export const defaultResolver: Resolver = async (hostname, signal) => {
  const lookupAll = lookup(hostname, { all: true });
  const addresses = await (signal ? raceAbort(lookupAll, signal) : lookupAll);
  return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

export function privateMessage(label: string, redirect?: string): string {
  const lead = redirect
    ? `This address redirects to ${redirect}, which is private (${label})`
    : `This address is private (${label})`;
  return `${lead}: the orchestrator can't fetch it and the studio won't either.`;
}

function parse(input: string | URL): URL {
  if (input instanceof URL) return new URL(input.href);
  const text = input.trim();
  try {
    return new URL(text);
  } catch {
    throw new UrlRefusedError(
      "invalid_url",
      "This is not a web address: paste a full link starting with https://.",
    );
  }
}

export interface CheckContext {
  /** the URL that redirected here, for the wording of refusals */
  redirected?: boolean;
}

export interface ScreenedUrl {
  url: URL;
  /** host name or IP without brackets or a trailing dot */
  host: string;
  /** the address when the host is an IP literal (already judged), else null */
  literal: ResolvedAddress | null;
}

/**
 * Everything that can be judged without DNS: scheme, credentials, port, IP
 * literals (in whatever spelling the URL parser accepted) and names that are
 * never public. Synchronous and cheap, for a submit that must not wait on DNS.
 * Throws UrlRefusedError.
 */
export function screenUrl(
  input: string | URL,
  options: Pick<UrlGuardOptions, "isAllowedAddress" | "isAllowedPort"> = {},
  context: CheckContext = {},
): ScreenedUrl {
  const url = parse(input);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UrlRefusedError(
      "scheme",
      `Only http:// and https:// addresses can be style references, not ${url.protocol}//.`,
    );
  }
  if (url.username || url.password) {
    throw new UrlRefusedError(
      "credentials",
      "Addresses with a user name or password can't be used: whoever fetches it would see them. Use a link that needs no login.",
    );
  }
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  if (!(options.isAllowedPort ?? defaultPortPolicy)(port, url.protocol)) {
    throw new UrlRefusedError(
      "port",
      `Port ${port} is not allowed: use an address on port 80, 443 or above 1023.`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  const where = context.redirected ? url.host : undefined;

  const family = isIP(host);
  if (family !== 0) {
    const verdict = (options.isAllowedAddress ?? publicAddressPolicy)(host);
    if (!verdict.allowed) {
      throw new UrlRefusedError("private", privateMessage(verdict.range, where));
    }
    return { url, host, literal: { address: host, family: family === 6 ? 6 : 4 } };
  }
  const labels = host.split(".");
  const last = labels[labels.length - 1] ?? "";
  if (host === "" || labels.length < 2 || PRIVATE_SUFFIXES.includes(last)) {
    const why = last === "localhost" ? "localhost" : "a local network name";
    throw new UrlRefusedError("private", privateMessage(why, where));
  }
  return { url, host, literal: null };
}

/**
 * Checks a URL and resolves its host. Throws UrlRefusedError when the URL must
 * not be fetched, UrlUnreachableError when its host name does not resolve.
 */
export async function checkPublicUrl(
  input: string | URL,
  options: UrlGuardOptions = {},
  context: CheckContext = {},
): Promise<CheckedUrl> {
  const { url, host, literal } = screenUrl(input, options, context);
  if (literal) return { url, host, addresses: [literal] };

  let addresses: ResolvedAddress[];
  try {
    addresses = await (options.resolve ?? defaultResolver)(host, options.signal);
  } catch (error) {
    if (options.signal?.aborted) {
      throw new UrlUnreachableError("timeout", "The address did not answer in time.", error);
    }
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    throw new UrlUnreachableError(
      "dns",
      code === "EAI_AGAIN"
        ? `The host name ${host} could not be looked up right now (DNS did not answer). Try again in a moment.`
        : `DNS has no address for ${host}: check the link (or this server's internet connection).`,
      error,
    );
  }
  if (addresses.length === 0) {
    throw new UrlUnreachableError("dns", `The host name ${host} has no address. Check the link.`);
  }
  const policy = options.isAllowedAddress ?? publicAddressPolicy;
  const where = context.redirected ? url.host : undefined;
  for (const { address } of addresses) {
    const verdict = policy(address);
    if (!verdict.allowed) {
      throw new UrlRefusedError(
        "private",
        privateMessage(`${verdict.range}: ${host} resolves to ${address}`, where),
      );
    }
  }
  return { url, host, addresses };
}
