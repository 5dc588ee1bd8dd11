// OpenTelemetry: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; when it is, spans reach the OTLP
// endpoint over HTTP (here a stub collector on a local port): a server span per request that
// continues the caller's trace, and a span per GraphQL operation inside it, with nothing personal.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaults, loadConfig } from "../src/config.ts";
import { startTracing, type Tracing, tracesUrl } from "../src/observability/tracing.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { articleGlobalId, openArticle } from "./setup/seed-facts.ts";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

const received: { path: string; body: string }[] = [];
let collector: Server;
let endpoint: string;

beforeAll(async () => {
  collector = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ path: request.url ?? "", body });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => collector.close(resolve)));

describe("tracing", () => {
  it("is off by default: no endpoint, no SDK", async () => {
    const config = loadConfig({});
    expect(config.observability.tracing.endpoint).toBeUndefined();
    expect(await startTracing(config.observability.tracing)).toBeNull();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
      /^Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT:/,
    );
    expect(tracesUrl("http://collector:4318/")).toBe("http://collector:4318/v1/traces");
  });

  describe("with an OTLP endpoint", () => {
    let tracing: Tracing;
    let t: TestApp;
    const email = "traced.reader@example.org";
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const callerSpanId = "00f067aa0ba902b7";

    beforeAll(async () => {
      const config = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: "lede-test" });
      tracing = (await startTracing(config.observability.tracing)) as Tracing;
      t = await createTestApp({
        tracingPlugin: tracing.plugin,
        commentPolicy: { ...defaults.commentPolicy, floodSeconds: 0 },
      });
    });
    afterAll(() => t.close());

    it("sends a server span per request and an operation span inside it, with nothing personal", async () => {
      const response = await t.app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", traceparent: `00-${traceId}-${callerSpanId}-01` },
        body: JSON.stringify({ query: "query FrontPage { articles(first: 2) { nodes { slug } } }" }),
      });
      expect(response.status).toBe(200);
      await t.app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: "mutation Post($input: PostCommentInput!) { postComment(input: $input) { __typename } }",
          variables: {
            input: {
              articleId: articleGlobalId(openArticle.slug),
              authorName: "T",
              authorEmail: email,
              body: "Traced",
            },
          },
        }),
      });
      // Exports what is buffered, then stops.
      await tracing.shutdown();

      expect(received.length).toBeGreaterThan(0);
      expect(received.every((r) => r.path === "/v1/traces")).toBe(true);
      const payloads = received.map(
        (r) =>
          JSON.parse(r.body) as {
            resourceSpans: {
              resource: { attributes: { key: string; value: { stringValue?: string } }[] };
              scopeSpans: { spans: OtlpSpan[] }[];
            }[];
          },
      );
      const resources = payloads.flatMap((p) => p.resourceSpans);
      expect(resources[0]?.resource.attributes).toContainEqual({
        key: "service.name",
        value: { stringValue: "lede-test" },
      });
      const spans = resources.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
      const server = spans.find((s) => s.name === "POST /graphql" && s.traceId === traceId);
      const operation = spans.find((s) => s.name === "query.FrontPage");
      expect(server).toMatchObject({ kind: 2, parentSpanId: callerSpanId });
      expect(operation).toMatchObject({ traceId, parentSpanId: server?.spanId });
      expect(server?.attributes).toContainEqual({
        key: "http.response.status_code",
        value: { intValue: 200 },
      });
      expect(spans.map((s) => s.name)).toContain("mutation.Post");
      // Variables, resolver arguments and results stay out of spans.
      expect(received.map((r) => r.body).join("")).not.toContain(email);
    });
  });
});
