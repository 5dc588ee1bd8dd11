// Global ids: node() and nodes() find every kind of node, respect visibility, batch, and answer a
// malformed id with a clear error or null, never an internal one.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { type ExecutionResult, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments } from "../src/db/schema.ts";
import { graphql } from "./generated/gql.ts";
import type { NodeLookupQuery } from "./generated/graphql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";

const NodeLookup = graphql(`
  query NodeLookup($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Article { slug status }
      ... on Author { slug }
      ... on Tag { slug }
      ... on Quote { text }
      ... on Comment { body }
    }
  }
`);

const NodesLookup = graphql(`
  query NodesLookup($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Article { slug }
      ... on Author { slug }
      ... on Tag { slug }
      ... on Quote { text }
      ... on Comment { body }
    }
  }
`);

const NodeSamples = graphql(`
  query NodeSamples($slug: String!) {
    article(slug: $slug) {
      id
      slug
      author { id slug }
      tags { id slug }
      quotes { id text }
      comments(first: 3) { nodes { id body } }
    }
    articles(first: 3) { nodes { id slug } }
  }
`);

const NodeStaffArticles = graphql(`
  query NodeStaffArticles($status: [ArticleStatus!]) {
    articles(first: 10, filter: { status: $status }) { nodes { id slug status quotes { id text } } }
  }
`);

const slug = "quillstones-coding-assistant-now-writes-tests-by-default-and-developers-are-split";

type Sample = NonNullable<NodeLookupQuery["node"]>;

let t: TestApp;
let samples: { id: string; expected: Partial<Sample> }[];
let articleIds: string[];

/** Posts a query as raw text, to see the HTTP status beside the body. */
async function post(query: string, variables: Record<string, unknown>) {
  const response = await t.app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as ExecutionResult<NodeLookupQuery> };
}

beforeAll(async () => {
  t = await createTestApp();
  const { data, errors } = await t.execute(NodeSamples, { slug });
  expect(errors).toBeUndefined();
  const article = data?.article;
  if (!article) throw new Error(`no article ${slug}`);
  const [tag] = article.tags;
  const [quote] = article.quotes;
  const [comment] = article.comments.nodes;
  if (!tag || !quote || !comment) throw new Error("the sample article lacks a tag, quote or comment");
  samples = [
    { id: article.id, expected: { __typename: "Article", slug: article.slug, status: "PUBLISHED" } },
    { id: article.author.id, expected: { __typename: "Author", slug: article.author.slug } },
    { id: tag.id, expected: { __typename: "Tag", slug: tag.slug } },
    { id: quote.id, expected: { __typename: "Quote", text: quote.text } },
    { id: comment.id, expected: { __typename: "Comment", body: comment.body } },
  ];
  articleIds = data?.articles.nodes.map((n) => n.id) ?? [];
});
afterAll(() => t.close());

describe("node", () => {
  it("finds an Article, Author, Tag, Quote and Comment by the id they give", async () => {
    for (const sample of samples) {
      const { data, errors } = await t.execute(NodeLookup, { id: sample.id });
      expect(errors).toBeUndefined();
      expect(data?.node).toEqual({ id: sample.id, ...sample.expected });
    }
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
  });

  it("answers nodes() in the order of the ids asked, repeats and unknown ids included", async () => {
    const ids = [...samples.map((s) => s.id), samples[0]?.id as string];
    const { data, errors } = await t.execute(NodesLookup, { ids });
    expect(errors).toBeUndefined();
    expect(data?.nodes.map((n) => n?.id)).toEqual(ids);
    expect(data?.nodes.map((n) => n?.__typename)).toEqual([
      "Article",
      "Author",
      "Tag",
      "Quote",
      "Comment",
      "Article",
    ]);
    const unknown = encodeGlobalID("Tag", "00000000-0000-4000-8000-000000000000");
    const mixed = await t.execute(NodesLookup, { ids: [unknown, samples[2]?.id as string] });
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data?.nodes).toEqual([null, expect.objectContaining({ __typename: "Tag" })]);
  });

  it("does not find a node under another type's name", async () => {
    const articleUuid = Buffer.from(samples[0]?.id as string, "base64")
      .toString()
      .split(":")[1] as string;
    const { data, errors } = await t.execute(NodeLookup, { id: encodeGlobalID("Author", articleUuid) });
    expect(errors).toBeUndefined();
    expect(data?.node).toBeNull();
  });
});

