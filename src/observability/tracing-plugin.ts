// The yoga plugin of OpenTelemetry tracing (see tracing.ts, which imports it only when tracing is on).
// Spans carry the operation's document only when it has no inline arguments, and never variables,
// resolver arguments or results: those hold what readers type (emails included).
import { useOpenTelemetry } from "@envelop/opentelemetry";
import {
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";
import type { Plugin } from "graphql-yoga";
import { routeOf } from "./metrics.ts";

/** A yoga plugin: a server span per HTTP request and a span per GraphQL operation. */
export function tracingPlugin(provider: TracerProvider): Plugin {
  const tracer = provider.getTracer("lede");
  const spans = new WeakMap<Request, Span>();
  const headerGetter = {
    keys: (headers: Headers) => [...headers.keys()],
    get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
  };
  return {
    instrumentation: {
      request: ({ request }, wrapped) => {
        const path = new URL(request.url, "http://localhost").pathname;
        const route = routeOf(path);
        const parent = propagation.extract(context.active(), request.headers, headerGetter);
        const span = tracer.startSpan(
          `${request.method} ${route}`,
          {
            kind: SpanKind.SERVER,
            attributes: { "http.request.method": request.method, "url.path": route, "http.route": route },
          },
          parent,
        );
        spans.set(request, span);
        return context.with(trace.setSpan(parent, span), wrapped);
      },
    },
    onResponse: ({ request, response }) => {
      const span = spans.get(request);
      if (!span) return;
      span.setAttribute("http.response.status_code", response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
    onPluginInit: ({ addPlugin }) => {
      addPlugin(
        useOpenTelemetry(
          { resolvers: false, variables: false, result: false, document: true },
          provider,
          SpanKind.INTERNAL,
          {},
          "lede",
        ) as Plugin,
      );
    },
  };
}
