// Test doubles for the URL guard: a resolver with a fixed zone, and a policy
// that allows exactly one loopback address (where the test server listens) on
// top of the real one. Only tests import this.
import { publicAddressPolicy, type AddressPolicy } from "../address-policy";
import type { ResolvedAddress, Resolver } from "../url-guard";

export type Zone = Record<string, string[] | (() => string[])>;

export function fakeResolver(zone: Zone): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const entry = zone[hostname];
    if (!entry) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    }
    const addresses = typeof entry === "function" ? entry() : entry;
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

/** The default policy, plus 127.0.0.1 (the test server) and nothing else. */
export const allowTestServer: AddressPolicy = (address) =>
  address === "127.0.0.1" ? { allowed: true } : publicAddressPolicy(address);
