// Load generation with autocannon's programmatic API: a fixed number of connections, each
// request's body taken in turn from the scenario's rotating inputs (a new one per request for
// scenarios that write); either as fast as the server answers (saturation) or at a fixed overall
// rate (latency). Every answer is checked for GraphQL errors, which a 200 status would hide, and
// against the scenario's expected pattern, if any (a mutation's refusal is a 200 without errors).
// A file scenario's GETs are checked by status only: reading every image body as a string would
// cost the harness more than the servers.
import autocannon from "autocannon";

/** What each request is: a GraphQL POST with the next body, or a GET of the next path. */
export type LoadRequest =
  | {
      method: "POST";
      body: () => string;
      /** What every answer must match, besides carrying no GraphQL errors. */
      expect?: RegExp | undefined;
    }
  | { method: "GET"; path: () => string };

export interface LoadOptions {
  url: string;
  request: LoadRequest;
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
  const { request } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.rate ? { overallRate: Math.max(1, Math.round(options.rate)) } : {}),
    timeout: 10,
    ...(request.method === "POST"
      ? {
          headers: { "content-type": "application/json", accept: "application/json" },
          requests: [
            {
              method: "POST",
              setupRequest: (next: Record<string, unknown>) => {
                next.body = request.body();
                return next;
              },
              onResponse: (status: number, body: string) => {
                if (
                  status !== 200 ||
                  body.startsWith('{"errors"') ||
                  body.includes('"errors":[') ||
                  (request.expect && !request.expect.test(body))
                ) {
                  graphqlErrors++;
                  firstError ??= `${status}: ${body.slice(0, 300)}`;
                }
              },
            },
          ],
        }
      : {
          requests: [
            {
              method: "GET",
              setupRequest: (next: Record<string, unknown>) => {
                next.path = request.path();
                return next;
              },
            },
          ],
        }),
  });
  if (result.non2xx && !firstError) firstError = `${result.non2xx} answer(s) with a status other than 2xx`;
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
