// Comments as the public sees them: approved threads only, oldest first, counted the way a page
// shows them, paginated without gaps, batched, and never carrying a commenter's email.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments } from "../src/db/schema.ts";
import { type SeedComment, seedArticles } from "../src/db/seed-content.ts";
import { stableUuid } from "../src/db/stable-uuid.ts";
import { MAX_PAGE_SIZE } from "../src/graphql/pagination.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

const CommentsThread = graphql(`
  query CommentsThread($slug: String!, $first: Int) {
    article(slug: $slug) {
      id
      commentCount
      comments(first: $first) {
        totalCount
        nodes {
          id
          authorName
          authorUrl
          body
          createdAt
          replyCount
          parent { id }
          article { slug }
          replies(first: 100) {
            totalCount
            nodes {
              id
              body
              createdAt
              replyCount
              parent { id }
              replies(first: 100) {
                totalCount
                nodes {
                  id
                  body
                  replyCount
                  replies(first: 100) {
                    totalCount
                    nodes { id body replyCount }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

const CommentsCounts = graphql(`
  query CommentsCounts {
    articles(first: 100) {
      nodes { slug commentCount comments(first: 1) { totalCount } }
    }
  }
`);

const CommentsPage = graphql(`
  query CommentsPage($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {
    article(slug: $slug) {
      comments(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { body } }
      }
    }
  }
`);

const CommentsFrontPage = graphql(`
  query CommentsFrontPage($articles: Int!, $comments: Int!, $orderBy: ArticleOrder) {
    articles(first: $articles, orderBy: $orderBy) {
      nodes {
        slug
        commentCount
        comments(first: $comments) {
          totalCount
          nodes {
            id
            authorName
            authorUrl
            body
            createdAt
            replyCount
            replies(first: $comments) {
              totalCount
              nodes {
                id
                authorName
                authorUrl
                body
                replyCount
                replies(first: $comments) { nodes { id authorName authorUrl body replyCount } }
              }
            }
          }
        }
      }
    }
  }
`);

const CommentsNodes = graphql(`
  query CommentsNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Comment {
        authorName
        authorUrl
        body
        createdAt
        replyCount
        parent { id body }
        article { slug title }
        replies(first: 100) { nodes { id body } }
      }
    }
  }
`);

const CommentsIntrospection = graphql(`
  query CommentsIntrospection {
    __type(name: "Comment") { fields { name } }
  }
