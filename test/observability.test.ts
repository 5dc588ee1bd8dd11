// What operators see: one JSON log line per request with its id, masked errors logged with their
// stack, Prometheus metrics at /metrics, and /ready telling a migrated, reachable database from
// one that is not. Faults on a real server are in faults.test.ts; tracing in tracing.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { defaults, loadConfig } from "../src/config.ts";
import { migrationsFolder } from "../src/db/migrate.ts";
import { createReadinessCheck, localMigrations } from "../src/observability/readiness.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { collectLogs } from "./setup/logs.ts";
import { articleGlobalId, knownCommenterEmail, openArticle } from "./setup/seed-facts.ts";

const { logger, lines } = collectLogs("debug");
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger, commentPolicy: { ...defaults.commentPolicy, floodSeconds: 0 } });
});
afterAll(() => t.close());

const post = (body: object, headers: Record<string, string> = {}) =>
  t.app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify(body),
  });

const linesOf = (requestId: string) => lines.filter((line) => line.requestId === requestId);

describe("request logs", () => {
  it("writes one line per request with method, path, status, duration, operation and request id", async () => {
    const response = await post(
      { query: "query FrontPage { articles(first: 2) { nodes { slug } } }" },
      { "x-request-id": "lb-1234" },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("lb-1234");
    expect(linesOf("lb-1234")).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "POST /graphql 200",
        method: "POST",
        path: "/graphql",
        status: 200,
        durationMs: expect.any(Number),
        operationType: "query",
        operationName: "FrontPage",
        service: "lede",
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
  });

  it("names the operation the client asked for even when it does not validate", async () => {
    const response = await post(
      { query: "query Broken { articles(first: 1) { nodes { nope } } }", operationName: "Broken" },
      { "x-request-id": "invalid-1" },
    );
    expect(linesOf("invalid-1")).toEqual([
      expect.objectContaining({ status: response.status, operationName: "Broken" }),
    ]);
    expect(linesOf("invalid-1")[0]).not.toHaveProperty("operationType");
  });

  it("makes up an id when the caller sends none or a strange one, and echoes it", async () => {
    const none = await post({ query: "{ tags { slug } }" });
    const made = none.headers.get("x-request-id") as string;
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(made)).toHaveLength(1);
    expect(linesOf(made)[0]?.operationName).toBe("anonymous");

    const strange = await post({ query: "{ tags { slug } }" }, { "x-request-id": "has spaces\tand\u00e9" });
    expect(strange.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives every answer an id, plain endpoints and probes included; probes log at debug level", async () => {
    const health = await t.app.fetch("http://lede.test/health");
    const id = health.headers.get("x-request-id") as string;
    expect(id).toBeTruthy();
    expect(linesOf(id)).toEqual([expect.objectContaining({ level: "debug", path: "/health", status: 200 })]);
    const missing = await t.app.fetch("http://lede.test/nowhere");
    expect(linesOf(missing.headers.get("x-request-id") as string)[0]).toMatchObject({
      level: "info",
      status: 404,
    });
  });

  it("never logs an email, a token or an IP in clear: only the IP's keyed hash", async () => {
    const email = `private.reader.${Date.now()}@example.org`;
    const commented = await post({
      query: `mutation($input: PostCommentInput!) { postComment(input: $input) { __typename } }`,
      variables: {
        input: {
          articleId: articleGlobalId(openArticle.slug),
          authorName: "Reader",
          authorEmail: email,
          body: "Logged?",
        },
      },
    });
    expect(commented.status).toBe(200);
    const subscribed = await post({
      query: `mutation { subscribeToNewsletter(input: { email: "${email}", language: EN, consent: true }) { __typename } }`,
    });
    expect(subscribed.status).toBe(200);
    const token = "secret-token-value-1234567890";
    await t.app.fetch(`http://lede.test/newsletter/confirm?token=${token}`);
    const staff = await post({ query: "{ viewer { name } }" }, { authorization: `Bearer lede_${token}` });
    expect(staff.status).toBe(401);

    const text = JSON.stringify(lines);
    expect(text).not.toContain(email);
    expect(text).not.toContain(token);
    expect(text).not.toContain(knownCommenterEmail);
    expect(lines.find((line) => line.path === "/newsletter/confirm")).toMatchObject({ status: 400 });
    // app.fetch has no socket, hence no IP; over HTTP the line carries its hash (see faults.test.ts).
    expect(lines.every((line) => !("ip" in line))).toBe(true);
  });

  it("redacts personal keys that reach a log line by mistake", () => {
    logger.warn({ email: "someone@example.org", user: { token: "t0k3n", authorEmail: "a@b.c" } }, "oops");
    const line = lines.at(-1);
    expect(line).toMatchObject({
      email: "[redacted]",
      user: { token: "[redacted]", authorEmail: "[redacted]" },
    });
  });
});

describe("masked errors", () => {
  it("answers the client 'Unexpected error.' and logs the error with its stack and the request id", async () => {
    // A database whose every read fails unexpectedly.
    const failing = new Proxy(t.db, {
      get(target, key, receiver) {
        if (key === "select" || key === "query" || key === "execute") throw new Error("the disk is on fire");
        return Reflect.get(target, key, receiver);
      },
    });
    const { logger: own, lines: ownLines } = collectLogs("info");
    const app = createApp({ db: failing, logger: own, metrics: false });
    const response = await app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "broken-1" },
      body: JSON.stringify({ query: "{ articles(first: 1) { nodes { slug } } }" }),
    });
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBe("Unexpected error.");
    expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:|fire/);
    expect(ownLines.find((line) => line.level === "error")).toMatchObject({
      requestId: "broken-1",
      msg: "masked error: the disk is on fire",
      field: "articles",
      err: {
        type: "Error",
        message: "the disk is on fire",
        stack: expect.stringContaining("observability.test.ts"),
      },
    });
    expect(ownLines.find((line) => line.requestId === "broken-1" && line.path === "/graphql")).toMatchObject({
      status: 200,
    });
  });
});

