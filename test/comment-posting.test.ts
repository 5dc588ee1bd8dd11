import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashIp } from "../src/infra/client-info.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import {
  articleGlobalId,
  closedArticle,
  draftArticle,
  knownCommenterEmail,
  openArticle,
  otherOpenArticle,
} from "./setup/seed-facts.ts";

const PostComment = graphql(`
  mutation PostComment($input: PostCommentInput!) {
    postComment(input: $input) {
      __typename
      ... on PostCommentSuccess { status comment { id authorName body createdAt } }
      ... on ValidationError { message issues { field message } }
      ... on RateLimited { message retryAt retryAfterSeconds }
      ... on CommentsClosed { message }
      ... on NotFound { message }
    }
  }
`);

const Moderate = graphql(`
  mutation Moderate($input: ModerateCommentInput!) {
    moderateComment(input: $input) {
      __typename
      ... on ModerationSuccess { comment { id status authorEmail depth } }
      ... on NotFound { message }
    }
  }
`);

const EditComment = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      __typename
      ... on ModerationSuccess { comment { body authorName authorUrl } }
      ... on ValidationError { issues { field } }
    }
  }
`);

const DeleteComment = graphql(`
  mutation DeleteComment($input: DeleteCommentInput!) {
    deleteComment(input: $input) { __typename }
  }
`);

const Queue = graphql(`
  query ModerationQueue($first: Int) {
    moderationQueue(first: $first) {
      totalCount
      nodes { id status authorName authorEmail body createdAt article { slug } }
    }
  }
`);

const ArticleComments = graphql(`
  query ArticleComments($slug: String!) {
    article(slug: $slug) {
      commentCount
      comments(first: 100) {
        totalCount
        nodes {
          body
          replies(first: 100) {
            nodes {
              body
              replies(first: 100) {
                nodes { body replies(first: 100) { nodes { body replies(first: 100) { nodes { body } } } } }
              }
            }
          }
        }
      }
    }
  }
