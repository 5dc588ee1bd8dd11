// Faults on a real PostgreSQL server of the test's own (test/setup/private-postgres.ts): a restart
// in the middle of a load of writes, a crash, an exhausted pool, and a SIGTERM to a running server.
// They need the machine's initdb and pg_ctl, not TEST_DATABASE_URL; PGlite, embedded, has no server
// to restart. They run once per vitest run: in the postgres project when there is one.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { defaults } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { isDatabaseUnavailable, isPlainRead, retryStats, withRetry } from "../src/db/retry.ts";
import { seedArticles, seedAuthors } from "../src/db/seed-content.ts";
import { prepareDatabase } from "../src/db/setup.ts";
import { enqueueEmails } from "../src/mail/outbox.ts";
import { insertComment } from "../src/modules/comment/comment.repo.ts";
import { defaultNewsletterSettings } from "../src/modules/newsletter/newsletter.settings.ts";
import { createReadinessCheck } from "../src/observability/readiness.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { collectLogs } from "./setup/logs.ts";
import {
  freePort,
  type PrivatePostgres,
  postgresBinaries,
  startPrivatePostgres,
} from "./setup/private-postgres.ts";
import { articleGlobalId, knownCommenterEmail, openArticle } from "./setup/seed-facts.ts";
import { startServerProcess } from "./setup/server-process.ts";
import { signal } from "./setup/signals.ts";

const skipReason = !postgresBinaries()
  ? "skipped: no initdb and pg_ctl on this machine"
  : driver === "pglite" && process.env.TEST_DATABASE_URL
    ? "skipped on PGlite: runs once, in the postgres project"
    : null;
const titled = (name: string) => (skipReason ? `${name} (${skipReason})` : name);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type GraphqlBody = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

const graphql = async (app: ReturnType<typeof createApp>, query: string, variables: object = {}) => {
  const response = await app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlBody };
};

const FRONT_PAGE = "{ articles(first: 3) { nodes { slug commentCount } } }";
const SUBSCRIBE = `mutation Subscribe($input: SubscribeToNewsletterInput!) {
  subscribeToNewsletter(input: $input) { __typename }
}`;
const POST_COMMENT = `mutation Post($input: PostCommentInput!) {
  postComment(input: $input) { __typename ... on PostCommentSuccess { comment { id } status } }
}`;

describe("retries of idempotent work", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("inserts a comment once under its id, however often the insert runs (a retry after a lost ack)", async () => {
    const article = await t.db.query.articles.findFirst({
      where: { slug: openArticle.slug },
      columns: { id: true },
    });
    const values = {
      id: randomUUID(),
      articleId: article?.id as string,
      authorName: "Once",
      authorEmail: "once@example.org",
      body: `once ${randomUUID()}`,
      status: "pending" as const,
    };
    const first = await insertComment(t.db, values);
    const again = await insertComment(t.db, { ...values, body: "changed on the retry" });
    expect(again).toEqual(first);
    const rows = await t.db.query.comments.findMany({ where: { id: values.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.body).toBe(values.body);
  });

  it("runs work again only on a lost connection, at most three times in all", async () => {
    const lost = Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
    const shutdown = new Error("Failed query", {
      cause: Object.assign(new Error("terminating"), { code: "57P01" }),
    });
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        if (calls < 3) throw calls === 1 ? lost : shutdown;
        return "done";
      }, [1, 1]),
    ).resolves.toBe("done");
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw lost;
      }, [1, 1]),
    ).rejects.toBe(lost);
    expect(calls).toBe(3);

    calls = 0;
    const duplicate = Object.assign(new Error("duplicate key"), { code: "23505" });
    await expect(
      withRetry(async () => {
        calls += 1;
        throw duplicate;
      }, [1, 1]),
    ).rejects.toBe(duplicate);
    expect(calls).toBe(1);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(shutdown)).toBe(true);
  });

  it("retries at the driver only plain reads: no locks, no side effects", () => {
    expect(isPlainRead('select "id" from "articles" where "slug" = $1')).toBe(true);
    expect(isPlainRead("  SELECT 1")).toBe(true);
    expect(isPlainRead('select "id" from "outbox" for update skip locked')).toBe(false);
    expect(isPlainRead("select nextval('s')")).toBe(false);
    expect(isPlainRead("select pg_advisory_lock(1)")).toBe(false);
    expect(isPlainRead('insert into "comments" values ($1)')).toBe(false);
    expect(isPlainRead('with x as (delete from "t" returning *) select * from x')).toBe(false);
  });
});

