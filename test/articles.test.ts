import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderBody } from "../src/modules/article/article.content.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { ArticlePage, busyArticleSlug, FrontPage } from "./setup/pages.ts";

const FrontPageNoTotal = graphql(`
  query FrontPageNoTotal($first: Int!) {
    articles(first: $first) {
      edges {
        node {
          slug
          ... on Article { author { name } tags { slug } }
          ...Counted
          comments(first: 3) { nodes { authorName body } }
        }
      }
    }
  }
  fragment Counted on Article { commentCount }
`);

const ArticleList = graphql(`
  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }
    }
  }
`);

const ArticleListBodies = graphql(`
  query ArticleListBodies($first: Int!) {
    articles(first: $first) { nodes { slug body bodyHtml } }
  }
`);

const ArticleBySlug = graphql(`
  query ArticleBySlug($slug: String!) {
    article(slug: $slug) { slug status title body bodyHtml }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the front page", () => {
  it("costs the same few statements for 5, 20 or 50 articles", async () => {
    const counts: number[] = [];
    for (const first of [5, 20, 50]) {
      const { result, statements } = await t.countStatements(() => t.execute(FrontPage, { first }));
      expect(result.errors).toBeUndefined();
      expect(result.data?.articles.nodes.length).toBe(Math.min(first, 30));
      counts.push(statements.length);
    }
    // the page with its parts (author, tags, count) and first comments; totalCount
    expect(counts).toEqual([2, 2, 2]);
  });

  it("costs one statement without totalCount: the page with its parts and its first comments", async () => {
    const { result, statements } = await t.countStatements(() => t.execute(FrontPageNoTotal, { first: 20 }));
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.articles.edges.map((e) => e.node) ?? [];
    expect(nodes).toHaveLength(20);
    expect(
      nodes.every((n) => n.author.name && n.tags.length > 0 && n.commentCount >= n.comments.nodes.length),
    ).toBe(true);
    expect(statements).toHaveLength(1);
    // The bodies (Markdown and HTML, read together), most of an article's bytes, are not read
    // for a list that does not show them.
    expect(statements[0]).not.toMatch(/body_html/);
  });

  it("reads the bodies in the page's own statement when the list shows them", async () => {
    const { result, statements } = await t.countStatements(() => t.execute(ArticleListBodies, { first: 5 }));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    for (const node of result.data?.articles.nodes ?? []) {
      const alone = await t.execute(ArticleBySlug, { slug: node.slug });
      expect(node.body).toBe(alone.data?.article?.body);
      expect(node.bodyHtml).toBe(alone.data?.article?.bodyHtml);
    }
    expect(result.data?.articles.nodes).toHaveLength(5);
  });

  it("shows the newest published articles with author, tags, count and their 3 oldest approved comments", async () => {
    const { data } = await t.execute(FrontPage, { first: 30 });
    const nodes = data?.articles.nodes ?? [];
    expect(data?.articles.totalCount).toBe(30);
    const dates = nodes.map((n) => Date.parse(n.publishedAt as string));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const node of nodes) {
      expect(node.author.name).toBeTruthy();
      expect(node.tags.length).toBeGreaterThan(0);
      expect(node.comments.nodes.length).toBeLessThanOrEqual(3);
      expect(node.comments.nodes.length).toBeLessThanOrEqual(node.commentCount);
    }
    expect(nodes.some((n) => n.commentCount > 3)).toBe(true);
  });
});

describe("an article page", () => {
  it("costs one statement with quotes, sources, 20 comments and two levels of replies", async () => {
    const slug = busyArticleSlug;
    const { result, statements } = await t.countStatements(() => t.execute(ArticlePage, { slug }));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    const article = result.data?.article;
    expect(article?.comments.nodes).toHaveLength(20);
    expect(article?.comments.totalCount).toBeGreaterThan(20);
    expect(article?.quotes.length).toBeGreaterThan(0);
    expect(article?.sources.length).toBeGreaterThan(0);
    const withReplies = article?.comments.nodes.filter((c) => c.replyCount > 0) ?? [];
    expect(withReplies.length).toBeGreaterThan(0);
    for (const comment of article?.comments.nodes ?? []) {
      expect(comment.replies.nodes).toHaveLength(comment.replyCount);
    }
  });

  it("renders the Markdown body to sanitised HTML and estimates the reading time", async () => {
    const { data } = await t.execute(FrontPage, { first: 1 });
    const slug = data?.articles.nodes[0]?.slug as string;
    const page = await t.execute(ArticlePage, { slug });
    const html = page.data?.article?.bodyHtml ?? "";
    expect(html).toMatch(/<p>/);
    expect(html).toMatch(/<h2>/);
    expect(html).not.toMatch(/<script/i);
    expect(page.data?.article?.readingTimeMinutes).toBeGreaterThanOrEqual(1);
  });

  describe("links and images of the rendered body", () => {
    const EXTERNAL = 'rel="noopener noreferrer nofollow"';
    it.each([
      [
        "a Markdown link without a scheme as an https one",
        "[x](//evil.example/a)",
        `<a href="https://evil.example/a" ${EXTERNAL}>`,
      ],
      [
        "an HTML link without a scheme as an https one",
        '<a href="//evil.example">x</a>',
        `<a href="https://evil.example/" ${EXTERNAL}>`,
      ],
      [
        "a link written /\\host, which browsers read as //host, as an https one",
        '<a href="/\\evil.example">x</a>',
        `<a href="https://evil.example/" ${EXTERNAL}>`,
      ],
      [
        "a link with spaces before its // as an https one",
        '<a href=" //evil.example">x</a>',
        `<a href="https://evil.example/" ${EXTERNAL}>`,
      ],
      ["an https link as written", "[x](https://ok.example)", `<a href="https://ok.example" ${EXTERNAL}>`],
      ["a link within the site as written", "[x](/about)", `<a href="/about" ${EXTERNAL}>`],
    ])("renders %s, with the rel of external links", (_label, body, expected) => {
      expect(renderBody(body)).toContain(expected);
    });

    it.each([
      [
        "an https image",
        "![a](https://img.example/i.png)",
        '<img src="https://img.example/i.png" alt="a" />',
      ],
      [
        "one without a scheme, as https",
        "![a](//img.example/i.png)",
        '<img src="https://img.example/i.png" alt="a" />',
      ],
      ["one of lede's media", "![a](/media/42/800.webp)", '<img src="/media/42/800.webp" alt="a" />'],
      [
        "one written /\\host, as https",
        '<img src="/\\img.example/i.png">',
        '<img src="https://img.example/i.png" />',
      ],
    ])("keeps %s", (_label, body, expected) => {
      expect(renderBody(body)).toContain(expected);
    });

    it.each([
      ["a relative image", "![a](img.png)"],
      ["a path outside /media/", "![a](/etc/logo.png)"],
      ["a /media/ path that climbs out", '<img src="/media/../admin.png">'],
      ["an http image", "![a](http://img.example/i.png)"],
      ["a data: image", "![a](data:image/png;base64,AAAA)"],
    ])("drops %s whole", (_label, body) => {
      expect(renderBody(body)).not.toContain("<img");
    });
  });

  it("is null for an unknown slug", async () => {
    const { data, errors } = await t.execute(ArticleBySlug, { slug: "no-such-article" });
    expect(errors).toBeUndefined();
    expect(data?.article).toBeNull();
  });
});

describe("visibility", () => {
  it("hides drafts, scheduled and archived articles from the public and shows them to staff", async () => {
    const token = await staffToken(t, "editor");
    const hidden = ["draft", "scheduled", "archived"] as const;
    const staffList = await t.execute(
      ArticleList,
      { first: 100, filter: { status: ["DRAFT", "SCHEDULED", "ARCHIVED"] } },
      { token },
    );
    const slugs = staffList.data?.articles.edges.map((e) => e.node.slug) ?? [];
    expect(slugs.length).toBe(4);
    expect(new Set(staffList.data?.articles.edges.map((e) => e.node.status.toLowerCase()))).toEqual(
      new Set(hidden),
    );
    for (const slug of slugs) {
      expect((await t.execute(ArticleBySlug, { slug })).data?.article).toBeNull();
      expect((await t.execute(ArticleBySlug, { slug }, { token })).data?.article?.slug).toBe(slug);
    }
    const publicList = await t.execute(ArticleList, { first: 100 });
    expect(publicList.data?.articles.edges.every((e) => e.node.status === "PUBLISHED")).toBe(true);
  });

  it("refuses a status filter from the public", async () => {
    const { errors } = await t.execute(ArticleList, { first: 5, filter: { status: ["DRAFT"] } });
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("filters and order", () => {
  it("filters by author, tag and language", async () => {
    const byAuthor = await t.execute(ArticleList, { first: 100, filter: { author: "priya-nair" } });
    expect(byAuthor.data?.articles.edges.length).toBeGreaterThan(0);
    expect(
      byAuthor.data?.articles.edges.every((e) => e.node.authors.some((a) => a.slug === "priya-nair")),
    ).toBe(true);
    expect(byAuthor.data?.articles.totalCount).toBe(byAuthor.data?.articles.edges.length);

    const byTag = await t.execute(ArticleList, { first: 100, filter: { tag: "space" } });
    expect(byTag.data?.articles.edges.length).toBeGreaterThan(2);
    expect(byTag.data?.articles.edges.every((e) => e.node.tags.some((tag) => tag.slug === "space"))).toBe(
      true,
    );

    const french = await t.execute(ArticleList, { first: 100, filter: { language: "FR" } });
    const english = await t.execute(ArticleList, { first: 100, filter: { language: "EN" } });
    expect(french.data?.articles.edges.every((e) => e.node.language === "FR")).toBe(true);
    expect((french.data?.articles.totalCount ?? 0) + (english.data?.articles.totalCount ?? 0)).toBe(30);

    const nobody = await t.execute(ArticleList, { first: 5, filter: { author: "no-such-author" } });
    expect(nobody.data?.articles).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("filters by a published date range, start included and end excluded", async () => {
    const all = await t.execute(ArticleList, { first: 100 });
    const dates = (all.data?.articles.edges ?? []).map((e) => e.node.publishedAt as string);
    const from = dates[20] as string;
    const before = dates[5] as string;
    const ranged = await t.execute(ArticleList, {
      first: 100,
      filter: { publishedAfter: from, publishedBefore: before },
    });
    expect(ranged.data?.articles.edges.map((e) => e.node.publishedAt)).toEqual(dates.slice(6, 21));
  });

  it("orders oldest first on request", async () => {
    const newest = await t.execute(ArticleList, { first: 100 });
    const oldest = await t.execute(ArticleList, { first: 100, orderBy: "PUBLISHED_AT_ASC" });
    expect(oldest.data?.articles.edges.map((e) => e.node.slug)).toEqual(
      newest.data?.articles.edges.map((e) => e.node.slug).reverse(),
    );
  });
});

describe("pagination", () => {
  it("walks forward and backward with cursors, without gaps or repeats", async () => {
    const all =
      (await t.execute(ArticleList, { first: 100 })).data?.articles.edges.map((e) => e.node.slug) ?? [];
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await t.execute(ArticleList, { first: 7, after })).data?.articles;
      seen.push(...(page?.edges.map((e) => e.node.slug) ?? []));
      expect(page?.totalCount).toBe(30);
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);

    const lastFive = (await t.execute(ArticleList, { last: 5 })).data?.articles;
    expect(lastFive?.edges.map((e) => e.node.slug)).toEqual(all.slice(-5));
    expect(lastFive?.pageInfo.hasPreviousPage).toBe(true);
    const beforeThose = (await t.execute(ArticleList, { last: 5, before: lastFive?.pageInfo.startCursor }))
      .data?.articles;
    expect(beforeThose?.edges.map((e) => e.node.slug)).toEqual(all.slice(-10, -5));
  });
});
