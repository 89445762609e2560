// What FAL does with a style reference when a Krea job starts: it fetches the
// imageUrl server-side, and the job fails when it cannot (recipe line 158:
// "Style reference fetch fails — URL is private or expired"). The engine cannot
// fetch the internet, so it judges each URL the way that fetch would end:
// - its own signed blob URLs must verify, be unexpired, and the blob alive;
// - any other URL needs http(s) and a host whose every address is public
//   (a loopback, private or unresolvable host fails, as it would from FAL).
// The resolver is injected: tests (and the e2e server) name their public hosts.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { isAlive } from "./blob-store";
import type { BlobStore } from "./blob-store";
import type { UrlSigner } from "./signing";

/** Every address of a host name; throws (or returns none) when it has none. */
export type HostResolver = (hostname: string) => Promise<string[]>;

const LOOKUP_TIMEOUT_MS = 5000;

export const systemResolver: HostResolver = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("DNS lookup timed out")), LOOKUP_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true }), timeout]);
    return found.map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
};

/** A resolver that knows only the given hosts (host → addresses), for tests. */
export function staticResolver(hosts: Record<string, string[]>): HostResolver {
  return async (hostname) => {
    const addresses = hosts[hostname.toLowerCase()];
    if (!addresses || addresses.length === 0) throw new Error(`no address for ${hostname}`);
    return addresses;
  };
}

export interface ReferenceCheckContext {
  signer: UrlSigner;
  blobs: BlobStore;
  resolve: HostResolver;
}

const CONTENT_PATH = /\/v2\/consumer\/blobs\/content\/([^/]+)$/;

/** Why FAL could not fetch this URL at `now`, or null when it could. */
export async function referenceFailure(
  raw: string,
  ctx: ReferenceCheckContext,
  now: number,
): Promise<string | null> {
  if (!URL.canParse(raw)) return "it is not a URL";
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `FAL fetches http(s) URLs only, not ${url.protocol}`;
  }
  const token = CONTENT_PATH.exec(url.pathname)?.[1];
  if (token) {
    const verdict = ctx.signer.verify(decodeURIComponent(token), now);
    if (verdict.ok || verdict.reason === "expired") {
      const blob = ctx.blobs.get(verdict.claims.blobId);
      if (!blob || !isAlive(blob, now)) return "the blob no longer exists (past its lifetime)";
      if (!verdict.ok) {
        const at = new Date(verdict.claims.expiresAt * 1000).toISOString();
        return `the signed blob URL expired at ${at}; refresh the blob before submitting`;
      }
      return null;
    }
    // Not one of ours after all (or tampered with): judged like any other URL below.
  }
  return hostFailure(url.hostname.replace(/^\[|\]$/g, ""), ctx.resolve);
}

async function hostFailure(host: string, resolve: HostResolver): Promise<string | null> {
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) return `the host ${host} does not resolve`;
  }
  const blocked = addresses.find((a) => !isPublic(a));
  if (blocked === undefined) return null;
  return blocked === host
    ? `${host} is a loopback or private address, which FAL cannot reach`
    : `the host ${host} resolves to ${blocked}, a loopback or private address, which FAL cannot reach`;
}

function isPublic(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1 so it is judged as what it is.
  return ipaddr.process(address).range() === "unicast";
}

/** The message for a failed step: which reference (number and index) and why. */
export function referenceError(index: number, reason: string): string {
  return `style reference ${index + 1} (imageStyleReferences[${index}]) could not be fetched: ${reason}`;
}

/** The first reference FAL could not fetch, as a step error, or null when all are fine. */
export async function firstReferenceFailure(
  references: { imageUrl: string }[],
  ctx: ReferenceCheckContext,
  now: number,
): Promise<string | null> {
  const reasons = await Promise.all(references.map((r) => referenceFailure(r.imageUrl, ctx, now)));
  const index = reasons.findIndex((r) => r !== null);
  const reason = reasons[index];
  return index >= 0 && reason ? referenceError(index, reason) : null;
}
