// The production configuration faces strangers: the GraphQL-over-HTTP audit, the limits on what a
// request may hold, hidden schema details, CSRF prevention, mutation rate limits and timeouts.
import { print } from "graphql";
import { serverAudits } from "graphql-http";
import { createSchema, createYoga, type Plugin } from "graphql-yoga";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppOptions } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { limitPlugins } from "../src/graphql/plugins/limits.ts";
import { RedisRateLimiter } from "../src/infra/rate-limit.ts";
import { connectRedis } from "../src/infra/redis.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";

/** What NODE_ENV=production gives, as server.ts would pass it. */
const production = loadConfig({ NODE_ENV: "production", LEDE_SECRET: "x".repeat(40) }).graphql;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ graphql: production });
});
afterAll(() => t.close());

async function post(body: unknown, headers: Record<string, string> = {}, app = t.app) {
  const response = await app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : null };
}

describe("the GraphQL-over-HTTP audit (graphql-http)", () => {
  it("passes every MUST and SHOULD, in the production configuration", async () => {
    const audits = serverAudits({
      url: "http://lede.test/graphql",
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => t.app.fetch(new Request(input, init)),
    });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (audit.name.startsWith("MAY")) continue;
      if (result.status !== "ok")
        failures.push(`${audit.id} ${audit.name}: ${"reason" in result ? result.reason : ""}`);
    }
    expect(audits.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });
});

describe("limits on what a request may hold", () => {
  const limits = production.limits;

  it("refuses more aliases than the limit, __typename ones included", async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ");
    expect((await post({ query: `{ ${aliases(limits.maxAliases)} }` })).json.errors).toBeUndefined();
    const over = await post({ query: `{ ${aliases(limits.maxAliases + 1)} }` });
    expect(over.json.data).toBeUndefined();
    expect(over.json.errors[0].message).toMatch(/aliases/);
    // A fragment costs again wherever it is spread.
    const viaFragment = await post({
      query: `query { tag(slug: "ai") { ...F } author(slug: "x") { ...F } } fragment F on Node { ${aliases(Math.ceil((limits.maxAliases + 1) / 2))} }`,
    });
    expect(viaFragment.json.errors[0].message).toMatch(/aliases/);
  });

  it("refuses more directives than the limit", async () => {
    const directives = (n: number) =>
      Array.from({ length: n }, () => "__typename @include(if: true)").join(" ");
    expect((await post({ query: `{ ${directives(limits.maxDirectives)} }` })).json.errors).toBeUndefined();
    const over = await post({ query: `{ ${directives(limits.maxDirectives + 1)} }` });
    expect(over.json.errors[0].message).toMatch(/directives/);
  });

  it("refuses a document of more tokens than the limit, before parsing it whole", async () => {
    const fields = Array.from({ length: limits.maxTokens }, () => "__typename").join(" ");
    const over = await post({ query: `{ ${fields} }` });
    expect(over.json.data).toBeUndefined();
    expect(over.json.errors[0].message).toMatch(/token/i);
  });

  it("refuses queries deeper than the limit", async () => {
    let selection = "slug";
    for (let i = 0; i < limits.maxDepth; i++)
      selection = `author { articles(first: 1) { nodes { ${selection} } } }`;
    const deep = await post({ query: `{ articles(first: 1) { nodes { ${selection} } } }` });
    expect(deep.json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(deep.json.errors[0].message).toMatch(/depth/);
  });

  it("refuses queries that could return too much, page sizes in variables included", async () => {
    const query = `query ($n: Int) { articles(first: $n) { nodes { comments(first: $n) { nodes { replies(first: $n) { nodes { body } } } } } } }`;
    const big = await post({ query, variables: { n: 100 } });
    expect(big.json.errors[0].message).toMatch(/complexity .* over the limit/);
    const small = await post({ query, variables: { n: 5 } });
    expect(small.json.errors).toBeUndefined();
  });

  it("refuses a body over the size limit, declared or chunked", async () => {
    const padding = "x".repeat(limits.maxBodyBytes);
    const declared = await post({ query: "{ __typename }", variables: { padding } });
    expect(declared.status).toBe(413);
    const chunked = await t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(
            new TextEncoder().encode(JSON.stringify({ query: "{ __typename }", variables: { padding } })),
          );
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // A body yoga's own parsers read (a simple POST that carries the CSRF header).
    const plain = await t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain", "x-graphql-yoga-csrf": "1" },
      body: JSON.stringify({ query: "{ __typename }", variables: { padding } }),
    });
    expect(plain.status).toBe(413);
  });

  it("stops an operation that runs past the timeout", async () => {
    // lede's own fields are fast, and PGlite runs on the event loop, so a slow field is made up
    // here and served through the same plugins.
    const schema = createSchema({
      typeDefs: "type Query { slow: String fast: String }",
      resolvers: {
        Query: {
          slow: () => new Promise((resolve) => setTimeout(() => resolve("late"), 500)),
          fast: () => "on time",
        },
      },
    });
    const yoga = createYoga({ schema, plugins: limitPlugins({ ...limits, timeoutMs: 100 }) });
    const started = Date.now();
    const slow = await yoga.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ slow }" }),
    });
    const body = (await slow.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(450);
    const fast = await yoga.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ fast }" }),
    });
    expect(await fast.json()).toEqual({ data: { fast: "on time" } });
  });

  it("stops the timeout's clock once an operation has answered", async () => {
    const schema = createSchema({
      typeDefs: "type Query { fast: String }",
      resolvers: { Query: { fast: () => "ok" } },
    });
    // Placed before the limits, so that its execute function is the one they call with their signal.
    const signals: AbortSignal[] = [];
    const captureSignal: Plugin = {
      onExecute({ setExecuteFn, executeFn }) {
        setExecuteFn((args) => {
          const { signal } = args as typeof args & { signal?: AbortSignal };
          if (signal) signals.push(signal);
          return executeFn(args);
        });
      },
    };
    const yoga = createYoga({
      schema,
      plugins: [captureSignal, ...limitPlugins({ ...limits, timeoutMs: 20 })],
    });
    const response = await yoga.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ fast }" }),
    });
    expect(await response.json()).toEqual({ data: { fast: "ok" } });
    // Past the timeout: a clock still running would now abort (and build an exception) for an
    // operation that answered long ago, once for every operation served.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
  });
});

