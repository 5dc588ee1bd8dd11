// Which web pages on other origins may call lede from a browser (CORS). Yoga's default reflects any
// Origin with `Access-Control-Allow-Credentials: true`, which lets every site read responses with
// the visitor's credentials. lede authenticates with a bearer token, not cookies, so no origin
// needs credentials unless the operator lists it.
import type { Plugin, YogaServerOptions } from "graphql-yoga";

type CorsOption = YogaServerOptions<object, object>["cors"];

/**
 * With no `allowedOrigins`, any origin may read public responses, without credentials. With a
 * list, only those origins may (with credentials), and every other gets no CORS header at all.
 */
export function corsPolicy(allowedOrigins: readonly string[]): { cors: CorsOption; plugins: Plugin[] } {
  if (allowedOrigins.length === 0) return { cors: { origin: "*", credentials: false }, plugins: [] };
  const allowed = new Set(allowedOrigins);
  return {
    // "*" makes yoga answer with the request's own Origin (and Vary: Origin); only a listed one gets here.
    cors: (request) =>
      allowed.has(request.headers.get("origin") ?? "") ? { origin: "*", credentials: true } : false,
    plugins: [
      {
        // The answer depends on Origin even when it carries no CORS header: a shared cache must
        // not hand a listed origin the answer made for another.
        onResponse({ response }) {
          const vary = response.headers.get("vary") ?? "";
          if (!/(^|,)\s*origin\s*(,|$)/i.test(vary))
            response.headers.set("vary", vary ? `${vary}, Origin` : "Origin");
        },
      },
    ],
  };
}
