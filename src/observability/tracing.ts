// OpenTelemetry tracing, only when OTEL_EXPORTER_OTLP_ENDPOINT is set: the SDK exports spans over
// OTLP/HTTP to that collector. Each HTTP request gets a server span (continuing the caller's trace
// when it sends `traceparent`), with one span per GraphQL operation inside it. Spans carry the
// operation's document only when it has no inline arguments, and never variables, resolver
// arguments or results: those hold what readers type (emails included).
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

export interface TracingConfig {
  /** The collector's base URL (OTEL_EXPORTER_OTLP_ENDPOINT); unset: no tracing. */
  endpoint: string | undefined;
  serviceName: string;
}

export interface Tracing {
  provider: TracerProvider;
  /** Sends the spans not yet exported, then stops. */
  shutdown(): Promise<void>;
}

/** Spans go to `<endpoint>/v1/traces`, as the OTLP specification has it for the base endpoint variable. */
export const tracesUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, "")}/v1/traces`;

/**
 * Starts the OpenTelemetry SDK for the process, or returns null (no cost at all) without an endpoint:
 * the SDK and its exporter are imported only then, as they take a good part of a start's imports.
 */
export async function startTracing(config: TracingConfig): Promise<Tracing | null> {
  if (!config.endpoint) return null;
  const [{ NodeSDK }, { OTLPTraceExporter }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
  ]);
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    traceExporter: new OTLPTraceExporter({ url: tracesUrl(config.endpoint) }),
    // Traces only: no automatic instrumentation (lede makes its own spans), metrics or logs.
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { provider: trace.getTracerProvider(), shutdown: () => sdk.shutdown() };
}

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
