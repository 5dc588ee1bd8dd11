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

export function hashIp(secret: string, ip: string): string {
  return createHmac("sha256", secret).update(`ip:${ip}`).digest("hex").slice(0, 32);
}

/**
 * With `trustProxy`, the left-most X-Forwarded-For address (set by the load balancer in front);
 * otherwise the socket's peer address.
 */
export function clientInfo(
  request: Request,
  req: IncomingMessage | undefined,
  options: { secret: string; trustProxy: boolean },
): ClientInfo {
  const forwarded = options.trustProxy
    ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim()
    : undefined;
  const ip = forwarded || req?.socket?.remoteAddress || null;
  return {
    ip,
    ipHash: ip ? hashIp(options.secret, ip) : null,
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
