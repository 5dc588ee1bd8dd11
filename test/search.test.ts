import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleAuthors, articles } from "../src/db/schema.ts";
import { stableUuid } from "../src/db/seed.ts";
import { seedAuthors } from "../src/db/seed-content.ts";
import { renderBody } from "../src/modules/article/article.content.ts";
import { highlight } from "../src/modules/search/search.graphql.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

const Search = graphql(`
  query Search($query: String!, $language: Language, $first: Int, $after: String, $last: Int, $before: String) {
    search(query: $query, language: $language, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      matchKind
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      edges { cursor rank snippet node { slug title language author { name } tags { slug } } }
    }
  }
`);

let t: TestApp;
let made = 0;

/** Adds an article straight into the database, bylined to the first demo author. */
async function addArticle(fields: {
  title: string;
  lede?: string;
  body: string;
  status?: "published" | "draft";
  language?: "fr" | "en";
  deleted?: boolean;
}) {
  made += 1;
  const id = stableUuid(`search-test:${made}`);
  await t.db.insert(articles).values({
    id,
    slug: `search-test-${made}`,
    language: fields.language ?? "en",
    title: fields.title,
    lede: fields.lede ?? null,
    body: fields.body,
    bodyHtml: renderBody(fields.body),
    status: fields.status ?? "published",
    publishedAt: new Date(Date.UTC(2026, 10, 1, 8, made)),
    deletedAt: fields.deleted ? new Date() : null,
  });
  await t.db
    .insert(articleAuthors)
    .values({ articleId: id, authorId: stableUuid(`author:${seedAuthors[0]?.slug}`), position: 0 });
  return `search-test-${made}`;
}

const slugsOf = (result: Awaited<ReturnType<typeof search>>) =>
  result.data?.search.edges.map((e) => e.node.slug) ?? [];
const search = (
  query: string,
  variables: { language?: "FR" | "EN"; first?: number; after?: string | null } = {},
) => t.execute(Search, { query, first: 10, ...variables });

let inTitle: string;
let inLede: string;
let inBody: string;
beforeAll(async () => {
  t = await createTestApp();
  inBody = await addArticle({
    title: "A quiet week in hardware",
    body: "Deep in the text: the zephyrine alloy, once.",
  });
  inLede = await addArticle({
    title: "Materials roundup",
    lede: "Why zephyrine matters",
    body: "Nothing else here.",
  });
  inTitle = await addArticle({
    title: "Zephyrine alloy reaches mass production",
    body: "Factories are ready.",
  });
  await addArticle({ title: "Zephyrine draft", body: "zephyrine zephyrine", status: "draft" });
  await addArticle({ title: "Zephyrine deleted", body: "zephyrine", deleted: true });
  await addArticle({
    title: "Sécurité : <script>alert(1)</script> zephyrine",
    body: "Le <b>zéphyrine</b> & co.",
    language: "fr",
  });
});
afterAll(() => t.close());

const broadQuery = "company OR data OR year OR entreprise OR année OR plus";

describe("search", () => {
  it("ranks a title match above a lede match above a body match", async () => {
    const result = await search("zephyrine", { language: "EN" });
    expect(result.errors).toBeUndefined();
    expect(slugsOf(result)).toEqual([inTitle, inLede, inBody]);
    const ranks = result.data?.search.edges.map((e) => e.rank) ?? [];
    expect(ranks[0]).toBeGreaterThan(ranks[1] as number);
    expect(ranks[1]).toBeGreaterThan(ranks[2] as number);
    expect(result.data?.search.totalCount).toBe(3);
  });

  it("never finds drafts or deleted articles", async () => {
    const titles = (await search("zephyrine")).data?.search.edges.map((e) => e.node.title) ?? [];
    expect(titles).not.toContain("Zephyrine draft");
    expect(titles).not.toContain("Zephyrine deleted");
  });

  it("ignores accents and finds inflected forms, in French and English", async () => {
    const plain = slugsOf(await search("telephone", { language: "FR" }));
    const accented = slugsOf(await search("téléphones", { language: "FR" }));
    expect(plain.length).toBeGreaterThan(0);
    expect(accented).toEqual(plain);
    const english = await search("smartphone");
    expect(english.data?.search.edges.some((e) => /smartphones/i.test(e.node.title))).toBe(true);
  });

  it("filters by language", async () => {
    const french = await search("zephyrine", { language: "FR" });
    expect(french.data?.search.edges.map((e) => e.node.language)).toEqual(["FR"]);
  });

  it("understands quoted phrases, exclusions and OR", async () => {
    expect(slugsOf(await search('"zephyrine alloy"', { language: "EN" })).sort()).toEqual(
      [inBody, inTitle].sort(),
    );
    expect(slugsOf(await search('"alloy zephyrine"', { language: "EN" }))).toEqual([]);
    expect(slugsOf(await search("zephyrine -factories", { language: "EN" }))).toEqual([inLede, inBody]);
    const either = slugsOf(await search("factories OR roundup", { language: "EN" }));
    expect(either).toEqual(expect.arrayContaining([inTitle, inLede]));
  });

  it("highlights the matched words in an HTML-escaped snippet", async () => {
    const result = await search("zephyrine", { language: "FR" });
    const snippet = result.data?.search.edges[0]?.snippet ?? "";
    expect(snippet).toContain("<mark>zéphyrine</mark>");
    expect(snippet).not.toContain("<b>");
    expect(snippet).not.toContain("<script");
    // Whatever text ts_headline keeps is escaped before the marks go in.
    expect(highlight("a <b>bold</b> & \u0002word\u0003")).toBe(
      "a &lt;b&gt;bold&lt;/b&gt; &amp; <mark>word</mark>",
    );
  });

  it.each([
    "((((",
    "a & b | !c",
    "'",
    "\\",
    ":*",
    '"unterminated phrase',
    "-",
    "OR OR OR",
    "🚀📱",
    `${"x".repeat(5000)} (5,000 characters)`,
    "   ",
    "\u0002zephyrine\u0003",
  ])("never errors on a malformed query: %s", async (query) => {
    const result = await search(query);
    expect(result.errors).toBeUndefined();
    expect(Array.isArray(result.data?.search.edges)).toBe(true);
  });

  it("refuses U+0000 as bad input, as in any string (test/limits.test.ts)", async () => {
    const result = await search("\u0000zephyrine");
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/^Variable `\$query` holds a NUL character/);
  });

  it("forgives a typo in a short query by looking for similar titles", async () => {
    const exact = await search("satelite");
    expect(exact.data?.search.matchKind).toBe("SIMILAR_TITLE");
    expect(exact.data?.search.edges.some((e) => /satellite/i.test(e.node.title))).toBe(true);
    const nothing = await search("qwxzvbnm");
    expect(nothing.data?.search).toMatchObject({ matchKind: "SIMILAR_TITLE", totalCount: 0, edges: [] });
  });

  it("pages through results without gaps or repeats, at a constant statement count", async () => {
    const all = slugsOf(await search(broadQuery, { first: 100 }));
    expect(all.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (let guard = 0; guard < 20; guard++) {
      const page = await search(broadQuery, { first: 4, after });
      seen.push(...slugsOf(page));
      if (!page.data?.search.pageInfo.hasNextPage) break;
      after = page.data.search.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);

    const counts: number[] = [];
    for (const first of [3, 12]) {
      const { statements } = await t.countStatements(() => search(broadQuery, { first }));
      counts.push(statements.length);
    }
    // the ranked page (with snippets), the parts of its articles (author, tags), the total
    expect(counts).toEqual([3, 3]);
  });
});
