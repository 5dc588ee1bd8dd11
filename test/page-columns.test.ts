// A page statement carries only the columns its query shows of authors and comments (bylines, a
// comment's gist). Where one query shows more of the same article elsewhere, those fields still
// get their values: the resolvers that need whole rows ask for them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

const FirstSlugs = graphql(`
  query FirstSlugs {
    articles(first: 20) { nodes { slug } }
  }
`);

const WholeArticle = graphql(`
  query WholeArticle($slug: String!) {
    article(slug: $slug) { ...WholeAuthorsAndComments }
  }
  fragment WholeAuthorsAndComments on Article {
    author { name bio jobTitle avatarUrl links { label url } }
    authors { slug avatarUrl }
    comments(first: 5) {
      nodes {
        body
        authorUrl
        article { slug }
        replies(first: 3) { nodes { body authorUrl parent { body } } }
      }
    }
  }
`);

const BylinesBesideWholeArticle = graphql(`
  query BylinesBesideWholeArticle($slug: String!) {
    articles(first: 20) {
      nodes {
        slug
        author { name }
        comments(first: 5) { nodes { authorName body replies(first: 3) { nodes { body } } } }
      }
    }
    article(slug: $slug) { ...WholeAuthorsAndComments }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("columns by selection", () => {
  it("answers whole authors and comments beside a list that read only bylines and gists", async () => {
    const slugs = (await t.execute(FirstSlugs)).data?.articles.nodes.map((node) => node.slug) ?? [];
    expect(slugs.length).toBeGreaterThan(0);
    let checked = 0;
    for (const slug of slugs) {
      const alone = await t.execute(WholeArticle, { slug });
      expect(alone.errors).toBeUndefined();
      const beside = await t.execute(BylinesBesideWholeArticle, { slug });
      expect(beside.errors).toBeUndefined();
      expect(beside.data?.article).toEqual(alone.data?.article);
      if (alone.data?.article?.author.bio && alone.data.article.comments.nodes.length > 0) checked++;
    }
    // Articles with a bio and comments were among them: the comparison saw whole rows.
    expect(checked).toBeGreaterThan(0);
  });
});
