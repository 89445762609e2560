import "server-only";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Which IP addresses the studio (and the orchestrator fetching a reference) may
// be sent to: public unicast only. Everything ipaddr.js classifies as special is
// refused, addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are
// judged by that IPv4 address, and IPv6 must be global unicast (2000::/3).
// Policies are plain functions so a caller (a test) can allow one more address
// explicitly without weakening the default.

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };
export type AddressPolicy = (address: string) => AddressVerdict;

const ALLOWED: AddressVerdict = { allowed: true };
const refused = (range: string): AddressVerdict => ({ allowed: false, range });

/** Cloud instance metadata services: the classic SSRF prize, named as such in messages. */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "169.254.170.2", "fd00:ec2::254"]);

const V4_LABELS: Record<string, string> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private network",
  reserved: "reserved",
  as112: "reserved",
  amt: "reserved",
};

const V6_LABELS: Record<string, string> = {
  unspecified: "unspecified",
  linkLocal: "link-local",
  multicast: "multicast",
  loopback: "loopback",
  uniqueLocal: "unique-local",
  deprecatedSiteLocal: "site-local",
  teredo: "Teredo tunnel",
};

const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

function judgeV4(ip: ipaddr.IPv4, via = ""): AddressVerdict {
  if (METADATA_ADDRESSES.has(ip.toString())) return refused(`${via}cloud metadata`);
  const range = ip.range();
  if (range === "unicast") return ALLOWED;
  return refused(`${via}${V4_LABELS[range] ?? "reserved"}`);
}

function embeddedV4(ip: ipaddr.IPv6, from: number): ipaddr.IPv4 {
  const bytes = ip.toByteArray().slice(from, from + 4);
  return new ipaddr.IPv4(bytes);
}

function judgeV6(ip: ipaddr.IPv6): AddressVerdict {
  if (METADATA_ADDRESSES.has(ip.toString())) return refused("cloud metadata");
  const range = ip.range();
  switch (range) {
    case "ipv4Mapped":
    case "rfc6145":
      return judgeV4(ip.toIPv4Address(), "IPv4-mapped ");
    case "rfc6052":
      return judgeV4(embeddedV4(ip, 12), "NAT64 of ");
    case "6to4":
      return judgeV4(embeddedV4(ip, 2), "6to4 of ");
    case "unicast":
      return ip.match(GLOBAL_UNICAST) ? ALLOWED : refused("reserved");
    default:
      return refused(V6_LABELS[range] ?? "reserved");
  }
}

/**
 * The default policy: public unicast addresses only. Takes canonical address
 * strings (what DNS and the WHATWG URL parser produce); anything else, such as
 * "0x7f.1" handed in raw, is refused rather than interpreted.
 */
export const publicAddressPolicy: AddressPolicy = (address) => {
  const family = isIP(address);
  if (family === 0) return refused("not an IP address");
  if (family === 4) return judgeV4(ipaddr.IPv4.parse(address));
  // ipaddr.js reads "::127.0.0.1" as IPv4-mapped, but it is the (unroutable)
  // IPv4-compatible ::7f00:1; the WHATWG serializer spells it the way a socket sees it.
  const withoutZone = address.replace(/%.*$/, "");
  return judgeV6(ipaddr.IPv6.parse(new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1)));
};
