// Authors, tags, quotes and sources: the catalogue around the articles, checked against the seed.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folded, quotes } from "../src/db/schema.ts";
import { seedArticles, seedAuthors, seedTags } from "../src/db/seed-content.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { planWithoutSeqScan } from "./setup/plans.ts";

const CatalogAuthor = graphql(`
  query CatalogAuthor($slug: String!) {
    author(slug: $slug) {
      id
      slug
      name
      bio
      avatarUrl
      jobTitle
      links { label url }
    }
  }
`);

const CatalogAuthors = graphql(`
  query CatalogAuthors($first: Int, $after: String, $last: Int, $before: String) {
    authors(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { slug name } }
    }
  }
`);

const CatalogAuthorArticles = graphql(`
  query CatalogAuthorArticles($slug: String!, $first: Int, $after: String) {
    author(slug: $slug) {
      slug
      articles(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { slug status publishedAt authors { slug } }
      }
    }
  }
`);

const CatalogTag = graphql(`
  query CatalogTag($slug: String!, $first: Int) {
    tag(slug: $slug) {
      id
      slug
      name
      articles(first: $first) {
        totalCount
        nodes { slug publishedAt tags { slug } }
      }
    }
  }
`);

const CatalogTags = graphql(`
  query CatalogTags {
    tags { id slug name }
  }
`);

const CatalogQuotes = graphql(`
  query CatalogQuotes($speaker: String, $first: Int, $after: String, $last: Int, $before: String) {
    quotes(speaker: $speaker, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id
          text
          speaker
          speakerRole
          article { slug status publishedAt quotes { id } }
        }
      }
    }
  }
`);

const CatalogArticleParts = graphql(`
  query CatalogArticleParts($slug: String!) {
    article(slug: $slug) {
      quotes { text speaker speakerRole }
      sources { title publisher url }
    }
  }
`);

const published = seedArticles.filter((a) => a.status === "published");
const newestFirst = (a: { publishedAt: string | null }, b: { publishedAt: string | null }) =>
  Date.parse(b.publishedAt as string) - Date.parse(a.publishedAt as string);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("author", () => {
  it("shows every field of each author, links included", async () => {
    for (const seed of seedAuthors) {
      const { data, errors } = await t.execute(CatalogAuthor, { slug: seed.slug });
      expect(errors).toBeUndefined();
      const { id, ...author } = data?.author ?? { id: "" };
      expect(id).toBeTruthy();
      expect(author).toEqual({
        slug: seed.slug,
        name: seed.name,
        bio: seed.bio,
        avatarUrl: seed.avatarUrl,
        jobTitle: seed.jobTitle,
        links: seed.links,
      });
    }
    const priya = (await t.execute(CatalogAuthor, { slug: "priya-nair" })).data?.author;
    expect(priya?.links).toEqual([
      { label: "Website", url: "https://example.net/priya" },
      { label: "PGP key", url: "https://example.net/priya/pgp.txt" },
    ]);
    const margaux = (await t.execute(CatalogAuthor, { slug: "margaux-lefevre" })).data?.author;
    expect(margaux).toMatchObject({ avatarUrl: null, links: [] });
  });

  it("is null for an unknown slug", async () => {
    const { data, errors } = await t.execute(CatalogAuthor, { slug: "no-such-author" });
    expect(errors).toBeUndefined();
    expect(data?.author).toBeNull();
  });

  it("lists the author's published articles, co-written ones included, newest first", async () => {
    for (const seed of seedAuthors) {
      const expected = published
        .filter((a) => a.authorSlugs.includes(seed.slug))
        .sort(newestFirst)
        .map((a) => a.slug);
      const { data, errors } = await t.execute(CatalogAuthorArticles, { slug: seed.slug, first: 100 });
      expect(errors).toBeUndefined();
      const articles = data?.author?.articles;
      expect(
        articles?.nodes.map((n) => n.slug),
        seed.slug,
      ).toEqual(expected);
      expect(articles?.totalCount).toBe(expected.length);
      expect(articles?.nodes.every((n) => n.status === "PUBLISHED")).toBe(true);
      expect(articles?.nodes.every((n) => n.authors.some((a) => a.slug === seed.slug))).toBe(true);
    }
    // Théo co-wrote some of his articles, and has a draft that the public does not see.
    const theo = (await t.execute(CatalogAuthorArticles, { slug: "theo-garnier", first: 100 })).data?.author;
    const coWritten = theo?.articles.nodes.filter((n) => n.authors[0]?.slug !== "theo-garnier") ?? [];
    expect(coWritten.map((n) => n.slug)).toContain(
      "voltaia-signs-grid-storage-deal-with-nordic-utility-fjordvik-energi",
    );
    expect(theo?.articles.nodes.map((n) => n.slug)).not.toContain(
      "halden-preparerait-un-processeur-mobile-grave-en-2-nm",
    );
  });

  it("lists drafts too for staff", async () => {
    const token = await staffToken(t, "editor");
    const { data } = await t.execute(CatalogAuthorArticles, { slug: "theo-garnier", first: 100 }, { token });
    const slugs = data?.author?.articles.nodes.map((n) => n.slug) ?? [];
    expect(slugs).toContain("halden-preparerait-un-processeur-mobile-grave-en-2-nm");
    expect(slugs.length).toBe(seedArticles.filter((a) => a.authorSlugs.includes("theo-garnier")).length);
  });

  it("pages through an author's articles", async () => {
    const all =
      (
        await t.execute(CatalogAuthorArticles, { slug: "daniel-okafor", first: 100 })
      ).data?.author?.articles.nodes.map((n) => n.slug) ?? [];
    expect(all.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await t.execute(CatalogAuthorArticles, { slug: "daniel-okafor", first: 3, after })).data
        ?.author?.articles;
      expect(page?.totalCount).toBe(all.length);
      seen.push(...(page?.nodes.map((n) => n.slug) ?? []));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });
});

