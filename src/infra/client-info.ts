// Who is on the other end of a request, as far as privacy allows: the IP is kept only as a keyed
// hash (never stored or logged in clear), and the user agent as sent.
import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";

export interface ClientInfo {
  /** The client's IP, for rate limits in memory; never stored. */
  ip: string | null;
  /** HMAC of the IP under the app secret: stable for one install, useless elsewhere. */
  ipHash: string | null;
  userAgent: string | null;
}

/**
 * Hashes already made, by secret and IP: every request's log line carries the hash, and a client
 * sends many requests (an HMAC per request was ~2% of a front page's CPU). Bounded: it starts
 * over when full.
 */
const knownHashes = new Map<string, string>();
const MAX_KNOWN_HASHES = 10_000;

export function hashIp(secret: string, ip: string): string {
  const key = `${secret}\0${ip}`;
  let hash = knownHashes.get(key);
  if (hash === undefined) {
    hash = createHmac("sha256", secret).update(`ip:${ip}`).digest("hex").slice(0, 32);
    if (knownHashes.size >= MAX_KNOWN_HASHES) knownHashes.clear();
    knownHashes.set(key, hash);
  }
  return hash;
}

/**
 * The client's address. Behind `trustProxy` proxies (load balancers, CDNs), each appends the
 * address it saw to X-Forwarded-For, so the client is the entry that many places from the right:
 * whatever the client wrote itself sits further left, and is ignored. A header with fewer entries
 * (the request came through fewer proxies) gives its left-most, which a proxy still wrote. With no
 * proxy trusted, or no header, the socket's peer.
 */
export function clientInfo(
  request: Request,
  req: IncomingMessage | undefined,
  options: { secret: string; trustProxy: number },
): ClientInfo {
  const ip = forwardedFor(request, options.trustProxy) || req?.socket?.remoteAddress || null;
  // Hashed when first read (a mutation's limits, a logged line): most reads never need it.
  let ipHash: string | null | undefined;
  return {
    ip,
    get ipHash() {
      ipHash ??= ip ? hashIp(options.secret, ip) : null;
      return ipHash;
    },
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}

function forwardedFor(request: Request, trustedProxies: number): string | undefined {
  const header = trustedProxies > 0 ? request.headers.get("x-forwarded-for") : null;
  if (!header) return undefined;
  const addresses = header.split(",");
  return addresses[Math.max(0, addresses.length - trustedProxies)]?.trim();
}