describe("visibility", () => {
  it("hides a draft article and a scheduled article's quote from the public, not from staff", async () => {
    const token = await staffToken(t, "editor");
    const drafts = (await t.execute(NodeStaffArticles, { status: ["DRAFT"] }, { token })).data?.articles
      .nodes;
    const draft = drafts?.[0];
    expect(draft?.status).toBe("DRAFT");
    const scheduled = (await t.execute(NodeStaffArticles, { status: ["SCHEDULED"] }, { token })).data
      ?.articles.nodes[0];
    const scheduledQuote = scheduled?.quotes[0];
    expect(scheduledQuote).toBeDefined();

    const ids = [draft?.id as string, scheduledQuote?.id as string];
    const anonymous = await t.execute(NodesLookup, { ids });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?.nodes).toEqual([null, null]);
    expect((await t.execute(NodeLookup, { id: draft?.id as string })).data?.node).toBeNull();

    const staff = await t.execute(NodesLookup, { ids }, { token });
    expect(staff.errors).toBeUndefined();
    expect(staff.data?.nodes).toEqual([
      { __typename: "Article", id: draft?.id, slug: draft?.slug },
      { __typename: "Quote", id: scheduledQuote?.id, text: scheduledQuote?.text },
    ]);
  });

  it("hides a pending comment", async () => {
    const [pending] = await t.db
      .select({ id: comments.id, body: comments.body })
      .from(comments)
      .where(eq(comments.status, "pending"))
      .limit(1);
    expect(pending).toBeDefined();
    const { data, errors } = await t.execute(NodeLookup, {
      id: encodeGlobalID("Comment", pending?.id as string),
    });
    expect(errors).toBeUndefined();
    expect(data?.node).toBeNull();
  });
});

describe("a malformed id", () => {
  const base64 = (text: string) => Buffer.from(text).toString("base64");

  it.each([
    ["a string that is not base64 of anything", "not-an-id"],
    ["an unknown type", base64("Nope:123")],
    ["a type that has no ids", base64("SocialLink:00000000-0000-4000-8000-000000000000")],
    ["no id after the type", base64("Article:")],
    ["no separator", base64("Article")],
    ["an empty string", ""],
  ])("is refused as bad input: %s", async (_label, id) => {
    for (const query of [print(NodeLookup), print(NodesLookup)]) {
      const { status, body } = await post(query, query.includes("nodes(") ? { ids: [id] } : { id });
      expect(status).toBe(200);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0]?.message).toMatch(/is not a valid id/);
    }
  });

  it.each([
    ["an Article id with no uuid inside", base64("Article:123")],
    ["a Comment id with no uuid inside", base64("Comment:not-a-uuid")],
    ["an Author id with SQL inside", base64("Author:1' or '1'='1")],
  ])("is not found: %s", async (_label, id) => {
    const { status, body } = await post(print(NodeLookup), { id });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.node).toBeNull();

    const mixed = await t.execute(NodesLookup, { ids: [id, samples[0]?.id as string] });
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data?.nodes.map((n) => n?.id ?? null)).toEqual([null, samples[0]?.id]);
  });
});

describe("statements", () => {
  it("load 1 or 3 ids of a type in one batch", async () => {
    const counts: number[] = [];
    for (const ids of [articleIds.slice(0, 1), articleIds]) {
      const { result, statements } = await t.countStatements(() => t.execute(NodesLookup, { ids }));
      expect(result.data?.nodes.map((n) => n?.id)).toEqual(ids);
      counts.push(statements.length);
    }
    expect(articleIds).toHaveLength(3);
    expect(counts).toEqual([1, 1]);
  });

  it("load 3 comments with their articles' visibility in two statements", async () => {
    const page = await t.execute(NodeSamples, { slug });
    const ids = page.data?.article?.comments.nodes.map((c) => c.id) ?? [];
    expect(ids).toHaveLength(3);
    const counts: number[] = [];
    for (const batch of [ids.slice(0, 1), ids]) {
      const { result, statements } = await t.countStatements(() => t.execute(NodesLookup, { ids: batch }));
      expect(result.data?.nodes.map((n) => n?.__typename)).toEqual(batch.map(() => "Comment"));
      counts.push(statements.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  it("load one statement per type for mixed ids", async () => {
    const ids = samples.slice(0, 3).map((s) => s.id);
    const { result, statements } = await t.countStatements(() => t.execute(NodesLookup, { ids }));
    expect(result.data?.nodes.map((n) => n?.__typename)).toEqual(["Article", "Author", "Tag"]);
    expect(statements).toHaveLength(3);
  });

  it("send nothing to the database for an id that cannot exist", async () => {
    const id = Buffer.from("Article:123").toString("base64");
    const { result, statements } = await t.countStatements(() => t.execute(NodeLookup, { id }));
    expect(result.data?.node).toBeNull();
    expect(statements).toEqual([]);
  });
});
