// The response cache: public reads are served from it, every write that changes what a cached
// response holds invalidates it, staff are never cached, GETs revalidate with ETag/304; and
// persisted documents.
import { randomUUID } from "node:crypto";
import { print } from "graphql";
import type { Command, Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type App, createApp } from "../src/app.ts";
import { createResponseCache } from "../src/graphql/plugins/response-cache.ts";
import {
  createMemoryResponseStore,
  createRedisResponseStore,
  type ResponseStore,
} from "../src/graphql/plugins/response-store.ts";
import { connectRedis } from "../src/infra/redis.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { articleGlobalId, knownCommenterEmail, openArticle } from "./setup/seed-facts.ts";

const CachedPage = graphql(`
  query CachedPage($slug: String!) {
    article(slug: $slug) { title commentCount comments(first: 50) { nodes { body } } }
  }
`);

const CachePost = graphql(`
  mutation CachePost($input: PostCommentInput!) {
    postComment(input: $input) { __typename ... on PostCommentSuccess { status comment { id } } }
  }
`);

const CacheModerate = graphql(`
  mutation CacheModerate($input: ModerateCommentInput!) {
    moderateComment(input: $input) { __typename }
  }
`);

const cacheOn = { responseCache: { enabled: true, ttlMs: 300_000 } };
let clock = new Date("2026-11-24T09:00:00Z").getTime();
const now = () => new Date(clock);

let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp({ now, graphql: cacheOn });
  editor = await staffToken(t, "editor");
});
afterAll(() => t.close());

const readPage = () => t.countStatements(() => t.execute(CachedPage, { slug: openArticle.slug }));

async function postComment(body: string, email = knownCommenterEmail) {
  clock += 60_000;
  const result = await t.execute(CachePost, {
    input: {
      articleId: articleGlobalId(openArticle.slug),
      authorName: "Cache Reader",
      authorEmail: email,
      body,
    },
  });
  if (result.data?.postComment.__typename !== "PostCommentSuccess") throw new Error(JSON.stringify(result));
  return result.data.postComment;
}

