// Where a webhook may point: https only (http when WEBHOOK_ALLOW_HTTP says so, for development),
// and never at this network's own machines: loopback, private, link-local (the cloud metadata
// service) and other special ranges are refused when the endpoint is created and again at each
// delivery, on the very addresses the connection then uses (a DNS answer may change: rebinding).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

export interface WebhookAddressPolicy {
  /** Accept http:// URLs (development and tests). */
  allowHttp: boolean;
  /** Accept private, loopback and link-local addresses (development and tests). */
  allowPrivateAddresses: boolean;
}

export const strictAddressPolicy: WebhookAddressPolicy = { allowHttp: false, allowPrivateAddresses: false };

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, with the cloud metadata service at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64: an IPv4 address inside
  ["fc00::", 7], // unique local, with AWS's metadata at fd00:ec2::254
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (IPv4 or IPv6) is in a range a webhook may not reach. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  return blocked.check(address, "ipv6");
}

export class RefusedAddressError extends Error {}

/** What is wrong with `url` as a webhook URL, or null; addresses are checked by `resolveAllowed`. */
export function urlProblem(url: string, policy: WebhookAddressPolicy): string | null {
  if (url.length > 2000) return "url is longer than 2000 characters";
  if (!URL.canParse(url)) return "url is not a URL";
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && !(policy.allowHttp && parsed.protocol === "http:")) {
    return policy.allowHttp ? "url must be https or http" : "url must be https";
  }
  if (parsed.username || parsed.password) return "url must not carry a user name or password";
  return null;
}

const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/** The addresses `hostname` resolves to, all of them allowed by `policy`; throws RefusedAddressError. */
export async function resolveAllowed(
  hostname: string,
  policy: WebhookAddressPolicy,
): Promise<LookupAddress[]> {
  const host = bareHost(hostname);
  const family = isIP(host);
  const addresses: LookupAddress[] = family
    ? [{ address: host, family }]
    : await new Promise<LookupAddress[]>((resolve, reject) =>
        dnsLookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
      ).catch((error: unknown) => {
        throw new RefusedAddressError(
          `${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? "DNS error"})`,
        );
      });
  if (!addresses.length) throw new RefusedAddressError(`${host} does not resolve`);
  if (!policy.allowPrivateAddresses) {
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) {
      throw new RefusedAddressError(
        `${host} resolves to ${refused.address}, a private, loopback or link-local address`,
      );
    }
  }
  return addresses;
}

/** A `lookup` for node:http that connects only to addresses `policy` allows. */
export const allowedLookup =
  (policy: WebhookAddressPolicy): LookupFunction =>
  (hostname, options, callback) => {
    resolveAllowed(hostname, policy).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else {
          const first = addresses[0] as LookupAddress;
          callback(null, first.address, first.family);
        }
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
