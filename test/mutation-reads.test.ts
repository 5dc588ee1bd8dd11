// What every mutation gets from the API layer in one place: fields read after a mutation read what
// it wrote (the request's loaders are forgotten), and a service's refusal is FORBIDDEN.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { articleGlobalId, openArticle, otherOpenArticle } from "./setup/seed-facts.ts";

// biome-ignore lint/suspicious/noExplicitAny: untyped documents, parsed here rather than generated
const operation = (source: string) => parse(source) as TypedDocumentNode<any, any>;

const ApprovedComments = operation(`
  query ApprovedComments($articleId: ID!) {
    moderationQueue(status: [APPROVED], articleId: $articleId, first: 50) { nodes { id depth } }
  }
`);

const HoldTwo = operation(`
  mutation HoldTwo($first: ID!, $second: ID!) {
    first: moderateComment(input: { commentId: $first, action: HOLD }) {
      ... on ModerationSuccess { comment { article { commentCount } } }
    }
    second: moderateComment(input: { commentId: $second, action: HOLD }) {
      ... on ModerationSuccess { comment { article { commentCount } } }
    }
  }
`);

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = await staffToken(t, "editor");
});
afterAll(() => t.close());

describe("after each mutation", () => {
  it("reads what the mutation wrote, even in the second mutation of one request", async () => {
    const queue = await t.execute(
      ApprovedComments,
      { articleId: articleGlobalId(openArticle.slug) },
      { token: editor },
    );
    // Two top-level comments: holding a reply's parent would take the reply out of the count too.
    const [first, second] = (queue.data?.moderationQueue.nodes ?? [])
      .filter((node: { depth: number }) => node.depth === 1)
      .map((node: { id: string }) => node.id);
    expect(first && second).toBeTruthy();

    const result = await t.execute(HoldTwo, { first, second }, { token: editor });
    expect(result.errors).toBeUndefined();
    const afterFirst = result.data?.first.comment.article.commentCount as number;
    const afterSecond = result.data?.second.comment.article.commentCount as number;
    // The second answer counts the second comment held too, not the first answer's count again.
    expect(afterSecond).toBeLessThan(afterFirst);
  });

  it("answers a service's refusal as FORBIDDEN, with its message", async () => {
    const author = await staffToken(t, "author");
    const queue = await t.execute(
      ApprovedComments,
      { articleId: articleGlobalId(otherOpenArticle.slug) },
      { token: editor },
    );
    const [commentId] = queue.data?.moderationQueue.nodes.map((node: { id: string }) => node.id) ?? [];
    const result = await t.execute(HoldTwo, { first: commentId, second: commentId }, { token: author });
    expect(result.errors?.[0]).toMatchObject({
      message: "Authors moderate only the comments on their own articles",
      path: ["first"],
      extensions: { code: "FORBIDDEN" },
    });
  });
});