`);

// One clock for the app and its rate limiter; each test moves it past the flood window.
let clock = new Date("2026-11-21T09:00:00Z").getTime();
const now = () => new Date(clock);
const later = (seconds: number) => {
  clock += seconds * 1000;
};

let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp({ now, trustProxy: 1 });
  editor = await staffToken(t, "editor");
});
afterAll(() => t.close());
beforeEach(() => later(60));

let ipCounter = 0;
/** Each call comes from a new address unless one is given. */
function post(input: Record<string, unknown>, ip = `203.0.113.${++ipCounter % 250}`) {
  return t.execute(
    PostComment,
    {
      input: {
        articleId: articleGlobalId(openArticle.slug),
        authorName: "Lou Reader",
        authorEmail: `reader${++ipCounter}@example.org`,
        body: `A thoughtful remark number ${ipCounter}.`,
        ...input,
      } as never,
    },
    { headers: { "x-forwarded-for": ip } },
  );
}

async function commentRows(): Promise<number> {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sql`comments`);
  return row?.n ?? 0;
}

async function publicView(slug = openArticle.slug) {
  const { data } = await t.execute(ArticleComments, { slug });
  const bodies: string[] = [];
  const walk = (nodes: readonly { body: string; replies?: { nodes: readonly unknown[] } }[]) => {
    for (const node of nodes) {
      bodies.push(node.body);
      if (node.replies) walk(node.replies.nodes as typeof nodes);
    }
  };
  walk(data?.article?.comments.nodes ?? []);
  return { count: data?.article?.commentCount ?? -1, bodies };
}

const success = (result: Awaited<ReturnType<typeof post>>) => {
  const payload = result.data?.postComment;
  if (payload?.__typename !== "PostCommentSuccess")
    throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return payload;
};

describe("posting a comment", () => {
  it("holds a first-time commenter's comment: PENDING to the poster, invisible to the public", async () => {
    const before = await publicView();
    const posted = success(await post({ body: "First time here, hello!" }));
    expect(posted.status).toBe("PENDING");
    expect(posted.comment.body).toBe("First time here, hello!");
    const after = await publicView();
    expect(after.count).toBe(before.count);
    expect(after.bodies).not.toContain("First time here, hello!");
  });

  it("approves at once a commenter who already has an approved comment", async () => {
    const before = await publicView();
    const posted = success(
      await post({ authorEmail: knownCommenterEmail.toUpperCase(), body: "Back again." }),
    );
    expect(posted.status).toBe("APPROVED");
    const after = await publicView();
    expect(after.count).toBe(before.count + 1);
    expect(after.bodies).toContain("Back again.");
  });

  it("holds a known commenter's comment with more than 2 links", async () => {
    const body = "See https://example.com/a and https://example.com/b and www.example.org";
    expect(success(await post({ authorEmail: knownCommenterEmail, body })).status).toBe("PENDING");
  });

  it("stores a honeypot comment as spam and answers as if pending", async () => {
    const posted = success(await post({ body: "Buy cheap watches", website: "http://spam.example" }));
    expect(posted.status).toBe("PENDING");
    const id = decodeGlobalID(posted.comment.id).id;
    const [row] = await t.db.query.comments.findMany({ where: { id }, columns: { status: true } });
    expect(row?.status).toBe("spam");
  });

  it("keeps only a salted hash of the IP, and the user agent", async () => {
    const posted = success(await post({ body: "Where is my IP?" }, "198.51.100.77"));
    const id = decodeGlobalID(posted.comment.id).id;
    const [row] = await t.db.query.comments.findMany({ where: { id } });
    expect(row?.ipHash).toBe(hashIp("lede-development-secret-do-not-use-in-production", "198.51.100.77"));
    expect(JSON.stringify(row)).not.toContain("198.51.100.77");
  });

  it("stores the email without the spaces around it", async () => {
    const posted = success(await post({ authorEmail: "  spaced@example.org ", body: "Spaced out." }));
    const id = decodeGlobalID(posted.comment.id).id;
    const [row] = await t.db.query.comments.findMany({ where: { id }, columns: { authorEmail: true } });
    expect(row?.authorEmail).toBe("spaced@example.org");
  });

  it("rejects the same body from the same email on the same article as a duplicate", async () => {
    const email = "twice@example.org";
    success(await post({ authorEmail: email, body: "Exactly this." }));
    later(60);
    const again = await post({ authorEmail: email, body: "  Exactly this.  " });
    expect(again.data?.postComment).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "input.body" }],
    });
  });
});

describe("statements", () => {
  it("posts in two statements: one reads every check, one writes the comment with its webhook event", async () => {
    const { result, statements } = await t.countStatements(() =>
      post({ authorEmail: knownCommenterEmail, body: `Counted once, ${ipCounter}.` }),
    );
    expect(success(result).status).toBe("APPROVED");
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^select .* from "articles"/s);
    expect(statements[0]).toMatch(/"comments"|comments c/);
    // One statement is atomic: no transaction around the comment and its event.
    expect(statements[1]).toMatch(/insert into webhook_events.*insert into "comments"/s);
  });

  it("reads no known-commenter check when the status cannot depend on it", async () => {
    const { result, statements } = await t.countStatements(() =>
      post({ body: "Spam, spam, spam.", website: "http://spam.example" }),
    );
    expect(success(result).status).toBe("PENDING");
    expect(statements).toHaveLength(2);
    expect(statements[0]).not.toMatch(/status = 'approved'/);
  });

  it("reads the parent of a reply in one more statement", async () => {
    const root = success(await post({ authorEmail: knownCommenterEmail, body: `Root ${ipCounter}.` }));
    later(60);
    const { result, statements } = await t.countStatements(() =>
      post({ authorEmail: knownCommenterEmail, body: `Reply ${ipCounter}.`, parentId: root.comment.id }),
    );
    expect(success(result).status).toBe("APPROVED");
    expect(statements).toHaveLength(3);
  });
});

describe("validation, with nothing written", () => {
  it.each([
    ["an empty name", { authorName: "   " }, "input.authorName"],
    ["a name of 246 characters", { authorName: "n".repeat(246) }, "input.authorName"],
    ["a malformed email", { authorEmail: "not-an-email" }, "input.authorEmail"],
    ["an email of 101 characters", { authorEmail: `${"e".repeat(89)}@example.org` }, "input.authorEmail"],
    ["a URL of 201 characters", { authorUrl: `https://example.org/${"u".repeat(181)}` }, "input.authorUrl"],
    ["a javascript: URL", { authorUrl: "javascript:alert(1)" }, "input.authorUrl"],
    ["an empty body", { body: " \n\t " }, "input.body"],
    ["a body of 65,526 characters", { body: "b".repeat(65_526) }, "input.body"],
  ])("refuses %s", async (_label, input, field) => {
    const before = await commentRows();
    const result = await post(input);
    expect(result.data?.postComment).toMatchObject({ __typename: "ValidationError" });
    const issues =
      result.data?.postComment.__typename === "ValidationError" ? result.data.postComment.issues : [];
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(await commentRows()).toBe(before);
  });

  it("lists every problem at once", async () => {
    const result = await post({ authorName: "", authorEmail: "x", body: "" });
    const payload = result.data?.postComment;
    expect(payload?.__typename).toBe("ValidationError");
    if (payload?.__typename === "ValidationError") {
      expect(payload.issues.map((i) => i.field).sort()).toEqual([
        "input.authorEmail",
        "input.authorName",
        "input.body",
      ]);
    }
  });

  it("accepts names, emails, URLs and bodies at their limits", async () => {
    const result = await post({
      authorName: "n".repeat(245),
      authorEmail: `${"e".repeat(88)}@example.org`,
      authorUrl: `https://example.org/${"u".repeat(180)}`,
      body: "b".repeat(65_525),
    });
    expect(result.data?.postComment.__typename).toBe("PostCommentSuccess");
  });

  it("refuses comments on a closed article and on one that is not published", async () => {
    const closed = await post({ articleId: articleGlobalId(closedArticle.slug) });
    expect(closed.data?.postComment.__typename).toBe("CommentsClosed");
    const draft = await post({ articleId: articleGlobalId(draftArticle.slug) });
    expect(draft.data?.postComment.__typename).toBe("NotFound");
  });
});