describe("the response cache", () => {
  it("serves a repeated public read without touching the database", async () => {
    const first = await readPage();
    expect(first.statements.length).toBeGreaterThan(0);
    const second = await readPage();
    expect(second.statements).toEqual([]);
    expect(second.result).toEqual(first.result);
  });

  it("drops an article's cached pages when a comment on it becomes public, by posting or by moderation", async () => {
    await readPage();
    const posted = await postComment("Fresh and approved");
    expect(posted.status).toBe("APPROVED");
    const afterPost = await readPage();
    expect(afterPost.statements.length).toBeGreaterThan(0);
    const bodies = afterPost.result.data?.article?.comments.nodes.map((c) => c.body) ?? [];
    expect(bodies).toContain("Fresh and approved");

    const held = await postComment("Held, then approved", "first.cache@example.net");
    expect(held.status).toBe("PENDING");
    expect((await readPage()).statements).toEqual([]); // a pending comment changes nothing public
    await t.execute(
      CacheModerate,
      { input: { commentId: held.comment.id, action: "APPROVE" } },
      { token: editor },
    );
    const afterApproval = await readPage();
    expect(afterApproval.result.data?.article?.comments.nodes.map((c) => c.body)).toContain(
      "Held, then approved",
    );

    const count = afterApproval.result.data?.article?.commentCount ?? 0;
    await t.execute(
      CacheModerate,
      { input: { commentId: held.comment.id, action: "TRASH" } },
      { token: editor },
    );
    expect((await readPage()).result.data?.article?.commentCount).toBe(count - 1);
  });

  it("never answers a mutation from the cache: the same mutation twice runs twice", async () => {
    clock += 60_000;
    const input = {
      articleId: articleGlobalId(openArticle.slug),
      authorName: "Twice",
      authorEmail: "twice.cache@example.net",
      body: "The very same words",
    };
    const first = await t.execute(CachePost, { input });
    expect(first.data?.postComment.__typename).toBe("PostCommentSuccess");
    clock += 60_000;
    const second = await t.execute(CachePost, { input });
    expect(second.data?.postComment.__typename).toBe("ValidationError"); // a duplicate, so it ran
  });

  it("never caches what a staff member reads, and marks it private", async () => {
    const asStaff = () =>
      t.countStatements(() => t.execute(CachedPage, { slug: openArticle.slug }, { token: editor }));
    await asStaff();
    expect((await asStaff()).statements.length).toBeGreaterThan(0);
    const response = await t.app.fetch(
      `http://lede.test/graphql?query=${encodeURIComponent("{ tags { slug } }")}`,
      { headers: { authorization: `Bearer ${editor}` } },
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers a GET with an ETag and Cache-Control, and 304 while it still holds", async () => {
    const url = `http://lede.test/graphql?query=${encodeURIComponent("{ tags { slug name } }")}`;
    const first = await t.app.fetch(url, { headers: { accept: "application/json" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/^public/);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    await first.text();
    const again = await t.app.fetch(url, {
      headers: { accept: "application/json", "if-none-match": etag as string },
    });
    expect(again.status).toBe(304);
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)(
  "a response cache shared in Redis (needs TEST_REDIS_URL)",
  () => {
    it("is invalidated for every process by a write through any of them", async () => {
      const redis = connectRedis(process.env.TEST_REDIS_URL as string, "test-cache");
      const reader = await createTestApp({ now, graphql: cacheOn, cacheRedis: redis });
      try {
        // A second process on the same database and Redis: the test app's database, a second app.
        const { createApp } = await import("../src/app.ts");
        const writer = createApp({ db: reader.db, now, graphql: cacheOn, cacheRedis: redis });
        const read = () =>
          reader.countStatements(() => reader.execute(CachedPage, { slug: openArticle.slug }));
        await read();
        expect((await read()).statements).toEqual([]);
        clock += 60_000;
        await writer.fetch("http://lede.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: print(CachePost),
            variables: {
              input: {
                articleId: articleGlobalId(openArticle.slug),
                authorName: "Elsewhere",
                authorEmail: knownCommenterEmail,
                body: "Through the other process",
              },
            },
          }),
        });
        const fresh = await read();
        expect(fresh.result.data?.article?.comments.nodes.map((c) => c.body)).toContain(
          "Through the other process",
        );
      } finally {
        await reader.close();
        await redis.quit();
      }
    });
  },
);

/** Runs a query or mutation given as text (tests below need texts of their own, per run). */
async function post(app: App, query: string, variables: object = {}, headers: Record<string, string> = {}) {
  const response = await app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const MissingArticle = "query MissingArticle($slug: String!) { article(slug: $slug) { title } }";
const bounded = (bytes: { maxBytes: number; maxEntryBytes: number }) => ({
  responseCache: { enabled: true, ttlMs: 300_000, ...bytes },
});

describe("the in-memory cache's bounds", () => {
  it("holds at most RESPONSE_CACHE_MAX_BYTES, dropping the least recently used answers first", async () => {
    const app = await createTestApp({ now, graphql: bounded({ maxBytes: 10_000, maxEntryBytes: 400 }) });
    try {
      const read = (slug: string) => app.countStatements(() => post(app.app, MissingArticle, { slug }));
      await read("kept");
      // 200 distinct answers of some 150 bytes each: three times what 10 kB holds. "kept" is read
      // again every so often, so it stays among the most recently used.
      for (let i = 0; i < 200; i++) {
        expect((await read(`missing-${i}`)).statements.length).toBe(1);
        if (i % 10 === 0) expect((await read("kept")).statements).toEqual([]);
      }
      expect((await read("missing-199")).statements).toEqual([]);
      expect((await read("kept")).statements).toEqual([]);
      expect((await read("missing-0")).statements.length).toBe(1);
    } finally {
      await app.close();
    }
  });

  it("never stores an answer above RESPONSE_CACHE_MAX_ENTRY_BYTES", async () => {
    const app = await createTestApp({ now, graphql: bounded({ maxBytes: 10_000, maxEntryBytes: 400 }) });
    try {
      const readBig = () => app.countStatements(() => app.execute(CachedPage, { slug: openArticle.slug }));
      const first = await readBig();
      expect(JSON.stringify(first.result).length).toBeGreaterThan(400);
      expect((await readBig()).statements.length).toBe(first.statements.length);
      const readSmall = () => app.countStatements(() => post(app.app, MissingArticle, { slug: "small" }));
      await readSmall();
      expect((await readSmall()).statements).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe("a mutation refused by the rate limiter", () => {
  it("prints nothing outside the JSON log (no response cache warning)", async () => {
    const app = await createTestApp({
      now,
      trustProxy: 1,
      graphql: {
        ...cacheOn,
        mutationRateLimits: {
          perIp: { limit: 1, windowMs: 60_000 },
          perToken: { limit: 1, windowMs: 60_000 },
        },
      },
    });
    const printed: string[] = [];
    const capture = (...args: unknown[]) => void printed.push(args.map(String).join(" "));
    const spies = [
      ...(["log", "info", "warn", "error", "debug"] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation(capture),
      ),
      vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
        capture(chunk);
        return true;
      }),
    ];
    try {
      const answers = [];
      clock += 60_000; // and no further: the second comment comes within the limiter's window
      for (let i = 0; i < 2; i++) {
        answers.push(
          await post(
            app.app,
            print(CachePost),
            {
              input: {
                articleId: articleGlobalId(openArticle.slug),
                authorName: "Limited",
                authorEmail: `limited${i}@example.net`,
                body: `Limited ${i}`,
              },
            },
            { "x-forwarded-for": "203.0.113.9" },
          ),
        );
      }
      expect(answers[1]?.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    } finally {
      for (const spy of spies) spy.mockRestore();
      await app.close();
    }
    expect(printed.filter((line) => line.includes("useResponseCache"))).toEqual([]);
  });
});

/**
 * Watches a Redis client's commands, as a second process would see them interleave: waits for
 * those in flight, and holds the ones a test picks until it releases them.
 */
function watchCommands(redis: Redis) {
  const inFlight = new Set<Promise<void>>();
  const held: [Command, unknown[]][] = [];
  let holds: ((command: Command) => boolean) | null = null;
  let heldOne = () => {};
  const send = redis.sendCommand.bind(redis) as (command: Command, ...rest: unknown[]) => unknown;
  redis.sendCommand = ((command: Command, ...rest: unknown[]) => {
    const done = command.promise.then(
      () => {},
      () => {},
    );
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
    if (holds?.(command)) {
      held.push([command, rest]);
      heldOne();
      return command.promise;
    }
    return send(command, ...rest);
  }) as Redis["sendCommand"];
  return {
    /** Holds the commands `picks` chooses from now on; resolves once one is held. */
    hold(picks: (command: Command) => boolean): Promise<void> {
      holds = picks;
      return new Promise((resolve) => {
        heldOne = resolve;
      });
    },
    release() {
      holds = null;
      for (const [command, rest] of held.splice(0)) send(command, ...rest);
    },
    /** Resolves when every command sent so far (a cache write the response did not wait for) is done. */
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

describe.skipIf(!process.env.TEST_REDIS_URL)(
  "invalidation of the shared cache races no read (needs TEST_REDIS_URL)",
  () => {
    // Two lede processes on one database and one Redis, each with its own connection.
    let base: TestApp;
    let editorToken: string;
    const processes: { app: App; redis: Redis; commands: ReturnType<typeof watchCommands> }[] = [];
    beforeAll(async () => {
      base = await createTestApp({ now });
      editorToken = await staffToken(base, "editor");
      for (let i = 0; i < 2; i++) {
        const redis = connectRedis(process.env.TEST_REDIS_URL as string, `test-cache-race-${i}`);
        await redis.ping(); // connected: the commands watched below are lede's own
        const commands = watchCommands(redis);
        processes.push({
          app: createApp({ db: base.db, now, graphql: cacheOn, cacheRedis: redis }),
          redis,
          commands,
        });
      }
    });
    afterAll(async () => {
      for (const { redis } of processes) await redis.quit();
      await base.close();
    });

    // A query text of this run's own: Redis outlives the run, and must not answer from an older one.
    const run = randomUUID().replaceAll("-", "");
    const countQuery = (name: string) =>
      `query Count_${name}_${run}($slug: String!) { article(slug: $slug) { commentCount comments(first: 100) { nodes { body } } } }`;
    type Count = { commentCount: number; comments: { nodes: { body: string }[] } };
    const readCount = async (app: App, query: string, token?: string) => {
      const answer = await post(
        app,
        query,
        { slug: openArticle.slug },
        token ? { authorization: `Bearer ${token}` } : {},
      );
      return (answer.data as { article: Count }).article;
    };
    /** What the database says: a staff read, which bypasses the cache. */
    const truth = (query: string) => readCount(base.app, query, editorToken);

    async function heldComment(body: string): Promise<string> {
      clock += 60_000;
      const answer = await post(base.app, print(CachePost), {
        input: {
          articleId: articleGlobalId(openArticle.slug),
          authorName: "Racer",
          authorEmail: `racer.${randomUUID()}@example.net`,
          body,
        },
      });
      const result = answer.data?.postComment as { status: string; comment: { id: string } };
      expect(result.status).toBe("PENDING");
      return result.comment.id;
    }
    const approve = (app: App, commentId: string) =>
      post(
        app,
        print(CacheModerate),
        { input: { commentId, action: "APPROVE" } },
        {
          authorization: `Bearer ${editorToken}`,
        },
      );

    it("does not keep a page stored between an invalidation's steps (a later write still clears it)", async () => {
      const [reader, writer] = processes as [(typeof processes)[0], (typeof processes)[0]];
      const query = countQuery("gap");
      const first = await heldComment(`Gap one ${run}`);
      const second = await heldComment(`Gap two ${run}`);
      // The writer's invalidation is interrupted after its first Redis command...
      let sent = 0;
      const interrupted = writer.commands.hold(() => ++sent > 1);
      const approval = approve(writer.app, first);
      await Promise.race([interrupted, approval]);
      // ...while the reader reads the page (the approval is committed) and stores it.
      await readCount(reader.app, query);
      await reader.commands.idle();
      writer.commands.release();
      await approval;
      // A later approval must clear what the reader stored.
      await approve(writer.app, second);
      const expected = await truth(query);
      for (const { app } of processes) {
        const page = await readCount(app, query);
        expect(page.commentCount).toBe(expected.commentCount);
        expect(page.comments.nodes.map((c) => c.body)).toEqual(
          expect.arrayContaining([`Gap one ${run}`, `Gap two ${run}`]),
        );
      }
    });

    it("does not store a page read before a write that lands after the write's invalidation", async () => {
      const [reader, writer] = processes as [(typeof processes)[0], (typeof processes)[0]];
      const query = countQuery("late");
      const comment = await heldComment(`Late ${run}`);
      // The reader reads the page before the approval; its cache write reaches Redis only after.
      const stored = reader.commands.hold((command) => command.name !== "get");
      const before = await readCount(reader.app, query);
      await stored;
      await approve(writer.app, comment);
      reader.commands.release();
      await reader.commands.idle();
      const expected = await truth(query);
      expect(expected.commentCount).toBe(before.commentCount + 1);
      for (const { app } of processes)
        expect((await readCount(app, query)).commentCount).toBe(expected.commentCount);
    });

    it("answers the true count on every process after concurrent approvals under concurrent reads", async () => {
      const query = countQuery("burst");
      const comments = await Promise.all([1, 2, 3, 4].map((i) => heldComment(`Burst ${i} ${run}`)));
      await readCount(processes[0]?.app as App, query); // a cached page for the approvals to clear
      // Two readers per process read the page over and over while four approvals land at once.
      const readers = processes.flatMap(({ app }) =>
        [0, 1].map(async () => {
          for (let i = 0; i < 15; i++) await readCount(app, query);
        }),
      );
      const approvals = comments.map((id, i) => approve((processes[i % 2] as (typeof processes)[0]).app, id));
      await Promise.all([...readers, ...approvals]);
      for (const { commands } of processes) await commands.idle();
      const expected = await truth(query);
      for (const { app } of processes) {
        const page = await readCount(app, query);
        expect(page.commentCount).toBe(expected.commentCount);
        expect(page.comments.nodes.filter((c) => c.body.startsWith("Burst ")).length).toBe(4);
      }
    });

    it("never stores an answer above RESPONSE_CACHE_MAX_ENTRY_BYTES in Redis either", async () => {
      const redis = processes[0]?.redis as Redis;
      const app = createApp({
        db: base.db,
        now,
        graphql: bounded({ maxBytes: 10_000, maxEntryBytes: 400 }),
        cacheRedis: redis,
      });
      const query = countQuery("big");
      const read = () => base.countStatements(() => readCount(app, query));
      const first = await read();
      expect(JSON.stringify(first.result).length).toBeGreaterThan(400);
      await processes[0]?.commands.idle();
      expect((await read()).statements.length).toBe(first.statements.length);
    });
  },
);

const stores: [string, () => { store: ResponseStore; close(): Promise<unknown> }][] = [
  ["memory", () => ({ store: createMemoryResponseStore({ maxBytes: 1_000 }), close: async () => {} })],
];
if (process.env.TEST_REDIS_URL) {
  stores.push([
    "Redis",
    () => {
      const redis = connectRedis(process.env.TEST_REDIS_URL as string, "test-response-store");
      return { store: createRedisResponseStore(redis), close: () => redis.quit() };
    },
  ]);
}

describe.each(stores)("the response store in %s", (_, open) => {
  let store: ResponseStore;
  let close: () => Promise<unknown>;
  beforeAll(() => {
    ({ store, close } = open());
  });
  afterAll(() => close());
  // Names of this run's own: Redis outlives the run.
  const id = () => randomUUID();

  it("refuses an answer whose read began before one of its tags was invalidated", async () => {
    const [key, article] = [id(), `Article:${id()}`];
    const readStart = await store.sequence();
    await store.invalidate([article]);
    await store.set(key, '{"stale":true}', ["Article", article], 60_000, readStart);
    expect(await store.get(key)).toBeNull();
    // A read that began after the invalidation is stored, and so is one whose tags were untouched.
    await store.set(key, '{"fresh":true}', ["Article", article], 60_000, await store.sequence());
    expect(await store.get(key)).toBe('{"fresh":true}');
    const [other, otherArticle] = [id(), `Article:${id()}`];
    const otherStart = await store.sequence();
    await store.invalidate([`Article:${id()}`]);
    await store.set(other, "{}", ["Article", otherArticle], 60_000, otherStart);
    expect(await store.get(other)).toBe("{}");
  });

  it("drops an answer by any of its tags: an id, or its whole typename", async () => {
    const [byId, byType, article] = [id(), id(), `Article:${id()}`];
    await store.set(byId, "1", ["Article", article], 60_000, await store.sequence());
    await store.set(byType, "2", ["Article", `Article:${id()}`], 60_000, await store.sequence());
    await store.invalidate([article]);
    expect([await store.get(byId), await store.get(byType)]).toEqual([null, "2"]);
    await store.invalidate(["Article"]);
    expect(await store.get(byType)).toBeNull();
  });
});

describe("the in-memory response store", () => {
  it("holds at most its bytes, evicting the least recently used and untracking them", () => {
    const store = createMemoryResponseStore({ maxBytes: 1_000 });
    const answer = (n: number) => JSON.stringify({ n, padding: "x".repeat(380) }); // about 400 bytes
    store.set("a", answer(1), ["Tag:a"], 60_000, 0);
    store.set("b", answer(2), ["Tag:b"], 60_000, 0);
    store.get("a"); // "b" is now the least recently used
    store.set("c", answer(3), ["Tag:c"], 60_000, 0);
    expect([store.get("a"), store.get("b"), store.get("c")]).toEqual([answer(1), null, answer(3)]);
    store.set("too-big", "x".repeat(1_001), ["Tag:a"], 60_000, 0);
    expect(store.get("too-big")).toBeNull();
    expect(store.get("a")).toBe(answer(1));
  });
});

describe("the cache switch", () => {
  it("turns caching off, with no-store on every response", async () => {
    const off = createResponseCache({ enabled: false, ttlMs: 0 });
    await expect(off.invalidation.articleChanged("x")).resolves.toBeUndefined();
    const app = await createTestApp();
    try {
      const response = await app.app.fetch(
        `http://lede.test/graphql?query=${encodeURIComponent("{ __typename }")}`,
      );
      expect(response.headers.get("cache-control")).toBe("no-store");
    } finally {
      await app.close();
    }
  });
});

const Persisted = graphql(`
  query PersistedTags {
    tags { slug }
  }
`);

describe("persisted documents", () => {
  const manifestPath = new URL("./generated/persisted-documents.json", import.meta.url).pathname;
  const hash = (Persisted as unknown as { __meta__: { hash: string } }).__meta__.hash;

  it("runs a document by its hash over GET and POST", async () => {
    const app = await createTestApp({ graphql: { persistedDocuments: { manifestPath, only: false } } });
    try {
      const viaGet = await app.app.fetch(`http://lede.test/graphql?documentId=${encodeURIComponent(hash)}`, {
        headers: { accept: "application/json" },
      });
      expect(((await viaGet.json()) as { data: { tags: unknown[] } }).data.tags.length).toBe(8);
      const viaPost = await app.app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ documentId: hash }),
      });
      expect(((await viaPost.json()) as { data: { tags: unknown[] } }).data.tags.length).toBe(8);
      // Other documents still run unless the switch says otherwise.
      expect((await app.execute(Persisted)).data?.tags.length).toBe(8);
    } finally {
      await app.close();
    }
  });

  it("refuses anything else when only persisted documents are allowed", async () => {
    const app = await createTestApp({ graphql: { persistedDocuments: { manifestPath, only: true } } });
    try {
      const arbitrary = await app.app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ tags { slug } }" }),
      });
      expect(JSON.stringify(await arbitrary.json())).toMatch(/PersistedQueryOnly|persisted/i);
      const unknown = await app.app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ documentId: "sha256:0000" }),
      });
      expect(JSON.stringify(await unknown.json())).toMatch(/PersistedQueryNotFound|not found/i);
    } finally {
      await app.close();
    }
  });
});
