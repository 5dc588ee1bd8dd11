import { sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { openDatabase } from "../src/db/client.ts";
import { PLANNED_PER_RUN } from "../src/db/prepared.ts";
import { articleAuthors, articles, searchWords } from "../src/db/schema.ts";
import { seedArticles, seedAuthors } from "../src/db/seed-content.ts";
import { stableUuid } from "../src/db/stable-uuid.ts";
import { renderBody } from "../src/modules/article/article.content.ts";
import { highlight } from "../src/modules/search/search.graphql.ts";
import {
  countSearchMatches,
  hasPhrase,
  RANKED_MATCHES_BOUND,
  searchSettings,
  spellingCorrections,
} from "../src/modules/search/search.repo.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { explain } from "./setup/plans.ts";

const Search = graphql(`
  query Search($query: String!, $language: Language, $first: Int, $after: String, $last: Int, $before: String) {
    search(query: $query, language: $language, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      allMatchesRanked
      matchKind
      correctedQuery
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      edges { cursor rank snippet highlightedTitle node { slug title language author { name } tags { slug } } }
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

  it("takes snippets from the text a reader sees, not the Markdown, and marks title matches", async () => {
    const slug = await addArticle({
      title: "Why the quillterm matters",
      body: "## A quillterm heading\n\nSome **bold quillterm** words and a [quillterm link](https://example.org/q) & <more>.",
    });
    const edge = (await search("quillterm")).data?.search.edges.find((e) => e.node.slug === slug);
    expect(edge?.snippet).toContain(
      "<mark>quillterm</mark> heading Some bold <mark>quillterm</mark> words and a <mark>quillterm</mark> link",
    );
    expect(edge?.snippet).not.toMatch(/##|\*\*|\]\(|example\.org/);
    expect(edge?.highlightedTitle).toBe("Why the <mark>quillterm</mark> matters");
    const titled = (await search("zephyrine", { language: "EN" })).data?.search.edges[0];
    expect(titled?.highlightedTitle).toBe("<mark>Zephyrine</mark> alloy reaches mass production");
    // Titles are escaped like snippets.
    const french = (await search("zephyrine", { language: "FR" })).data?.search.edges[0];
    expect(french?.highlightedTitle).toBe(
      "Sécurité : &lt;script&gt;alert(1)&lt;/script&gt; <mark>zephyrine</mark>",
    );
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

  it("corrects a typo in a short query to the closest words of the articles, and searches again", async () => {
    const satellite = await search("satelite");
    expect(satellite.data?.search).toMatchObject({
      matchKind: "CORRECTED_SPELLING",
      correctedQuery: "satellite",
    });
    expect(satellite.data?.search.edges.some((e) => /satellite/i.test(e.node.title))).toBe(true);
    // Words found anywhere in the articles, accents folded: "smartphones" in titles and bodies,
    // the cloud host Nébuleuse.
    const phones = await search("smartfone");
    expect(phones.data?.search).toMatchObject({
      matchKind: "CORRECTED_SPELLING",
      correctedQuery: "smartphone",
    });
    expect(phones.data?.search.edges.map((e) => e.node.slug)).toEqual(
      expect.arrayContaining([
        seedArticles.find((a) =>
          a.title.startsWith("Voltaïa dévoile une batterie sodium-ion pour smartphones"),
        )?.slug,
      ]),
    );
    const nebula = await search("nebuleuze", { language: "FR" });
    expect(nebula.data?.search).toMatchObject({
      matchKind: "CORRECTED_SPELLING",
      correctedQuery: "nebuleuse",
    });
    const nebulaTitles = nebula.data?.search.edges.map((e) => e.node.title) ?? [];
    expect(nebulaTitles).toContain("Le cloud souverain Nébuleuse ouvre une région à Lyon");
    expect(nebula.data?.search.edges[0]?.highlightedTitle).toContain("<mark>Nébuleuse</mark>");
    expect(nebula.data?.search.totalCount).toBe(
      seedArticles.filter(
        (a) => a.status === "published" && /nébuleuse/i.test(`${a.title} ${a.lede} ${a.body}`),
      ).length,
    );
    // Nothing close: nothing found, and nothing claimed.
    const nothing = await search("qwxzvbnm");
    expect(nothing.data?.search).toMatchObject({
      matchKind: "FULL_TEXT",
      correctedQuery: null,
      totalCount: 0,
      edges: [],
    });
  });

  it("pages through corrected results like any others", async () => {
    const all = slugsOf(await search("smartfone", { first: 100 }));
    expect(all.length).toBeGreaterThan(2);
    const first = await search("smartfone", { first: 2 });
    const second = await search("smartfone", { first: 100, after: first.data?.search.pageInfo.endCursor });
    expect(second.data?.search.matchKind).toBe("CORRECTED_SPELLING");
    expect([...slugsOf(first), ...slugsOf(second)]).toEqual(all);
  });

  it("corrects in one statement that the trigram index of the vocabulary serves", async () => {
    const { statements } = await t.countStatements(() => search("smartfone", { first: 5 }));
    // the search as typed, the correction, the corrected search (with its total), the parts of its
    // articles
    expect(statements).toHaveLength(4);
    // On demo data PostgreSQL rather reads the whole table, or its primary key; with those set
    // aside (in a transaction rolled back), the plan shows the trigram index serving each word's
    // candidates. (With 300,000 words PostgreSQL 15 picks that plan by itself.)
    let plan = "";
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table ${searchWords} drop constraint search_words_pkey`);
        await tx.execute(sql`set local enable_seqscan = off`);
        plan = await explain(tx, spellingCorrections(tx, "smartfone").getSQL());
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    expect(plan).toMatch(/Bitmap Index Scan on search_words_trgm_idx/);
  });

  it("learns the words of an article when it becomes public, not before", async () => {
    const hasWord = async (word: string) =>
      (await t.db.$count(searchWords, sql`${searchWords.word} = ${word}`)) > 0;
    const slug = await addArticle({ title: "Quorvantix prototype", body: "Nothing more.", status: "draft" });
    expect(await hasWord("quorvantix")).toBe(false);
    await t.db.update(articles).set({ status: "published" }).where(sql`${articles.slug} = ${slug}`);
    expect(await hasWord("quorvantix")).toBe(true);
    // Folded: no accent, lower case, words of the rendered body (no link addresses).
    await addArticle({
      title: "Éphémérides",
      body: "See [the Zorblatt report](https://example.org/zorblatt-x).",
    });
    expect(await hasWord("ephemerides")).toBe(true);
    expect(await hasWord("zorblatt")).toBe(true);
    expect(await hasWord("example")).toBe(false);
    expect((await search("quorvantik")).data?.search.edges.map((e) => e.node.slug)).toEqual([slug]);
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
    // the ranked page (with snippets and the total), the parts of its articles (author, tags)
    expect(counts).toEqual([2, 2]);
  });
});