describe("/ready and /health", () => {
  it("is ready on a reachable, migrated database", async () => {
    const response = await t.app.fetch("http://lede.test/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true });
    expect((await t.app.fetch("http://lede.test/health")).status).toBe(200);
  });

  it("is not ready when the newest migration folder of the build is not applied, and names it", async () => {
    const folder = mkdtempSync(join(tmpdir(), "lede-migrations-"));
    try {
      for (const name of localMigrations()) {
        mkdirSync(join(folder, name));
        writeFileSync(join(folder, name, "migration.sql"), "");
      }
      mkdirSync(join(folder, "29991231000000_from_the_future"));
      writeFileSync(join(folder, "29991231000000_from_the_future", "migration.sql"), "select 1;");
      const check = createReadinessCheck(t.db, { migrationsFolder: folder });
      expect(await check()).toEqual({
        ready: false,
        reason: "migrations not applied: 29991231000000_from_the_future",
      });
      expect(await createReadinessCheck(t.db, { migrationsFolder })()).toEqual({ ready: true });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("/metrics", () => {
  it("serves Prometheus text with requests, operations, the outbox and the process", async () => {
    await post({ query: "query FrontPage { articles(first: 1) { nodes { slug } } }" });
    await post({ query: "query Broken { articles(first: 1) { nodes { nope } } }" });
    await t.app.fetch("http://lede.test/wp-login.php");
    const response = await t.app.fetch("http://lede.test/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^lede_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+$/m);
    expect(text).toMatch(/^lede_http_requests_total\{method="GET",route="other",status="404"\} \d+$/m);
    expect(text).toMatch(
      /^lede_graphql_operations_total\{type="query",name="FrontPage",outcome="success"\} \d+$/m,
    );
    expect(text).toMatch(
      /^lede_graphql_operations_total\{type="query",name="Broken",outcome="invalid"\} \d+$/m,
    );
    expect(text).toMatch(
      /^lede_graphql_operation_duration_seconds_bucket\{le="0\.1",type="query",name="FrontPage",outcome="success"\} \d+$/m,
    );
    expect(text).toMatch(
      /^lede_http_request_duration_seconds_count\{method="POST",route="\/graphql"\} \d+$/m,
    );
    expect(text).toMatch(/^lede_outbox_messages\{status="pending"\} \d+$/m);
    expect(text).toMatch(/^lede_outbox_messages\{status="dead"\} \d+$/m);
    expect(text).toMatch(/^lede_outbox_oldest_pending_age_seconds [\d.e+-]+$/m);
    expect(text).toMatch(/^lede_db_retries_total \d+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("is off with METRICS_ENABLED=false", async () => {
    expect(loadConfig({}).observability.metrics).toBe(true);
    expect(loadConfig({ METRICS_ENABLED: "false" }).observability.metrics).toBe(false);
    const app = createApp({ db: t.db, metrics: false, logger: collectLogs("silent").logger });
    expect((await app.fetch("http://lede.test/metrics")).status).toBe(404);
  });
});