`);

/** What a thread looks like from the outside: bodies, nested in order. */
interface Thread {
  body: string;
  replies: Thread[];
}

/** The public part of a seed thread: approved comments whose ancestors are all approved. */
function visibleThreads(list: readonly SeedComment[]): Thread[] {
  return list
    .filter((comment) => comment.status === "approved")
    .map((comment) => ({ body: comment.body, replies: visibleThreads(comment.replies ?? []) }));
}

const countThreads = (threads: readonly Thread[]): number =>
  threads.reduce((sum, thread) => sum + 1 + countThreads(thread.replies), 0);

function everySeedComment(
  list: readonly SeedComment[] = seedArticles.flatMap((a) => a.comments),
): SeedComment[] {
  return list.flatMap((comment) => [comment, ...everySeedComment(comment.replies ?? [])]);
}

const publishedArticles = seedArticles.filter((article) => article.status === "published");
const hiddenBodies = new Set(
  everySeedComment()
    .filter((c) => c.status !== "approved")
    .map((c) => c.body),
);
const commenterEmails = [...new Set(everySeedComment().map((c) => c.authorEmail.toLowerCase()))];

const busySlug = "quillstones-coding-assistant-now-writes-tests-by-default-and-developers-are-split";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the seed", () => {
  it("has hidden comments of every status, at several depths, with bodies no public comment shares", () => {
    const hidden = everySeedComment().filter((c) => c.status !== "approved");
    expect(new Set(hidden.map((c) => c.status))).toEqual(new Set(["pending", "spam", "trash"]));
    const publicBodies = new Set(everySeedComment().map((c) => c.body));
    expect(publicBodies.size).toBe(everySeedComment().length);
    const repliesHidden = publishedArticles.flatMap((a) =>
      everySeedComment(a.comments.flatMap((c) => c.replies ?? [])).filter((c) => c.status !== "approved"),
    );
    expect(repliesHidden.length).toBeGreaterThanOrEqual(3);
    expect(commenterEmails.length).toBeGreaterThan(30);
  });
});

describe("threads", () => {
  // The article page's statement is built once per page shape and reused: each size still gets its own.
  it("give each request the page size it asks for, asked again and again", async () => {
    for (const first of [2, 5, 2, 5]) {
      const { data, errors } = await t.execute(CommentsThread, { slug: busySlug, first });
      expect(errors).toBeUndefined();
      expect(data?.article?.comments.nodes).toHaveLength(first);
    }
  });

  it("show exactly the approved comments of each published article, oldest first, replies nested", async () => {
    for (const seed of publishedArticles) {
      const { data, errors } = await t.execute(CommentsThread, { slug: seed.slug, first: 100 });
      expect(errors).toBeUndefined();
      const article = data?.article;
      const expected = visibleThreads(seed.comments);

      const shown: Thread[] = (article?.comments.nodes ?? []).map((c) => ({
        body: c.body,
        replies: c.replies.nodes.map((r) => ({
          body: r.body,
          replies: r.replies.nodes.map((rr) => ({
            body: rr.body,
            replies: rr.replies.nodes.map((rrr) => ({ body: rrr.body, replies: [] })),
          })),
        })),
      }));
      expect(shown, seed.slug).toEqual(expected);
      expect(article?.comments.totalCount).toBe(expected.length);

      const top = article?.comments.nodes ?? [];
      const created = top.map((c) => Date.parse(c.createdAt));
      expect(created).toEqual([...created].sort((a, b) => a - b));
      for (const comment of top) {
        expect(comment.parent).toBeNull();
        expect(comment.article.slug).toBe(seed.slug);
        expect(comment.replyCount).toBe(comment.replies.nodes.length);
        expect(comment.replies.totalCount).toBe(comment.replyCount);
        const replyDates = comment.replies.nodes.map((r) => Date.parse(r.createdAt));
        expect(replyDates).toEqual([...replyDates].sort((a, b) => a - b));
        for (const reply of comment.replies.nodes) {
          expect(reply.parent?.id).toBe(comment.id);
          expect(Date.parse(reply.createdAt)).toBeGreaterThan(Date.parse(comment.createdAt));
          expect(reply.replyCount).toBe(reply.replies.nodes.length);
          expect(reply.replies.totalCount).toBe(reply.replyCount);
          for (const deeper of reply.replies.nodes) {
            expect(deeper.replyCount).toBe(deeper.replies.nodes.length);
            expect(deeper.replies.totalCount).toBe(deeper.replyCount);
            for (const deepest of deeper.replies.nodes) expect(deepest.replyCount).toBe(0);
          }
        }
      }
    }
  });

  it("never show a pending, spam or trash comment", async () => {
    let checked = 0;
    for (const seed of publishedArticles) {
      const { data } = await t.execute(CommentsThread, { slug: seed.slug, first: 100 });
      const bodies = (data?.article?.comments.nodes ?? []).flatMap((c) => [
        c.body,
        ...c.replies.nodes.flatMap((r) => [
          r.body,
          ...r.replies.nodes.flatMap((rr) => [rr.body, ...rr.replies.nodes.map((rrr) => rrr.body)]),
        ]),
      ]);
      checked += bodies.length;
      expect(bodies.filter((body) => hiddenBodies.has(body))).toEqual([]);
    }
    expect(checked).toBe(publishedArticles.reduce((n, a) => n + countThreads(visibleThreads(a.comments)), 0));
  });

  it("answer null from node() for every comment that is not approved", async () => {
    const hidden = await t.db
      .select({ id: comments.id })
      .from(comments)
      .where(ne(comments.status, "approved"));
    expect(hidden.length).toBe(hiddenBodies.size);
    const ids = hidden.map((row) => encodeGlobalID("Comment", row.id));
    const { data, errors } = await t.execute(CommentsNodes, { ids });
    expect(errors).toBeUndefined();
    expect(data?.nodes).toEqual(ids.map(() => null));
  });

  it("answer node() for an approved reply with its parent, article and replies", async () => {
    const { data } = await t.execute(CommentsThread, { slug: busySlug, first: 100 });
    const parent = data?.article?.comments.nodes.find((c) => c.replyCount > 0);
    const reply = parent?.replies.nodes[0];
    const found = await t.execute(CommentsNodes, { ids: [reply?.id as string] });
    expect(found.errors).toBeUndefined();
    expect(found.data?.nodes[0]).toMatchObject({
      id: reply?.id,
      body: reply?.body,
      replyCount: reply?.replyCount,
      parent: { id: parent?.id, body: parent?.body },
      article: { slug: busySlug },
    });
  });
});

describe("commentCount", () => {
  it("is the number of approved comments at every depth under approved ancestors, for every published article", async () => {
    const { data, errors } = await t.execute(CommentsCounts, {});
    expect(errors).toBeUndefined();
    const counts = new Map(data?.articles.nodes.map((n) => [n.slug, n.commentCount]));
    expect(counts.size).toBe(publishedArticles.length);
    for (const seed of publishedArticles) {
      const expected = countThreads(visibleThreads(seed.comments));
      expect(counts.get(seed.slug), seed.slug).toBe(expected);
      expect(
        (await t.execute(CommentsThread, { slug: seed.slug, first: 1 })).data?.article?.commentCount,
      ).toBe(expected);
    }
    // The count is not simply "every comment" nor "every approved top-level comment".
    const busy = seedArticles.find((a) => a.slug === busySlug);
    expect(counts.get(busySlug)).toBeLessThan(everySeedComment(busy?.comments).length);
    expect(counts.get(busySlug)).toBeGreaterThan(visibleThreads(busy?.comments ?? []).length);
  });
});

describe("a thread under a comment that is not approved", () => {
  // Its own database: this adds rows the other tests do not expect.
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(() => own.close());

  it("is hidden everywhere, even where its own comments are approved", async () => {
    const seed = seedArticles.find((a) => a.slug === busySlug);
    const pendingIndex = seed?.comments.findIndex((c) => c.status === "pending") ?? -1;
    expect(pendingIndex).toBeGreaterThanOrEqual(0);
    const articleId = stableUuid(`article:${busySlug}`);
    const pendingId = stableUuid(`comment:${busySlug}.${pendingIndex}`);
    const before = (await own.execute(CommentsThread, { slug: busySlug, first: 100 })).data?.article;

    const [reply] = await own.db
      .insert(comments)
      .values({
        articleId,
        parentId: pendingId,
        ancestorIds: [pendingId],
        authorName: "Approved Under Pending",
        authorEmail: "under.pending@example.com",
        body: "An approved reply to a comment that is still pending.",
        status: "approved",
        createdAt: new Date("2026-11-30T10:00:00Z"),
      })
      .returning({ id: comments.id });
    const [grandchild] = await own.db
      .insert(comments)
      .values({
        articleId,
        parentId: reply?.id as string,
        ancestorIds: [pendingId, reply?.id as string],
        authorName: "Approved Two Levels Down",
        authorEmail: "two.down@example.com",
        body: "An approved reply two levels under a pending comment.",
        status: "approved",
        createdAt: new Date("2026-11-30T11:00:00Z"),
      })
      .returning({ id: comments.id });

    const after = (await own.execute(CommentsThread, { slug: busySlug, first: 100 })).data?.article;
    expect(after?.commentCount).toBe(before?.commentCount);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));

    const ids = [reply?.id, grandchild?.id].map((id) => encodeGlobalID("Comment", id as string));
    const { data, errors } = await own.execute(CommentsNodes, { ids });
    expect(errors).toBeUndefined();
    expect(data?.nodes).toEqual([null, null]);
  });
});

describe("pagination of a long thread", () => {
  const expected = visibleThreads(seedArticles.find((a) => a.slug === busySlug)?.comments ?? []).map(
    (c) => c.body,
  );

  it("walks forward with first/after without gaps or repeats", async () => {
    expect(expected.length).toBeGreaterThanOrEqual(29);
    const seen: string[] = [];
    let after: string | null | undefined;
    let pages = 0;
    for (;;) {
      const page = (await t.execute(CommentsPage, { slug: busySlug, first: 4, after })).data?.article
        ?.comments;
      expect(page?.totalCount).toBe(expected.length);
      expect(page?.pageInfo.hasPreviousPage).toBe(after != null);
      seen.push(...(page?.edges.map((e) => e.node.body) ?? []));
      pages += 1;
      if (!page?.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(4);
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });

  it("walks backward with last/before without gaps or repeats", async () => {
    const seen: string[] = [];
    let before: string | null | undefined;
    for (;;) {
      const page = (await t.execute(CommentsPage, { slug: busySlug, last: 6, before })).data?.article
        ?.comments;
      expect(page?.totalCount).toBe(expected.length);
      expect(page?.pageInfo.hasNextPage).toBe(before != null);
      seen.unshift(...(page?.edges.map((e) => e.node.body) ?? []));
      if (!page?.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("answers an empty page with the right totalCount past either end", async () => {
    const all = (await t.execute(CommentsPage, { slug: busySlug, first: 100 })).data?.article?.comments;
    const lastCursor = all?.edges.at(-1)?.cursor;
    const firstCursor = all?.edges[0]?.cursor;

    const past = (await t.execute(CommentsPage, { slug: busySlug, first: 5, after: lastCursor })).data
      ?.article?.comments;
    expect(past).toMatchObject({
      totalCount: expected.length,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
    const beforeStart = (await t.execute(CommentsPage, { slug: busySlug, last: 5, before: firstCursor })).data
      ?.article?.comments;
    expect(beforeStart).toMatchObject({ totalCount: expected.length, edges: [] });
    expect(beforeStart?.pageInfo.hasPreviousPage).toBe(false);
  });
});

describe("statements", () => {
  it("stay the same for 5 or 20 comments per level on a front page of 20 articles", async () => {
    const counts: number[] = [];
    for (const first of [5, 20]) {
      const { result, statements } = await t.countStatements(() =>
        // Oldest first: the 20 include the article with the longest thread.
        t.execute(CommentsFrontPage, { articles: 20, comments: first, orderBy: "PUBLISHED_AT_ASC" }),
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data?.articles.nodes ?? [];
      expect(nodes).toHaveLength(20);
      const shownReplies = nodes.flatMap((n) => n.comments.nodes.flatMap((c) => c.replies.nodes));
      expect(shownReplies.length).toBeGreaterThan(0);
      if (first === 20) {
        expect(nodes.some((n) => n.comments.nodes.length > 5)).toBe(true);
      }
      counts.push(statements.length);
    }
    // the articles page, carrying its comment counts and its comment trees (three levels)
    expect(counts).toEqual([1, 1]);
  });
});

describe("privacy", () => {
  it("never puts a commenter's email in a public response", async () => {
    const responses: unknown[] = [];
    // nodes(ids:) takes a page of ids at most.
    const nodesOf = async (ids: string[]) => {
      const pages = [];
      for (let at = 0; at < ids.length; at += MAX_PAGE_SIZE)
        pages.push(await t.execute(CommentsNodes, { ids: ids.slice(at, at + MAX_PAGE_SIZE) }));
      return pages;
    };
    responses.push(await t.execute(CommentsFrontPage, { articles: 30, comments: 20 }));
    for (const seed of publishedArticles) {
      const thread = await t.execute(CommentsThread, { slug: seed.slug, first: 100 });
      responses.push(thread);
      const ids = (thread.data?.article?.comments.nodes ?? []).flatMap((c) => [
        c.id,
        ...c.replies.nodes.map((r) => r.id),
      ]);
      responses.push(...(await nodesOf(ids)));
    }
    const everyId = await t.db.select({ id: comments.id }).from(comments);
    responses.push(...(await nodesOf(everyId.map((row) => encodeGlobalID("Comment", row.id)))));

    let commentsSeen = 0;
    for (const response of responses) {
      expect((response as { errors?: unknown }).errors).toBeUndefined();
      const text = JSON.stringify(response).toLowerCase();
      commentsSeen += text.split('"body":').length - 1;
      expect(commenterEmails.filter((email) => text.includes(email))).toEqual([]);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
    expect(commentsSeen).toBeGreaterThan(200);
  });

  it("has no Comment field named after an email, an IP or a user agent", async () => {
    const { data } = await t.execute(CommentsIntrospection, {});
    const fields = data?.__type?.fields?.map((f) => f.name) ?? [];
    expect(fields).toContain("authorName");
    expect(fields.filter((name) => /email|ip|userAgent/i.test(name))).toEqual([]);
  });
});

describe("timestamps of comments nested in an article page", () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(() => own.close());

  // The page's comment tree travels as JSON with its timestamps as epoch milliseconds.
  it("come back to the millisecond, at every depth", async () => {
    const articleId = stableUuid(`article:${busySlug}`);
    const comment = (createdAt: string, parentId: string | null, ancestorIds: string[]) => ({
      articleId,
      parentId,
      ancestorIds,
      authorName: "Precise Commenter",
      authorEmail: "precise@example.com",
      body: `Written at ${createdAt}.`,
      status: "approved" as const,
      createdAt: new Date(createdAt),
    });
    const [top] = await own.db
      .insert(comments)
      .values(comment("1999-01-02T03:04:05.678Z", null, []))
      .returning({ id: comments.id });
    const topId = top?.id as string;
    await own.db.insert(comments).values(comment("1999-01-02T03:04:05.999Z", topId, [topId]));

    const { data, errors } = await own.execute(CommentsThread, { slug: busySlug, first: 1 });
    expect(errors).toBeUndefined();
    const first = data?.article?.comments.nodes[0];
    expect(first?.createdAt).toBe("1999-01-02T03:04:05.678Z");
    expect(first?.replies.nodes.map((reply) => reply.createdAt)).toEqual(["1999-01-02T03:04:05.999Z"]);
  });
});
