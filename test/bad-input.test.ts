// Bad input gets a clear, typed error naming what was wrong: never a crash, never a 500.
import type { ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

const BadInputArticles = graphql(`
  query BadInputArticles($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter) {
    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
      totalCount
      pageInfo { startCursor endCursor }
      nodes { slug }
    }
  }
`);

const BadInputComments = graphql(`
  query BadInputComments($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {
    article(slug: $slug) {
      comments(first: $first, last: $last, after: $after, before: $before) {
        totalCount
        pageInfo { startCursor endCursor }
        nodes { body }
      }
    }
  }
`);

const BadInputReplies = graphql(`
  query BadInputReplies($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {
    article(slug: $slug) {
      comments(first: 1) {
        nodes {
          replies(first: $first, last: $last, after: $after, before: $before) {
            totalCount
            pageInfo { startCursor endCursor }
            nodes { body }
          }
        }
      }
    }
  }
`);

const BadInputQuotes = graphql(`
  query BadInputQuotes($first: Int, $last: Int, $after: String, $before: String) {
    quotes(first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo { startCursor endCursor }
      nodes { text }
    }
  }
`);

const BadInputAuthors = graphql(`
  query BadInputAuthors($first: Int, $last: Int, $after: String, $before: String) {
    authors(first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo { startCursor endCursor }
      nodes { slug }
    }
  }
`);

interface PageArgs {
  first?: number;
  last?: number;
  after?: string;
  before?: string;
}

// The first comment of this article has replies, so every list below has something to page.
const slug = "quillstones-coding-assistant-now-writes-tests-by-default-and-developers-are-split";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Each paginated list, asked with the same page arguments. */
const lists: [string, (args: PageArgs) => Promise<ExecutionResult<unknown>>][] = [
  ["articles", (args) => t.execute(BadInputArticles, args)],
  ["Article.comments", (args) => t.execute(BadInputComments, { slug, ...args })],
  ["Comment.replies", (args) => t.execute(BadInputReplies, { slug, ...args })],
  ["quotes", (args) => t.execute(BadInputQuotes, args)],
  ["authors", (args) => t.execute(BadInputAuthors, args)],
];
/** Lists whose cursor starts with an instant; the authors' starts with a name, which any text is. */
const keyedByDate = new Set(["articles", "Article.comments", "Comment.replies", "quotes"]);

/** Posts a query as raw text: invalid input cannot be written as a typed document. */
async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await t.app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as ExecutionResult };
}

function expectBadUserInput(result: ExecutionResult<unknown>, argument: string, message: RegExp) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  const [error] = result.errors ?? [];
  expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(error?.extensions?.argument).toBe(argument);
  expect(error?.message).toMatch(message);
  expect(error?.message).toContain(`\`${argument}\``);
}

describe("page sizes", () => {
  it.each(lists)("are refused beyond 100 or below 0 on %s", async (_name, run) => {
    expectBadUserInput(await run({ first: 101 }), "first", /between 0 and 100, got 101/);
    expectBadUserInput(await run({ first: -1 }), "first", /between 0 and 100, got -1/);
    expectBadUserInput(await run({ last: 101 }), "last", /between 0 and 100, got 101/);
    expectBadUserInput(await run({ last: -1 }), "last", /between 0 and 100, got -1/);
  });

  it.each(lists)("accept 0 and 100 on %s", async (_name, run) => {
    for (const args of [{ first: 0 }, { first: 100 }, { last: 100 }]) {
      const result = await run(args);
      expect(result.errors, JSON.stringify(args)).toBeUndefined();
    }
  });

  it.each(lists)("refuse first and last together on %s", async (_name, run) => {
    expectBadUserInput(await run({ first: 2, last: 2 }), "last", /`first` or `last`, not both/);
  });
});

describe("cursors", () => {
  const base64url = (text: string) => Buffer.from(text).toString("base64url");
  const malformed: [string, string][] = [
    ["a random string", "garbage!!"],
    ["base64 of a JSON object", Buffer.from('{"a":1}').toString("base64")],
    ["base64 of plain text", base64url("hello world")],
    ["a key of the wrong length", base64url(JSON.stringify(["2026-09-01T06:30:00.000Z"]))],
    ["a key of the wrong types", base64url(JSON.stringify(["x", "y"]))],
    [
      "a key with a bad date (for lists keyed by date)",
      base64url(JSON.stringify(["2026-13-45T00:00:00.000Z", "2b5e0f4e-6f1c-4b7a-9d1e-0c4a4a3e7f11"])),
    ],
    ["a key with a bad id", base64url(JSON.stringify(["2026-09-01T06:30:00.000Z", "not-a-uuid"]))],
    ["a key with nested values", base64url(JSON.stringify([["a"], { b: 1 }]))],
  ];

  it.each(lists)("are refused as bad input on %s when malformed", async (name, run) => {
    for (const [label, cursor] of malformed) {
      if (label.includes("bad date") && !keyedByDate.has(name)) continue;
      const after = await run({ first: 2, after: cursor });
      expect(after.errors?.[0]?.message, label).not.toBe("Unexpected error.");
      expectBadUserInput(after, "after", /not a valid cursor/);
      expectBadUserInput(await run({ last: 2, before: cursor }), "before", /not a valid cursor/);
    }
  });

  it.each(lists)("that the list gave out still work on %s", async (_name, run) => {
    const first = (await run({ first: 1 })) as ExecutionResult<Record<string, unknown>>;
    expect(first.errors).toBeUndefined();
    const endCursor = JSON.stringify(first.data).match(/"endCursor":"([^"]+)"/)?.[1];
    expect(endCursor).toBeTruthy();
    const next = await run({ first: 1, after: endCursor as string });
    expect(next.errors).toBeUndefined();
  });
});

describe("enum values and scalars", () => {
  it.each([
    [
      "an unknown language",
      "{ articles(first: 5, filter: { language: XX }) { totalCount } }",
      /"XX".*Language/,
    ],
    ["an unknown order", "{ articles(first: 5, orderBy: NEWEST) { totalCount } }", /"NEWEST".*ArticleOrder/],
    [
      "a language in lower case",
      '{ articles(first: 5, filter: { language: "fr" }) { totalCount } }',
      /Language/,
    ],
    [
      "an invalid DateTime literal",
      '{ articles(first: 5, filter: { publishedAfter: "yesterday" }) { totalCount } }',
      /DateTime/,
    ],
    [
      "an impossible DateTime literal",
      '{ articles(first: 5, filter: { publishedAfter: "2026-13-45T00:00:00Z" }) { totalCount } }',
      /DateTime/,
    ],
  ])("are refused by validation: %s", async (_label, query, message) => {
    const { status, body } = await post(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it.each([
    [
      "an unknown language",
      "query ($language: Language) { articles(filter: { language: $language }) { totalCount } }",
      { language: "XX" },
    ],
    [
      "an invalid DateTime",
      "query ($at: DateTime) { articles(filter: { publishedAfter: $at }) { totalCount } }",
      { at: "not a date" },
    ],
    [
      "an impossible DateTime",
      "query ($at: DateTime) { articles(filter: { publishedAfter: $at }) { totalCount } }",
      { at: "2026-02-30T25:00:00Z" },
    ],
  ])("are refused in variables: %s", async (_label, query, variables) => {
    const { status, body } = await post(query, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toMatch(/^Variable "\$\w+" got invalid value/);
  });

  it("refuses an invalid DateTime in a typed filter too", async () => {
    const result = await t.execute(BadInputArticles, { first: 5, filter: { publishedAfter: "yesterday" } });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(
      /DateTime cannot represent an invalid date-time-string yesterday/,
    );
  });
});