describe("a mutation still running at the operation timeout", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      graphql: { limits: { ...defaults.graphql.limits, maxCost: Number.MAX_SAFE_INTEGER, timeoutMs: 100 } },
    });
  });
  afterAll(() => t.close());

  it("answers what it wrote: never TIMEOUT for a comment that was stored", async () => {
    // The comments table is held, so that the mutation is still waiting when its deadline passes:
    // a query started after it, held the same way, answers TIMEOUT first.
    const release = await holdTable(t, "comments");
    const body = `past the deadline ${randomUUID()}`;
    const posting = graphql(t.app, POST_COMMENT, {
      input: {
        articleId: articleGlobalId(openArticle.slug),
        authorName: "Late",
        authorEmail: knownCommenterEmail,
        body,
      },
    });
    let query: Awaited<ReturnType<typeof graphql>>;
    try {
      // Reads comments (held): the comment count is a column of articles since the large-data change.
      query = await graphql(
        t.app,
        "{ articles(first: 1) { nodes { comments(first: 1) { nodes { id } } } } }",
      );
    } finally {
      release();
    }
    expect(query.body.errors?.[0]?.extensions?.code).toBe("TIMEOUT");
    const { body: answer } = await posting;
    const stored = await t.db.query.comments.findMany({ where: { body }, columns: { id: true } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.postComment).toMatchObject({ __typename: "PostCommentSuccess" });
    expect(stored).toHaveLength(1);
  });
});

describe("the postgres.js driver, as scripts/patch-postgres.mjs repairs it", () => {
  it("writes again on a new connection after one closed with a write pending", async () => {
    // Fake sockets through postgres.js's own `socket` option: the first closes before the
    // driver's deferred write of its startup message runs. Unrepaired, the driver never writes
    // again on that connection slot: every reconnect times out.
    const sockets: (EventEmitter & { bytes: number })[] = [];
    const client = postgres({
      host: "fake.invalid",
      user: "lede",
      database: "lede",
      max: 1,
      connect_timeout: 1,
      onnotice: () => {},
      socket: () => {
        const socket = Object.assign(new EventEmitter(), {
          bytes: 0,
          readyState: "open",
          setKeepAlive: () => {},
          write(chunk: Buffer) {
            socket.bytes += chunk.length;
            return true;
          },
          end: () => {},
          destroy: () => {},
        });
        sockets.push(socket);
        if (sockets.length === 1) setImmediate(() => socket.emit("close", false));
        return socket;
      },
    } as unknown as postgres.Options<Record<string, never>>);
    void client`select 1`.catch(() => {});
    await waitUntil(async () => sockets.length >= 2 && (sockets[1]?.bytes ?? 0) > 0, 3000);
    await client.end({ timeout: 0 }).catch(() => {});
    expect(sockets[1]?.bytes).toBeGreaterThan(0);
  });
});

let pg: PrivatePostgres;

