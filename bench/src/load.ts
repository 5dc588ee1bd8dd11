// Load generation with autocannon's programmatic API: a fixed number of connections, each
// request's body taken in turn from the scenario's rotating inputs (a new one per request for
// scenarios that write); either as fast as the server answers (saturation) or at a fixed overall
// rate (latency). Every answer is checked for GraphQL errors, which a 200 status would hide, and
// against the scenario's expected pattern, if any (a mutation's refusal is a 200 without errors).
import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  /** The next request's body. */
  body: () => string;
  /** What every answer must match, besides carrying no GraphQL errors. */
  expect?: RegExp | undefined;
  connections: number;
  durationSeconds: number;
  /** Requests per second for all connections together; absent means as fast as possible. */
  rate?: number | undefined;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Connection errors, timeouts, non-2xx answers and answers that carry GraphQL errors. */
  errors: number;
  firstError?: string | undefined;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.rate ? { overallRate: Math.max(1, Math.round(options.rate)) } : {}),
    timeout: 10,
    headers: { "content-type": "application/json", accept: "application/json" },
    requests: [
      {
        method: "POST",
        setupRequest: (request: Record<string, unknown>) => {
          request.body = options.body();
          return request;
        },
        onResponse: (status: number, body: string) => {
          if (
            status !== 200 ||
            body.startsWith('{"errors"') ||
            body.includes('"errors":[') ||
            (options.expect && !options.expect.test(body))
          ) {
            graphqlErrors++;
            firstError ??= `${status}: ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    firstError,
  };
}
