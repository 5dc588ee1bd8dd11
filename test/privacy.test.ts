// No public field can return an email, an IP, or anything derived from them: proven over the
// whole schema, and over the responses of a broad set of public queries.
import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedArticles } from "../src/db/seed-content.ts";
import { schema } from "../src/graphql/schema.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { articleGlobalId, knownCommenterEmail, openArticle } from "./setup/seed-facts.ts";

const PRIVATE_NAME = /email|(^|[^a-z])ip($|[^a-z])|^ip|ipHash|userAgent|token|secret|hash/i;

/** Staff-only fields and types carry a scope-auth requirement in their Pothos options. */
const staffOnly = (thing: { extensions?: unknown }) =>
  Boolean(
    (thing.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes,
  );

function publicTypes(): Map<string, GraphQLNamedType> {
  const seen = new Map<string, GraphQLNamedType>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name) || staffOnly(type)) return;
    seen.set(type.name, type);
    if (isUnionType(type)) for (const member of type.getTypes()) visit(member);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (!staffOnly(field)) visit(getNamedType(field.type));
      }
      for (const implementation of isInterfaceType(type) ? schema.getPossibleTypes(type) : [])
        visit(implementation);
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) visit(root);
  }
  return seen;
}

describe("the public schema", () => {
  it("has no field that could carry an email, an IP or anything derived from them", () => {
    const offending: string[] = [];
    const types = publicTypes();
    expect(types.has("Comment")).toBe(true);
    expect(types.has("ModerationComment")).toBe(false);
    for (const type of types.values()) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!staffOnly(field) && PRIVATE_NAME.test(field.name)) offending.push(`${type.name}.${field.name}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("keeps the types that show emails behind staff scopes", () => {
    const moderation = schema.getType("ModerationComment");
    expect(moderation && staffOnly(moderation)).toBe(true);
  });
});

const PostPrivate = graphql(`
  mutation PostPrivate($input: PostCommentInput!) {
    postComment(input: $input) {
      __typename
      ... on PostCommentSuccess { status comment { id authorName body authorUrl article { slug } } }
    }
  }
`);

const Broad = graphql(`
  query BroadPublic($slug: String!) {
    articles(first: 50) {
      nodes {
        id slug title commentCount
        authors { slug name bio links { url } articles(first: 2) { nodes { slug } } }
        comments(first: 50) {
          nodes {
            id authorName authorUrl body createdAt replyCount
            parent { id }
            replies(first: 50) { nodes { id authorName authorUrl body replies(first: 50) { nodes { id authorName body } } } }
          }
        }
      }
    }
    article(slug: $slug) {
      comments(last: 50) { nodes { id authorName authorUrl body article { slug } } }
    }
    quotes(first: 50) { nodes { speaker text article { slug } } }
    authors(first: 50) { nodes { name } }
    tags { slug articles(first: 5) { nodes { slug } } }
    viewer { name }
  }
`);

const NodeLookup = graphql(`
  query PrivacyNodes($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Comment { authorName body authorUrl } }
  }
`);

describe("public responses", () => {
  let t: TestApp;
  let clock = new Date("2026-11-23T09:00:00Z").getTime();
  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date(clock) });
  });
  afterAll(() => t.close());

  it("never contain a commenter's email, whatever the comment's status", async () => {
    const secrets = ["private.person@example.org", "another.private@example.net", knownCommenterEmail];
    const ids: string[] = [];
    for (const [index, email] of secrets.entries()) {
      clock += 60_000;
      const result = await t.execute(PostPrivate, {
        input: {
          articleId: articleGlobalId(openArticle.slug),
          authorName: `Private ${index}`,
          authorEmail: email,
          authorUrl: "https://example.com/me",
          body: `My email is not for you (${index})`,
        },
      });
      expect(result.data?.postComment.__typename).toBe("PostCommentSuccess");
      expect(JSON.stringify(result)).not.toContain(email);
      if (result.data?.postComment.__typename === "PostCommentSuccess")
        ids.push(result.data.postComment.comment.id);
    }
    const editor = await staffToken(t, "editor");
    const responses = [
      await t.execute(Broad, { slug: openArticle.slug }),
      await t.execute(NodeLookup, { ids }),
      ...(await Promise.all(seedArticles.slice(0, 10).map((a) => t.execute(Broad, { slug: a.slug })))),
    ];
    // Staff reading public types do not see emails either: only the moderation types show them.
    responses.push(await t.execute(Broad, { slug: openArticle.slug }, { token: editor }));
    for (const response of responses) {
      expect(response.errors).toBeUndefined();
      const text = JSON.stringify(response);
      for (const email of secrets) expect(text).not.toContain(email);
      expect(text).not.toMatch(/@example\.(org|net|com)/);
    }
  });
});