describe.skipIf(skipReason !== null)(titled("on a private PostgreSQL server"), () => {
  beforeAll(async () => {
    pg = await startPrivatePostgres();
    const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe("create database lede");
    await admin.end();
    const handle = await openDatabase({ url: pg.url("lede") });
    // A database that was never migrated is not ready.
    expect(await createReadinessCheck(handle.db)()).toEqual({
      ready: false,
      reason: "no migrations are applied",
    });
    await prepareDatabase(handle, { seedDemo: true });
    expect(await createReadinessCheck(handle.db)()).toEqual({ ready: true });
    await handle.close();
  }, 60_000);
  afterAll(async () => {
    await pg?.destroy();
  });

  it("loses no acknowledged write and duplicates none when PostgreSQL restarts mid-load", async () => {
    const handle = await openDatabase({ url: pg.url("lede"), poolSize: 4, connectTimeoutMs: 2000 });
    const { logger, lines } = collectLogs("warn");
    const app = createApp({
      db: handle.db,
      logger,
      metrics: false,
      // Every write counts: no flood limit between comments, no hourly cap on subscribing.
      commentPolicy: { ...defaults.commentPolicy, floodSeconds: 0 },
      newsletter: { ...defaultNewsletterSettings, rateLimits: { perIp: 10_000, perEmail: 10 } },
    });
    const run = randomUUID().slice(0, 8);
    const total = 200;
    const concurrency = 10;
    const articleId = articleGlobalId(openArticle.slug);
    const retriedBefore = retryStats.retried;
    const outcomes: {
      kind: "comment" | "subscriber";
      key: string;
      /** Started before the server was back, ended after it was told to restart: spans the restart. */
      spansRestart: boolean;
      /** Started once the server was back. */
      afterRestart: boolean;
      acknowledged: boolean;
      code?: string;
      id?: string;
    }[] = [];
    let restart: Promise<void> | null = null;
    let restarted = false;
    let writesAfterRestart = 0;
    let next = 0;
    // Writes go on until `total` are done and the restart is over, and then until each worker has
    // written once more on the server that came back: the load spans the restart by construction.
    const worker = async () => {
      while (next < total || !restarted || writesAfterRestart < concurrency) {
        const index = next++;
        // Restart at the 60th request, while the other workers keep writing.
        if (index === 60) {
          restart = pg.restart("fast").then(() => {
            restarted = true;
          });
        }
        const afterRestart = restarted;
        if (afterRestart) writesAfterRestart++;
        const when = () => ({ spansRestart: !afterRestart && restart !== null, afterRestart });
        // Four comments (one insert each), then a subscription (a transaction with its email).
        if (index % 5 === 4) {
          const email = `fault-${run}-${index}@example.org`;
          const { body: result } = await graphql(app, SUBSCRIBE, {
            input: { email, language: "EN", consent: true },
          });
          const answer = result.data?.subscribeToNewsletter as { __typename: string } | undefined;
          outcomes.push({
            kind: "subscriber",
            key: email,
            ...when(),
            acknowledged: answer?.__typename === "SubscribeToNewsletterSuccess",
            ...(result.errors?.[0]?.extensions?.code && { code: result.errors[0].extensions.code }),
          });
        } else {
          const body = `fault ${run} #${index}`;
          const { body: result } = await graphql(app, POST_COMMENT, {
            input: { articleId, authorName: "Load", authorEmail: knownCommenterEmail, body },
          });
          const posted = result.data?.postComment as
            | { __typename: string; comment?: { id: string } }
            | undefined;
          outcomes.push({
            kind: "comment",
            key: body,
            ...when(),
            acknowledged: posted?.__typename === "PostCommentSuccess",
            ...(posted?.comment && { id: posted.comment.id }),
            ...(result.errors?.[0]?.extensions?.code && { code: result.errors[0].extensions.code }),
          });
        }
      }
    };
    // None hangs: every worker ends (the pool wait and the retries bound each request).
    await Promise.all(Array.from({ length: concurrency }, worker));
    await restart;

    const acknowledged = outcomes.filter((o) => o.acknowledged);
    const unavailable = outcomes.filter((o) => o.code === "SERVICE_UNAVAILABLE");
    // Every request got an answer: the write, or a clear "try again", never anything else.
    expect(acknowledged.length + unavailable.length).toBe(outcomes.length);
    expect(outcomes.length).toBeGreaterThanOrEqual(total);
    // The restart happened while requests were running.
    const overlapping = outcomes.filter((o) => o.spansRestart);
    expect(overlapping.length).toBeGreaterThan(0);

    // Comments: each acknowledged one stored exactly once, under the id the client was given.
    const comments = [
      ...((await handle.db.execute(
        sql`select body as key, min(id::text) as id, count(*)::int as copies from comments
            where body like ${`fault ${run} #%`} group by body`,
      )) as unknown as Iterable<{ key: string; id: string; copies: number }>),
    ];
    // Subscribers: each acknowledged address stored once, with one confirmation email queued.
    const subscribers = [
      ...((await handle.db.execute(
        sql`select s.email as key, count(distinct s.id)::int as copies, count(o.id)::int as emails
            from newsletter_subscribers s
            left join outbox o on o.recipient = s.email and o.kind = 'newsletter.confirm'
            where s.email like ${`fault-${run}-%`} group by s.email`,
      )) as unknown as Iterable<{ key: string; copies: number; emails: number }>),
    ];
    const stored = new Map([...comments, ...subscribers].map((row) => [row.key, row]));
    expect([...stored.values()].filter((row) => row.copies > 1)).toEqual([]);
    expect(subscribers.filter((row) => row.emails !== 1)).toEqual([]);
    for (const ack of acknowledged) expect(stored.get(ack.key)?.copies, ack.key).toBe(1);
    // A retried insert answers with the row its first attempt wrote.
    for (const ack of acknowledged.filter((o) => o.kind === "comment"))
      expect(decodeGlobalID(ack.id as string).id).toBe((stored.get(ack.key) as { id: string }).id);
    // The app is back: every write started after the restart went through.
    const afterRestart = outcomes.filter((o) => o.afterRestart);
    expect(afterRestart.length).toBeGreaterThanOrEqual(concurrency);
    expect(afterRestart.filter((o) => !o.acknowledged)).toEqual([]);
    expect(lines.filter((line) => line.level === "error")).toEqual([]);

    const orphans = unavailable.filter((o) => stored.has(o.key)).length;
    console.info(
      `restart -m fast: ${outcomes.length} writes ` +
        `(${outcomes.filter((o) => o.kind === "comment").length} comments, ${subscribers.length} subscriptions stored): ` +
        `${acknowledged.length} acknowledged (all stored once), ${unavailable.length} SERVICE_UNAVAILABLE ` +
        `(${orphans} of them stored anyway), ${overlapping.length} overlapping the restart, ` +
        `${retryStats.retried - retriedBefore} retries`,
    );
    await handle.close();
  });

  it("answers /ready 503 while PostgreSQL is down, SERVICE_UNAVAILABLE to queries, and recovers once it is back", async () => {
    const handle = await openDatabase({ url: pg.url("lede"), poolSize: 2, connectTimeoutMs: 1000 });
    const app = createApp({
      db: handle.db,
      logger: collectLogs("silent").logger,
      ready: createReadinessCheck(handle.db, { timeoutMs: 500 }),
    });
    expect((await app.fetch("http://lede.test/ready")).status).toBe(200);

    await pg.stop("immediate");
    const ready = await app.fetch("http://lede.test/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      reason: expect.stringMatching(/unreachable|did not answer/),
    });
    // The connect timeout and the retries bound the wait: an answer, not a hang.
    const query = await graphql(app, FRONT_PAGE);
    expect(query.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");

    // pg_ctl start returns once the server accepts connections. The pool reconnects after its
    // backoff, which grows with the failures while the server was down (up to a second: see
    // `backoff` in src/db/client.ts), so /ready turns 200 within a few probes, not always the first.
    await pg.start();
    await waitUntil(async () => (await app.fetch("http://lede.test/ready")).status === 200, 5000);
    expect((await graphql(app, FRONT_PAGE)).body.data?.articles).toBeTruthy();
    await handle.close();
  });

  it("bounds the wait on an exhausted pool: 503 on /ready, SERVICE_UNAVAILABLE, recovery once released", async () => {
    const handle = await openDatabase({ url: pg.url("lede"), poolSize: 1, connectTimeoutMs: 300 });
    const app = createApp({
      db: handle.db,
      logger: collectLogs("silent").logger,
      ready: createReadinessCheck(handle.db, { timeoutMs: 250 }),
    });
    // The only connection, held until released: no request can have one meanwhile.
    const held = signal();
    const release = signal();
    const holding = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      held.fire();
      await release.fired;
    });
    await held.fired;

    const ready = await app.fetch("http://lede.test/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, reason: "the database did not answer within 250 ms" });

    const query = await graphql(app, FRONT_PAGE);
    expect(query.body.errors?.[0]).toMatchObject({
      message: "The database is busy; try again in a moment",
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });

    const metrics = await (await app.fetch("http://lede.test/metrics")).text();
    expect(metrics).toMatch(/^lede_db_pool_max_connections 1$/m);
    expect(Number(/^lede_db_pool_wait_timeouts_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);

    // Released: the next request has the connection.
    release.fire();
    await holding;
    expect((await app.fetch("http://lede.test/ready")).status).toBe(200);
    expect((await graphql(app, FRONT_PAGE)).body.data?.articles).toBeTruthy();
    await handle.close();
  });

  it("starts three servers at once on an empty database: each becomes ready, the demo is seeded once, all serve it", async () => {
    // Orchestrators start replicas together: they race to migrate, then to seed the empty database.
    // The test holds the articles table until all three are waiting on it, so that all three find
    // the database empty and race for the seeder's lock every time.
    const name = `fresh_${randomUUID().slice(0, 8)}`;
    const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const fresh = postgres(pg.url(name), { max: 2, onnotice: () => {} });
    const migrated = await openDatabase({ url: pg.url(name), poolSize: 1 });
    await migrateDatabase(migrated);
    await migrated.close();
    const release = await holdTableLock(fresh, "articles");
    const ports = [await freePort(), await freePort(), await freePort()];
    const servers = ports.map((port) =>
      startServerProcess({
        DATABASE_URL: pg.url(name),
        PORT: String(port),
        HOST: "127.0.0.1",
        LEDE_DISPATCHER: "false",
        LOG_LEVEL: "info",
      }),
    );
    try {
      await waitUntil(
        async () =>
          (
            await fresh`select count(*)::int as n from pg_stat_activity
              where application_name = 'lede' and wait_event_type = 'Lock'`
          )[0]?.n === 3,
        30_000,
      );
      release();
      await Promise.all(
        servers.map((server) => server.logs.waitFor((l) => l.msg.startsWith("lede ready"), 60_000)),
      );
      const seeded = servers.flatMap((server) =>
        server.logs.lines.filter((l) => l.msg.startsWith("seeded demo")),
      );
      expect(seeded).toHaveLength(1);
      const [stored] = await fresh<{ articles: number; authors: number }[]>`
        select (select count(*)::int from articles) as articles, (select count(*)::int from authors) as authors`;
      expect(stored).toEqual({ articles: seedArticles.length, authors: seedAuthors.length });
      const pages = await Promise.all(
        ports.map(async (port) => {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: "{ articles(first: 100) { totalCount nodes { id } } }" }),
          });
          return (await response.json()) as GraphqlBody;
        }),
      );
      expect(pages[0]?.data).toMatchObject({ articles: { totalCount: expect.any(Number) } });
      expect(pages[1]).toEqual(pages[0]);
      expect(pages[2]).toEqual(pages[0]);
    } finally {
      release();
      for (const server of servers) server.child.kill("SIGTERM");
      const codes = await Promise.all(servers.map((server) => server.exited));
      await fresh.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      expect(codes, servers.map((server) => server.logs.stderr()).join("\n")).toEqual([0, 0, 0]);
    }
  }, 90_000);

  it("drains on SIGTERM: the request in flight completes, new connections are refused, the dispatcher finishes its message, exit 0", async () => {
    const smtp = await slowSmtpServer(2000);
    const mailDir = mkdtempSync(join(tmpdir(), "lede-mail-"));
    const db = await openDatabase({ url: pg.url("lede"), poolSize: 2 });
    // Three messages: the dispatcher sends one, and hands the others back when told to stop.
    const run = randomUUID();
    await enqueueEmails(
      db.db,
      [1, 2, 3].map((n) => ({
        idempotencyKey: `fault:sigterm:${run}:${n}`,
        kind: "test",
        recipient: "reader@example.com",
        subject: `In flight ${n}`,
        text: "Hello",
      })),
      new Date(),
    );
    const port = await freePort();
    const { child, logs, exited } = startServerProcess({
      NODE_ENV: "production",
      LEDE_SECRET: "a-test-secret-that-is-long-enough-0123456789",
      DATABASE_URL: pg.url("lede"),
      PORT: String(port),
      HOST: "127.0.0.1",
      LEDE_SEED_DEMO: "false",
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      LEDE_MAIL_DIR: mailDir,
      LOG_LEVEL: "info",
    });
    const admin = postgres(pg.url("lede"), { max: 2, onnotice: () => {} });
    let releaseLock = () => {};
    try {
      await logs.waitFor((line) => line.msg.startsWith("lede ready"), 20_000);
      // The dispatcher took the message and is waiting for the SMTP server's answer.
      await smtp.messageReceived;

      // A request that waits on a lock, so that it is in flight when the signal comes.
      releaseLock = await holdTableLock(admin, "tags");
      const slow = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ tags { slug } }" }),
      });
      await waitUntil(
        async () =>
          (await admin`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock'`)[0]
            ?.n > 0,
        5000,
      );

      child.kill("SIGTERM");
      await logs.waitFor((line) => line.msg.startsWith("shutdown: SIGTERM"), 5000);
      expect(await connectionRefused(port)).toBe(true);
      // Still draining: the request in flight holds the exit until it is answered.
      expect(child.exitCode).toBeNull();
      releaseLock();

      const response = await slow;
      expect(response.status).toBe(200);
      expect(((await response.json()) as GraphqlBody).data?.tags).toEqual(expect.any(Array));
      expect(await exited).toBe(0);

      // The message in flight was sent once and recorded as sent; the rest of its batch (other
      // tests' mail is queued too) was handed back untried.
      expect(smtp.messages).toHaveLength(1);
      const sentId = /^Message-ID: <([0-9a-f-]{36})@/im.exec(smtp.messages[0] ?? "")?.[1];
      const rows = await admin<{ id: string; status: string; attempts: number }[]>`
        select id::text, status, attempts from outbox where id = ${sentId ?? null} or status = 'pending'`;
      expect(rows.find((row) => row.id === sentId)).toMatchObject({ status: "sent", attempts: 1 });
      const handedBack = rows.filter((row) => row.id !== sentId);
      expect(handedBack.length).toBeGreaterThan(0);
      expect(handedBack.filter((row) => row.attempts !== 0)).toEqual([]);
      const steps = logs.lines.filter((line) => line.shutdown).map((line) => line.msg);
      expect(steps).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^shutdown: SIGTERM: no new connections; draining 1 requests in flight$/),
          "shutdown: requests drained",
          "shutdown: dispatcher and digest scheduler stopped",
          "shutdown: database closed",
          "shutdown: done; exiting 0",
        ]),
      );
      // Each request's line, with its id and no address in clear.
      const requestLine = logs.lines.find((line) => line.path === "/graphql");
      expect(requestLine).toMatchObject({ method: "POST", status: 200, requestId: expect.any(String) });
      expect(JSON.stringify(logs.lines)).not.toContain('127.0.0.1"');
      console.info(`SIGTERM: exited 0; steps: ${steps.join(" | ")}`);
    } finally {
      releaseLock();
      if (child.exitCode === null) child.kill("SIGKILL");
      await admin.end();
      await db.close();
      smtp.close();
      rmSync(mailDir, { recursive: true, force: true });
    }
  }, 40_000);
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not true within ${timeoutMs} ms`);
    await sleep(25);
  }
}

/**
 * Holds `table` against the test app's own statements: an exclusive lock from a second connection
 * on PostgreSQL; on PGlite, which has one connection, a transaction left open (every statement
 * waits for it).
 */
async function holdTable(t: TestApp, table: string): Promise<() => void> {
  if (driver === "postgres") {
    const client = postgres(t.handle.url as string, { max: 1, onnotice: () => {} });
    const release = await holdTableLock(client, table);
    return () => {
      release();
      void client.end();
    };
  }
  return new Promise((held) => {
    void t.db.transaction(async () => {
      await new Promise<void>((release) => held(release));
    });
  });
}

/** Locks `table` against every statement in a transaction of its own; resolves with the release. */
async function holdTableLock(client: postgres.Sql, table: string): Promise<() => void> {
  return new Promise((locked) => {
    void client.begin(async (tx) => {
      await tx.unsafe(`lock table ${table} in access exclusive mode`);
      await new Promise<void>((release) => locked(release));
    });
  });
}

/** Whether a new TCP connection to the port is refused (within a second of trying). */
async function connectionRefused(port: number): Promise<boolean> {
  const started = performance.now();
  while (performance.now() - started < 1000) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
    });
    if (refused) return true;
    await sleep(25);
  }
  return false;
}

/** An SMTP server that takes each message and answers it only after `delayMs`. */
async function slowSmtpServer(delayMs: number) {
  const messages: string[] = [];
  let received = () => {};
  const messageReceived = new Promise<void>((resolve) => {
    received = resolve;
  });
  const server: Server = createServer((socket) => {
    socket.write("220 stub ESMTP\r\n");
    let buffer = "";
    let data: string[] | null = null;
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end = buffer.indexOf("\r\n");
      while (end !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\r\n");
        if (data) {
          if (line !== ".") {
            data.push(line);
            continue;
          }
          const message = data.join("\n");
          data = null;
          received();
          setTimeout(() => {
            messages.push(message);
            if (!socket.destroyed) socket.write("250 2.0.0 queued\r\n");
          }, delayMs);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 stub\r\n");
        else if (verb === "DATA") {
          data = [];
          socket.write("354 go on\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
        } else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    messages,
    messageReceived,
    close: () => server.close(),
  };
}