describe("threads", () => {
  async function approvedComment(body: string, parentId?: string) {
    const posted = success(await post({ body, ...(parentId && { parentId }) }));
    later(60);
    const moderated = await t.execute(
      Moderate,
      { input: { commentId: posted.comment.id, action: "APPROVE" } },
      { token: editor },
    );
    expect(moderated.data?.moderateComment.__typename).toBe("ModerationSuccess");
    return posted.comment.id;
  }

  it("allows replies down to 5 levels and refuses a 6th", async () => {
    let parent = await approvedComment("Level 1");
    for (let level = 2; level <= 5; level++) parent = await approvedComment(`Level ${level}`, parent);
    const tooDeep = await post({ body: "Level 6", parentId: parent });
    expect(tooDeep.data?.postComment).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "input.parentId" }],
    });
  });

  it("refuses a parent that is pending or belongs to another article", async () => {
    const pending = success(await post({ body: "Pending parent" }));
    later(60);
    const onPending = await post({ body: "Reply to pending", parentId: pending.comment.id });
    expect(onPending.data?.postComment).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "input.parentId" }],
    });

    const elsewhere = await approvedComment("Parent on the first article");
    const crossed = await post({
      articleId: articleGlobalId(otherOpenArticle.slug),
      body: "Wrong thread",
      parentId: elsewhere,
    });
    expect(crossed.data?.postComment).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "input.parentId" }],
    });
  });

  it("keeps commentCount and the lists in agreement through moderation", async () => {
    const root = await approvedComment("Root of a thread");
    const child = await approvedComment("Child", root);
    await approvedComment("Grandchild", child);
    const before = await publicView();
    expect(before.bodies).toEqual(expect.arrayContaining(["Root of a thread", "Child", "Grandchild"]));
    expect(before.bodies.length).toBe(before.count);

    await t.execute(Moderate, { input: { commentId: root, action: "TRASH" } }, { token: editor });
    const trashed = await publicView();
    expect(trashed.count).toBe(before.count - 3);
    expect(trashed.bodies).not.toContain("Child");
    expect(trashed.bodies.length).toBe(trashed.count);

    await t.execute(Moderate, { input: { commentId: child, action: "SPAM" } }, { token: editor });
    await t.execute(Moderate, { input: { commentId: root, action: "APPROVE" } }, { token: editor });
    const partly = await publicView();
    expect(partly.count).toBe(before.count - 2);
    expect(partly.bodies).toContain("Root of a thread");
    expect(partly.bodies).not.toContain("Grandchild");
    expect(partly.bodies.length).toBe(partly.count);
  });
});

