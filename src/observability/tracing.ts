// OpenTelemetry tracing, only when OTEL_EXPORTER_OTLP_ENDPOINT is set: the SDK exports spans over
// OTLP/HTTP to that collector. Each HTTP request gets a server span (continuing the caller's trace
// when it sends `traceparent`), with one span per GraphQL operation inside it (tracing-plugin.ts).
// Nothing of OpenTelemetry is imported without an endpoint: its packages are a good part of a
// start's imports.
import type { TracerProvider } from "@opentelemetry/api";
import type { Plugin } from "graphql-yoga";

export interface TracingConfig {
  /** The collector's base URL (OTEL_EXPORTER_OTLP_ENDPOINT); unset: no tracing. */
  endpoint: string | undefined;
  serviceName: string;
}

export interface Tracing {
  provider: TracerProvider;
  /** The yoga plugin that makes the spans (for createApp's `tracingPlugin`). */
  plugin: Plugin;
  /** Sends the spans not yet exported, then stops. */
  shutdown(): Promise<void>;
}

/** Spans go to `<endpoint>/v1/traces`, as the OTLP specification has it for the base endpoint variable. */
export const tracesUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, "")}/v1/traces`;

/**
 * Starts the OpenTelemetry SDK for the process, or returns null (no cost at all) without an endpoint:
 * the SDK, its exporter and the plugin are imported only then.
 */
export async function startTracing(config: TracingConfig): Promise<Tracing | null> {
  if (!config.endpoint) return null;
  const [{ NodeSDK }, { OTLPTraceExporter }, { trace }, { tracingPlugin }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/api"),
    import("./tracing-plugin.ts"),
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
  const provider = trace.getTracerProvider();
  return { provider, plugin: tracingPlugin(provider), shutdown: () => sdk.shutdown() };
}