describe("authors", () => {
  const alphabetical = seedAuthors.map((a) => a.name).sort((a, b) => a.localeCompare(b));

  it("lists every author in alphabetical order with the total", async () => {
    const { data, errors } = await t.execute(CatalogAuthors, { first: 100 });
    expect(errors).toBeUndefined();
    expect(data?.authors.totalCount).toBe(seedAuthors.length);
    expect(data?.authors.edges.map((e) => e.node.name)).toEqual(alphabetical);
    expect(data?.authors.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it("pages forward and backward with cursors", async () => {
    const forward: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await t.execute(CatalogAuthors, { first: 2, after })).data?.authors;
      expect(page?.totalCount).toBe(seedAuthors.length);
      forward.push(...(page?.edges.map((e) => e.node.name) ?? []));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(alphabetical);

    const lastTwo = (await t.execute(CatalogAuthors, { last: 2 })).data?.authors;
    expect(lastTwo?.edges.map((e) => e.node.name)).toEqual(alphabetical.slice(-2));
    expect(lastTwo?.pageInfo.hasPreviousPage).toBe(true);
    const beforeThose = (await t.execute(CatalogAuthors, { last: 2, before: lastTwo?.pageInfo.startCursor }))
      .data?.authors;
    expect(beforeThose?.edges.map((e) => e.node.name)).toEqual(alphabetical.slice(-4, -2));
  });
});

describe("tags", () => {
  it("lists all 8 tags in alphabetical order, accented names among their letter", async () => {
    const { data, errors } = await t.execute(CatalogTags, {});
    expect(errors).toBeUndefined();
    const names = data?.tags.map((tag) => tag.name) ?? [];
    expect(names).toHaveLength(8);
    expect(names).toEqual(seedTags.map((tag) => tag.name).sort((a, b) => a.localeCompare(b)));
    expect(names.indexOf("Énergie")).toBe(names.indexOf("Cybersécurité") + 1);
    expect(new Set(data?.tags.map((tag) => tag.slug))).toEqual(new Set(seedTags.map((tag) => tag.slug)));
  });

  it("finds a tag by slug with its published articles, newest first", async () => {
    for (const seed of seedTags) {
      const expected = published
        .filter((a) => a.tagSlugs.includes(seed.slug))
        .sort(newestFirst)
        .map((a) => a.slug);
      const { data, errors } = await t.execute(CatalogTag, { slug: seed.slug, first: 100 });
      expect(errors).toBeUndefined();
      expect(data?.tag).toMatchObject({ slug: seed.slug, name: seed.name });
      expect(
        data?.tag?.articles.nodes.map((n) => n.slug),
        seed.slug,
      ).toEqual(expected);
      expect(data?.tag?.articles.totalCount).toBe(expected.length);
    }
    expect((await t.execute(CatalogTag, { slug: "no-such-tag" })).data?.tag).toBeNull();
  });
});

describe("quotes", () => {
  const ines = "Inès Marchetti";
  const inesQuotes = [...published]
    .sort(newestFirst)
    .flatMap((a) => a.quotes.filter((q) => q.speaker === ines).map((q) => ({ ...q, slug: a.slug })));
  const scheduled = seedArticles.find((a) => a.status === "scheduled");

  it("finds every quote of a speaker across published articles, never a scheduled one", async () => {
    const scheduledQuote = scheduled?.quotes.find((q) => q.speaker === ines);
    expect(scheduledQuote).toBeDefined();
    expect(new Set(inesQuotes.map((q) => q.slug)).size).toBeGreaterThanOrEqual(3);

    const { data, errors } = await t.execute(CatalogQuotes, { speaker: ines, first: 100 });
    expect(errors).toBeUndefined();
    const edges = data?.quotes.edges ?? [];
    expect(data?.quotes.totalCount).toBe(inesQuotes.length);
    expect(edges.map((e) => e.node.text)).toEqual(inesQuotes.map((q) => q.text));
    expect(edges.map((e) => e.node.article.slug)).toEqual(inesQuotes.map((q) => q.slug));
    expect(edges.every((e) => e.node.speaker === ines && e.node.article.status === "PUBLISHED")).toBe(true);
    expect(edges.map((e) => e.node.text)).not.toContain(scheduledQuote?.text);
    // Quote.article is the article that carries the quote.
    for (const edge of edges) expect(edge.node.article.quotes.map((q) => q.id)).toContain(edge.node.id);
  });

  it("matches the speaker in any letter case, with or without accents, through an index", async () => {
    const texts = inesQuotes.map((q) => q.text);
    for (const speaker of [
      "inès marchetti",
      "INÈS MARCHETTI",
      "iNèS mArChEtTi",
      "ines marchetti",
      "INES Marchetti",
    ]) {
      const { data } = await t.execute(CatalogQuotes, { speaker, first: 100 });
      expect(
        data?.quotes.edges.map((e) => e.node.text),
        speaker,
      ).toEqual(texts);
      expect(data?.quotes.totalCount).toBe(texts.length);
    }
    const nobody = (await t.execute(CatalogQuotes, { speaker: "Nobody Known", first: 10 })).data?.quotes;
    expect(nobody).toMatchObject({ totalCount: 0, edges: [] });
    const plan = await planWithoutSeqScan(
      t.db,
      sql`select id from ${quotes} where ${folded(quotes.speaker)} = ${folded("ines marchetti")}`,
    );
    expect(plan).toContain("quotes_speaker_idx");
  });

  it("pages through every published quote without a speaker", async () => {
    const total = published.reduce((n, a) => n + a.quotes.length, 0);
    const all = (await t.execute(CatalogQuotes, { first: 100 })).data?.quotes;
    expect(all?.totalCount).toBe(total);
    const texts = all?.edges.map((e) => e.node.text) ?? [];
    expect(texts).toHaveLength(total);
    expect(new Set(texts)).toEqual(new Set(published.flatMap((a) => a.quotes.map((q) => q.text))));
    const dates = all?.edges.map((e) => Date.parse(e.node.article.publishedAt as string)) ?? [];
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const forward: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await t.execute(CatalogQuotes, { first: 7, after })).data?.quotes;
      expect(page?.totalCount).toBe(total);
      forward.push(...(page?.edges.map((e) => e.node.text) ?? []));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(texts);

    const backward: string[] = [];
    let before: string | null | undefined;
    for (;;) {
      const page = (await t.execute(CatalogQuotes, { last: 9, before })).data?.quotes;
      backward.unshift(...(page?.edges.map((e) => e.node.text) ?? []));
      if (!page?.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(texts);
  });
});

describe("an article's quotes and sources", () => {
  it("come in the order they were written, with speaker roles, publishers and URLs", async () => {
    for (const seed of published) {
      const { data, errors } = await t.execute(CatalogArticleParts, { slug: seed.slug });
      expect(errors).toBeUndefined();
      expect(data?.article?.quotes, seed.slug).toEqual(seed.quotes);
      expect(data?.article?.sources, seed.slug).toEqual(seed.sources);
    }
    expect(published.some((a) => a.quotes.length > 1)).toBe(true);
    expect(published.some((a) => a.sources.some((s) => s.publisher === null))).toBe(true);
  });
});

const AuthorsWithArticles = graphql(`
  query AuthorsWithArticles($first: Int!) {
    authors(first: $first) {
      nodes {
        slug
        articles(first: 3) { totalCount nodes { slug author { name } tags { slug } commentCount } }
      }
    }
    tags { slug articles(first: 2) { totalCount nodes { slug } } }
  }
`);

describe("nested article lists", () => {
  it("cost the same statements for 2 or 5 authors (and every tag), each list right", async () => {
    const counts: number[] = [];
    for (const first of [2, 5]) {
      const { result, statements } = await t.countStatements(() => t.execute(AuthorsWithArticles, { first }));
      expect(result.errors).toBeUndefined();
      counts.push(statements.length);
      for (const author of result.data?.authors.nodes ?? []) {
        const alone = await t.execute(CatalogAuthorArticles, { slug: author.slug, first: 3 });
        expect(author.articles.nodes.map((a) => a.slug)).toEqual(
          alone.data?.author?.articles.nodes.map((a) => a.slug),
        );
        expect(author.articles.totalCount).toBe(alone.data?.author?.articles.totalCount);
      }
    }
    // authors page, authors' articles (with their parts), tags, tags' articles
    expect(counts).toEqual([4, 4]);
  });
});