describe("flood control", () => {
  it("answers a second comment from one email within 15 seconds with RateLimited", async () => {
    success(await post({ authorEmail: "fast@example.org" }));
    later(5);
    const second = await post({ authorEmail: "fast@example.org" });
    expect(second.data?.postComment).toMatchObject({ __typename: "RateLimited", retryAfterSeconds: 10 });
    later(11);
    expect((await post({ authorEmail: "fast@example.org" })).data?.postComment.__typename).toBe(
      "PostCommentSuccess",
    );
  });

  it("answers a second comment from one IP within 15 seconds with RateLimited", async () => {
    success(await post({}, "192.0.2.9"));
    later(3);
    const second = await post({}, "192.0.2.9");
    expect(second.data?.postComment.__typename).toBe("RateLimited");
  });
});

describe("moderation", () => {
  it("shows staff the pending queue, oldest first, with emails; the public gets nothing", async () => {
    success(await post({ authorEmail: "queue-check@example.org", body: "Please approve me" }));
    const queue = await t.execute(Queue, { first: 100 }, { token: editor });
    const nodes = queue.data?.moderationQueue.nodes ?? [];
    expect(nodes.every((n) => n.status === "PENDING")).toBe(true);
    const dates = nodes.map((n) => Date.parse(n.createdAt as string));
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    expect(nodes.find((n) => n.body === "Please approve me")?.authorEmail).toBe("queue-check@example.org");

    const anonymous = await t.execute(Queue, { first: 5 });
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lets an author moderate comments on their own articles only", async () => {
    const { createStaffWithToken } = await import("../src/modules/staff/staff.repo.ts");
    const { stableUuid } = await import("../src/db/stable-uuid.ts");
    const authorId = stableUuid(`author:${openArticle.authorSlugs[0]}`);
    const { token } = await createStaffWithToken(t.db, { name: "Byline", role: "author", authorId });
    const mine = success(await post({ body: "On the author's own article" }));
    later(60);
    const theirs = success(
      await post({ articleId: articleGlobalId(otherOpenArticle.slug), body: "Elsewhere" }),
    );

    const ok = await t.execute(
      Moderate,
      { input: { commentId: mine.comment.id, action: "APPROVE" } },
      { token },
    );
    expect(ok.data?.moderateComment.__typename).toBe("ModerationSuccess");
    const refused = await t.execute(
      Moderate,
      { input: { commentId: theirs.comment.id, action: "APPROVE" } },
      { token },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("answers NotFound for an unknown comment and UNAUTHENTICATED without a token", async () => {
    const unknown = encodeGlobalID("Comment", "00000000-0000-4000-8000-000000000000");
    const missing = await t.execute(
      Moderate,
      { input: { commentId: unknown, action: "APPROVE" } },
      { token: editor },
    );
    expect(missing.data?.moderateComment.__typename).toBe("NotFound");
    const anonymous = await t.execute(Moderate, { input: { commentId: unknown, action: "APPROVE" } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lets staff edit a comment, with the posting limits", async () => {
    const posted = success(await post({ body: "Teh typo" }));
    const edited = await t.execute(
      EditComment,
      {
        input: {
          commentId: posted.comment.id,
          body: "The typo, fixed",
          authorUrl: "https://example.net/lou",
        },
      },
      { token: editor },
    );
    expect(edited.data?.editComment).toMatchObject({
      comment: { body: "The typo, fixed", authorUrl: "https://example.net/lou" },
    });
    const bad = await t.execute(
      EditComment,
      { input: { commentId: posted.comment.id, body: "" } },
      { token: editor },
    );
    expect(bad.data?.editComment).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "input.body" }],
    });
  });

  it("lets staff delete a comment with its replies", async () => {
    const root = success(await post({ authorEmail: knownCommenterEmail, body: "Delete me" }));
    later(60);
    success(
      await post({ authorEmail: knownCommenterEmail, body: "And my reply", parentId: root.comment.id }),
    );
    const before = await commentRows();
    const deleted = await t.execute(
      DeleteComment,
      { input: { commentId: root.comment.id } },
      { token: editor },
    );
    expect(deleted.data?.deleteComment.__typename).toBe("ModerationSuccess");
    expect(await commentRows()).toBe(before - 2);
    expect((await publicView()).bodies).not.toContain("And my reply");
  });
});
