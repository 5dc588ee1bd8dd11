// Compiled execution (src/graphql/plugins/compiled-execution.ts): a document that has answered
// cleanly once runs compiled from then on. The answers, the errors and the statements must be the
// ones yoga's executor gives.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaults } from "../src/config.ts";
import { graphqlJitAdapted } from "../src/graphql/plugins/compiled-execution.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { ArticlePage, busyArticleSlug, FrontPage } from "./setup/pages.ts";

// biome-ignore lint/suspicious/noExplicitAny: documents written here, not generated
const doc = (source: string) => parse(source) as TypedDocumentNode<any, any>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("a document run again", () => {
  it("runs on a graphql-jit that npm install adapted to graphql 17 (else nothing is compiled)", () => {
    expect(graphqlJitAdapted()).toBe(true);
  });

  it("answers the front page and the article page as it did the first time, in as many statements", async () => {
    for (const [document, variables] of [
      [FrontPage, { first: 20 }],
      [ArticlePage, { slug: busyArticleSlug }],
    ] as const) {
      // biome-ignore lint/suspicious/noExplicitAny: two documents of different types
      const run = () => t.countStatements(() => t.execute(document as any, variables));
      const first = await run();
      expect(first.result.errors).toBeUndefined();
      for (let again = 0; again < 2; again++) {
        const next = await run();
        expect(next.result).toEqual(first.result);
        expect(next.statements).toHaveLength(first.statements.length);
      }
    }
  });

  it("refuses a variable that does not coerce with the scalar's own reason, compiled or not", async () => {
    const articles = doc(`query Since($since: DateTime) {
      articles(first: 2, filter: { publishedAfter: $since }) { nodes { slug } }
    }`);
    // Clean answers first: from the second, the document runs compiled.
    for (let i = 0; i < 2; i++) {
      expect((await t.execute(articles, { since: "2020-01-01T00:00:00Z" })).errors).toBeUndefined();
    }
    const refused = await t.execute(articles, { since: "yesterday" });
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.message).toMatch(
      /DateTime cannot represent an invalid date-time-string yesterday/,
    );
  });

  it("masks and places errors as yoga's executor does", async () => {
    // A staff-only field asked anonymously: the same error, code and path every time.
    const drafts = doc(
      `query Drafts { articles(first: 1) { nodes { slug } } staffArticles: articles(first: 1, filter: { status: [DRAFT] }) { nodes { slug } } }`,
    );
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await t.execute(drafts));
    expect(answers[0]?.errors?.length ?? 0).toBeGreaterThan(0);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("serves a variable named $coerced (left to yoga's executor)", async () => {
    const named = doc(`query Coerced($coerced: Int!) { articles(first: $coerced) { nodes { slug } } }`);
    for (let i = 0; i < 3; i++) {
      const result = await t.execute(named, { coerced: 2 });
      expect(result.errors).toBeUndefined();
      expect(result.data.articles.nodes).toHaveLength(2);
    }
  });

  it("keeps the cost limit, which depends on the variables, once compiled", async () => {
    const limited = await createTestApp({ graphql: { limits: defaults.graphql.limits } });
    try {
      const threads = doc(`query Threads($first: Int!) {
        articles(first: $first) { nodes { comments(first: 100) { nodes { replies(first: 100) { nodes { body } } } } } }
      }`);
      for (let i = 0; i < 3; i++)
        expect((await limited.execute(threads, { first: 1 })).errors).toBeUndefined();
      const refused = await limited.execute(threads, { first: 30 });
      expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(refused.errors?.[0]?.message).toMatch(/complexity is \d+, over the limit/);
    } finally {
      await limited.close();
    }
  });
});
