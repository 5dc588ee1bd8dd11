// The response cache: public reads are served from it, every write that changes what a cached
// response holds invalidates it, staff are never cached, GETs revalidate with ETag/304; and
// persisted documents.
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResponseCache } from "../src/graphql/plugins/response-cache.ts";
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
