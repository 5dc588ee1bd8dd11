// Feeds and sitemaps are lede's (src/modules/feeds): the site passes them through on its own
// origin, so that readers and crawlers find them where the pages link to them. Conditional
// requests go through too, so a 304 from lede stays a 304.
import { siteConfig } from "./config.ts";

const PASSED_REQUEST_HEADERS = ["if-none-match", "if-modified-since", "accept", "user-agent"];
const PASSED_RESPONSE_HEADERS = ["content-type", "etag", "last-modified", "cache-control", "vary"];

export async function passThrough(request: Request, path: string, search: string): Promise<Response> {
  const headers = new Headers();
  for (const name of PASSED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const upstream = await fetch(`${siteConfig.ledeUrl}${path}${search}`, {
    headers,
    signal: AbortSignal.timeout(siteConfig.timeoutMs),
  });
  const out = new Headers();
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : upstream.body, {
    status: upstream.status,
    headers: out,
  });
}