describe("what production hides", () => {
  it("answers no field suggestions and no stack traces", async () => {
    const typo = await post({ query: "{ articels(first: 1) { nodes { slug } } }" });
    expect(typo.json.errors[0].message).toMatch(/Cannot query field "articels"/);
    expect(typo.text).not.toMatch(/Did you mean/);
    expect(typo.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("refuses __schema introspection and serves no GraphiQL, unless configured", async () => {
    const introspection = await post({ query: "{ __schema { types { name } } }" });
    expect(introspection.json.errors[0].message).toMatch(/Introspection is turned off/);
    const page = await t.app.fetch("http://lede.test/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/GraphiQL/);

    const open = await createTestApp({ graphql: { ...production, introspection: true, graphiql: true } });
    try {
      expect(
        (await post({ query: "{ __schema { queryType { name } } }" }, {}, open.app)).json.data.__schema,
      ).toBeTruthy();
      const graphiql = await open.app.fetch("http://lede.test/graphql", { headers: { accept: "text/html" } });
      expect(await graphiql.text()).toMatch(/GraphiQL/);
    } finally {
      await open.close();
    }
  });
});

describe("__type with introspection off", () => {
  const lookups = [
    ['{ __type(name: "ModerationComment") { name fields { name } } }', {}],
    ['{ staff: __type(name: "OutboxMessage") { name } }', {}],
    ["query ($name: String!) { __type(name: $name) { name } }", { name: "Article" }],
    ['query { ...Lookup } fragment Lookup on Query { __type(name: "ModerationComment") { name } }', {}],
  ] as const;

  it.each(lookups)("answers null for every type, staff-only or public: %s", async (query, variables) => {
    const { json } = await post({ query, variables });
    expect(json.errors).toBeUndefined();
    expect(Object.values(json.data)).toEqual([null]);
  });

  it("answers null for a staff token too, and leaves the rest of the operation alone", async () => {
    const token = await staffToken(t, "editor");
    const { json } = await post(
      { query: '{ __type(name: "ModerationComment") { name } tag(slug: "ai") { slug } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(json).toEqual({ data: { __type: null, tag: { slug: "ai" } } });
  });

  it("answers with introspection on", async () => {
    const open = await createTestApp({ graphql: { ...production, introspection: true } });
    try {
      const { json } = await post({ query: '{ __type(name: "ModerationComment") { name } }' }, {}, open.app);
      expect(json.data.__type).toEqual({ name: "ModerationComment" });
    } finally {
      await open.close();
    }
  });
});

describe("CSRF prevention", () => {
  it.each([
    ["text/plain", JSON.stringify({ query: "{ __typename }" })],
    ["application/x-www-form-urlencoded", "query=%7B__typename%7D"],
  ])("refuses a %s POST, which a browser sends cross-site without asking", async (type, body) => {
    const response = await t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": type },
      body,
    });
    expect(response.status).toBe(403);
  });

  it("accepts JSON, and a simple POST that carries the CSRF header", async () => {
    expect((await post({ query: "{ __typename }" })).json).toEqual({ data: { __typename: "Query" } });
    const withHeader = await t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain", "x-graphql-yoga-csrf": "1" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(withHeader.status).not.toBe(403);
  });
});

const Subscribe = graphql(`
  mutation RateLimitedSubscribe($input: SubscribeToNewsletterInput!) {
    subscribeToNewsletter(input: $input) { __typename }
  }
`);

describe("rate limits on mutations", () => {
  const tight = (extra: Partial<AppOptions> = {}) =>
    createTestApp({
      trustProxy: 1,
      graphql: {
        ...production,
        mutationRateLimits: {
          perIp: { limit: 3, windowMs: 60_000 },
          perToken: { limit: 4, windowMs: 60_000 },
        },
      },
      ...extra,
    });
  const mutation = (i: number) => ({
    query: print(Subscribe),
    variables: { input: { email: `limit${i}@example.org`, topics: [], language: "EN", consent: true } },
  });

  it("limits each IP, answering 429 with Retry-After", async () => {
    const app = await tight();
    try {
      const from = (ip: string, i: number) => post(mutation(i), { "x-forwarded-for": ip }, app.app);
      for (let i = 0; i < 3; i++) expect((await from("198.51.100.1", i)).status).toBe(200);
      const fourth = await from("198.51.100.1", 3);
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(fourth.json.errors[0].extensions.code).toBe("RATE_LIMITED");
      expect((await from("198.51.100.2", 4)).status).toBe(200);
      // Queries are not limited.
      expect(
        (await post({ query: "{ __typename }" }, { "x-forwarded-for": "198.51.100.1" }, app.app)).status,
      ).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("counts each mutation field, aliased or in a fragment, not each request", async () => {
    const app = await tight();
    try {
      const confirm = (alias: string) =>
        `${alias}: confirmNewsletterSubscription(input: { token: "not-a-token" }) { __typename }`;
      const from = (ip: string, query: string) => post({ query }, { "x-forwarded-for": ip }, app.app);
      // Four aliased mutations are four changes: over a limit of three at once.
      const four = await from("198.51.100.20", `mutation { ${["a", "b", "c", "d"].map(confirm).join(" ")} }`);
      expect(four.status).toBe(429);
      expect(four.json.errors[0].extensions.code).toBe("RATE_LIMITED");
      // Two, then two more through a fragment (spread twice, run once): the second request is over.
      const two = await from("198.51.100.21", `mutation { ${confirm("a")} ${confirm("b")} __typename }`);
      expect(two.status).toBe(200);
      expect(two.json.data.a.__typename).toBe("InvalidToken");
      const viaFragment = await from(
        "198.51.100.21",
        `mutation { ...Confirm ... on Mutation { ...Confirm } } fragment Confirm on Mutation { ${confirm("a")} ${confirm("b")} }`,
      );
      expect(viaFragment.status).toBe(429);
      // The fragment counted two, not four: one left over for a third address's three.
      const fragmentOnce = await from(
        "198.51.100.22",
        `mutation { ...Confirm ...Confirm } fragment Confirm on Mutation { ${confirm("a")} ${confirm("b")} }`,
      );
      expect(fragmentOnce.status).toBe(200);
      expect((await from("198.51.100.22", `mutation { ${confirm("a")} }`)).status).toBe(200);
      expect((await from("198.51.100.22", `mutation { ${confirm("a")} }`)).status).toBe(429);
    } finally {
      await app.close();
    }
  });

  it("limits each staff token on its own budget", async () => {
    const app = await tight();
    try {
      const token = await staffToken(app, "editor");
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await post(
              mutation(100 + i),
              { authorization: `Bearer ${token}`, "x-forwarded-for": "198.51.100.9" },
              app.app,
            )
          ).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await app.close();
    }
  });

  it.skipIf(!process.env.TEST_REDIS_URL)(
    "shares the count between processes through Redis (needs TEST_REDIS_URL)",
    async () => {
      const redis = connectRedis(process.env.TEST_REDIS_URL as string, "test-rate-limit");
      const prefix = `lede:test:${Date.now()}:`;
      const first = await tight({ rateLimiter: new RedisRateLimiter(redis, prefix) });
      const second = createTestApp({
        trustProxy: 1,
        rateLimiter: new RedisRateLimiter(redis, prefix),
        graphql: {
          ...production,
          mutationRateLimits: {
            perIp: { limit: 3, windowMs: 60_000 },
            perToken: { limit: 4, windowMs: 60_000 },
          },
        },
      });
      const other = await second;
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const app = i % 2 === 0 ? first.app : other.app;
          statuses.push((await post(mutation(200 + i), { "x-forwarded-for": "203.0.113.50" }, app)).status);
        }
        expect(statuses).toEqual([200, 200, 200, 429]);
      } finally {
        await first.close();
        await other.close();
        await redis.quit();
      }
    },
  );
});