/** Runs `work` with searches ranking at most `bound` matches. */
async function withBound<T>(bound: number, work: () => Promise<T>): Promise<T> {
  searchSettings.rankedMatchesBound = bound;
  try {
    return await work();
  } finally {
    searchSettings.rankedMatchesBound = RANKED_MATCHES_BOUND;
  }
}

describe("search of a query with more matches than it ranks", () => {
  // Four matches, oldest first: the oldest has the word in its title (the best rank of the four),
  // the three newer ones in their bodies.
  let oldest: string;
  let newer: string[];
  beforeAll(async () => {
    oldest = await addArticle({ title: "Vortelline reaches the shops", body: "Finally, vortelline." });
    newer = [];
    for (const title of ["Spring briefing", "Summer briefing", "Autumn briefing"])
      newer.push(await addArticle({ title, body: `Among other things, vortelline appears in ${title}.` }));
  });

  it("ranks at most 1,000 matches by default", () => {
    expect(RANKED_MATCHES_BOUND).toBe(1000);
    expect(searchSettings.rankedMatchesBound).toBe(RANKED_MATCHES_BOUND);
  });

  it("ranks every match, and counts them exactly, when there are no more than the bound", async () => {
    for (const bound of [4, 10]) {
      const result = await withBound(bound, () => search("vortelline"));
      expect(result.errors).toBeUndefined();
      expect(result.data?.search).toMatchObject({ totalCount: 4, allMatchesRanked: true });
      // The oldest match ranks first: it was ranked with the others.
      expect(slugsOf(result)[0]).toBe(oldest);
      expect(slugsOf(result).sort()).toEqual([oldest, ...newer].sort());
    }
    const defaults = await search("vortelline");
    expect(defaults.data?.search).toMatchObject({ totalCount: 4, allMatchesRanked: true });
  });

  it("ranks only the newest matches when there are more, and says so", async () => {
    const result = await withBound(3, () => search("vortelline"));
    expect(result.errors).toBeUndefined();
    expect(result.data?.search).toMatchObject({ totalCount: 3, allMatchesRanked: false });
    // The oldest match would rank first, but it is not among the newest three.
    expect(slugsOf(result).sort()).toEqual([...newer].sort());
    expect(result.data?.search.pageInfo.hasNextPage).toBe(false);
  });

  it("ranks the newest matches of a phrase too (whose matches are read apart, then sorted)", async () => {
    expect(hasPhrase('"vortelline appears"')).toBe(true);
    expect(hasPhrase("sodium-ion")).toBe(true);
    expect(hasPhrase('vortelline -appears "one"')).toBe(false);
    // The three newer articles hold the phrase; the oldest does not.
    const all = await withBound(3, () => search('"vortelline appears"'));
    expect(all.data?.search).toMatchObject({ totalCount: 3, allMatchesRanked: true });
    const newest = await withBound(2, () => search('"vortelline appears"'));
    expect(newest.data?.search).toMatchObject({ totalCount: 2, allMatchesRanked: false });
    expect(slugsOf(newest).sort()).toEqual(newer.slice(1).sort());
    expect(await countSearchMatches(t.db, '"vortelline appears"', null, 1)).toBe(2);
  });

  it("pages over the ranked matches only, forward, backward and past their end", async () => {
    await withBound(3, async () => {
      const all = slugsOf(await search("vortelline"));
      const first = await search("vortelline", { first: 2 });
      expect(first.data?.search.pageInfo.hasNextPage).toBe(true);
      const after = first.data?.search.pageInfo.endCursor;
      const second = await search("vortelline", { first: 2, after });
      expect(second.data?.search.pageInfo.hasNextPage).toBe(false);
      expect([...slugsOf(first), ...slugsOf(second)]).toEqual(all);
      // The last page ends at the bound, not at the fourth match.
      const last = await t.execute(Search, { query: "vortelline", last: 2 });
      expect(last.data?.search.edges.map((e) => e.node.slug)).toEqual(all.slice(1));
      expect(last.data?.search).toMatchObject({ totalCount: 3, allMatchesRanked: false });
      // An empty page past the end still counts (a statement of its own), up to the bound.
      const past = await search("vortelline", { first: 2, after: second.data?.search.pageInfo.endCursor });
      expect(past.data?.search).toMatchObject({ totalCount: 3, allMatchesRanked: false, edges: [] });
    });
    expect(await countSearchMatches(t.db, "vortelline", null, 3)).toBe(4);
    expect(await countSearchMatches(t.db, "vortelline", null, 10)).toBe(4);
    expect(await countSearchMatches(t.db, "vortelline", null, 2)).toBe(3);
  });

  it("still corrects a typo only when nothing matches", async () => {
    const corrected = await withBound(3, () => search("vortelinne"));
    expect(corrected.data?.search).toMatchObject({
      matchKind: "CORRECTED_SPELLING",
      correctedQuery: "vortelline",
      totalCount: 3,
      allMatchesRanked: false,
    });
    expect(slugsOf(corrected).sort()).toEqual([...newer].sort());
  });

  it("is planned on each run: its statement is marked, and never prepared", async () => {
    const { statements } = await t.countStatements(() => search("vortelline"));
    const ranking = statements.filter((text) => text.includes("ts_rank_cd"));
    expect(ranking).toHaveLength(1);
    expect(ranking[0]).toContain(PLANNED_PER_RUN);
  });

  it.skipIf(driver !== "postgres")(
    "sends the search unnamed to PostgreSQL, and other reads prepared",
    async () => {
      const handle = await openDatabase({ url: t.handle.url, poolSize: 1 });
      try {
        const app = createApp({ db: handle.db, graphql: { responseCache: { enabled: false, ttlMs: 0 } } });
        for (let i = 0; i < 3; i++) {
          const response = await app.fetch("http://lede.test/graphql", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              query: '{ search(query: "vortelline") { totalCount nodes { slug author { name } } } }',
            }),
          });
          expect(
            ((await response.json()) as { data: { search: { totalCount: number } } }).data.search.totalCount,
          ).toBe(4);
        }
        const rows = await handle.db.execute<{ statement: string }>(
          sql`select statement from pg_prepared_statements where not from_sql`,
        );
        const prepared = [...rows].map((row) => row.statement);
        // The article parts (byline) were prepared; the search was not.
        expect(prepared.some((text) => /"authors"/.test(text))).toBe(true);
        expect(prepared.filter((text) => text.includes("ts_rank_cd"))).toEqual([]);
      } finally {
        await handle.close();
      }
    },
  );
});
