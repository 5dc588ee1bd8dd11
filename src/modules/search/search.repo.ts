// Full-text search over public articles: PostgreSQL's websearch syntax ("a phrase", -exclude, OR)
// against each article's own language configuration, with accents folded (lede_fr / lede_en),
// title weighted above lede above body. A short query that finds nothing is corrected word by word
// to the closest words of the public articles (trigram similarity over search_words), which
// forgives typos, and searched again.
//
// Only the newest RANKED_MATCHES_BOUND matches are ranked: a common word matches tens of thousands
// of articles, and ranking all of them (and counting them) cost about a second of PostgreSQL CPU
// per search on 100,000 articles. A query with at most that many matches is ranked whole, as
// before; the GraphQL connection tells which (`allMatchesRanked`).
import { and, desc, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { literalCount } from "../../db/keyset.ts";
import { plannedPerRun } from "../../db/prepared.ts";
import { articles, type Language, searchWords } from "../../db/schema.ts";
import { articleReadColumns, isPublicArticle } from "../../db/visibility.ts";

/** Longer queries are cut here: search never refuses input, it does its best with it. */
export const MAX_QUERY_LENGTH = 200;

/**
 * A search ranks at most this many matches, the newest (by publication); a query that matches more
 * reports this many (`totalCount`, with `allMatchesRanked` false) and pages over them only.
 */
export const RANKED_MATCHES_BOUND = 1000;

/** The bound searches use; tests lower it (`searchSettings.rankedMatchesBound = 3`) and restore it. */
export const searchSettings = { rankedMatchesBound: RANKED_MATCHES_BOUND };

export type SearchMatch = {
  [K in keyof typeof articleReadColumns]: (typeof articles.$inferSelect)[K];
} & {
  rank: number;
  /**
   * How many articles the query matches, counted up to the bound plus one (the same on every row
   * of a page): more than the bound means only the newest `bound` were ranked.
   */
  matchCount: number;
  /** The passage that matched, with the matched words between \u0002 and \u0003 (HTML-escaped later). */
  rawSnippet: string;
  /** The whole title, marked the same way. */
  rawTitle: string;
};

export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export interface SearchRequest {
  query: string;
  language?: Language | null | undefined;
  offset: number;
  limit: number;
  /** How many of the newest matches are ranked; `searchSettings.rankedMatchesBound` by default. */
  rankedMatchesBound?: number | undefined;
}

export function normaliseQuery(query: string): string {
  // Control characters cannot reach tsquery parsing or the snippet markers.
  return [...query]
    .map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? " " : char))
    .join("")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

function fullTextMatch(query: string, language: Language | null | undefined): { where: SQL } {
  const fr = sql`websearch_to_tsquery('lede_fr', ${query})`;
  const en = sql`websearch_to_tsquery('lede_en', ${query})`;
  // One tsquery per language so that each article is matched with its own stemmer; the OR of the
  // two conditions still lets PostgreSQL use the GIN index for each side.
  const forFrench = sql`(${articles.language} = 'fr' and ${articles.searchVector} @@ ${fr})`;
  const forEnglish = sql`(${articles.language} = 'en' and ${articles.searchVector} @@ ${en})`;
  const where =
    language === "fr" ? forFrench : language === "en" ? forEnglish : sql`(${forFrench} or ${forEnglish})`;
  return { where };
}

const snippetOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
const titleOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

/**
 * The text a reader sees of a rendered body: tags become spaces, and the entities sanitize-html
 * writes in text (&amp; &lt; &gt;) their characters. Snippets come from this, never from the
 * Markdown source, whose `##` and `**` a reader never sees.
 */
const renderedText = (html: SQLWrapper) =>
  sql`replace(replace(replace(regexp_replace(${html}, '<[^>]*>', ' ', 'g'), '&lt;', '<'), '&gt;', '>'), '&amp;', '&')`;

/**
 * Whether the query holds a phrase: words in quotes, or joined by a hyphen, which
 * websearch_to_tsquery turns into `<->` ("sodium-ion").
 */
export const hasPhrase = (query: string): boolean =>
  /"[^"]*[\p{L}\p{N}][^\p{L}\p{N}"]+[\p{L}\p{N}]/u.test(query) || /[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(query);

/**
 * The newest `bound` + 1 public articles matching `where`, by publication: only the match
 * condition and the order are read here, with the columns ranking needs.
 *
 * PostgreSQL picks the plan for the query's words (planned per run): for a word it knows to be
 * common, it walks the newest articles by index and stops at the bound; for a rare one, it reads
 * its matches from the full-text index and sorts them. A phrase defeats that estimate: PostgreSQL
 * takes `a <-> b` to match as often as `a & b`, and for two common words that are rarely adjacent
 * it would walk every article by index (1.2 s on 100,000 articles, against 0.6 s from the
 * full-text index). So a phrase's matches come from a subquery with no order of its own (`offset
 * 0` keeps it apart), which only the full-text index (or a scan) can serve, and are sorted after.
 */
function newestMatches(db: Executor, where: SQL, bound: number, phrase: boolean) {
  const matching = () =>
    db
      .select({
        id: articles.id,
        language: articles.language,
        searchVector: articles.searchVector,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      .where(and(isPublicArticle, where));
  const limit = literalCount(bound + 1) as unknown as number;
  if (!phrase)
    return matching().orderBy(desc(articles.publishedAt), desc(articles.id)).limit(limit).as("bounded");
  const matches = matching()
    .offset(literalCount(0) as unknown as number)
    .as("matches");
  return db
    .select()
    .from(matches)
    .orderBy(desc(matches.publishedAt), desc(matches.id))
    .limit(limit)
    .as("bounded");
}

export async function searchArticles(db: Executor, request: SearchRequest): Promise<SearchMatch[]> {
  const bound = request.rankedMatchesBound ?? searchSettings.rankedMatchesBound;
  const { where } = fullTextMatch(request.query, request.language);
  // The newest matches, one more than the bound (that one only tells there are more).
  const bounded = newestMatches(db, where, bound, hasPhrase(request.query));
  // Their number (at most bound + 1: the total comes with the page instead of a second scan), and
  // each one's place by publication, newest first.
  const counted = db
    .select({
      id: bounded.id,
      language: bounded.language,
      searchVector: bounded.searchVector,
      matchCount: sql<number>`count(*) over ()`.as("match_count"),
      newness: sql<number>`row_number() over (order by ${bounded.publishedAt} desc, ${bounded.id} desc)`.as(
        "newness",
      ),
    })
    .from(bounded)
    .as("counted");
  // Parsed once per statement (uncorrelated subqueries are InitPlans), not once per ranked row.
  const onceTsquery = sql`(case when ${counted.language} = 'fr' then (select websearch_to_tsquery('lede_fr', ${request.query})) else (select websearch_to_tsquery('lede_en', ${request.query})) end)`;
  const rank = sql<number>`ts_rank_cd(${counted.searchVector}, ${onceTsquery}, 1)`;
  // Rank the newest `bound` on narrow rows, cut the page, and only then read the page's articles;
  // only they pay for ts_headline.
  const ranked = db
    .select({ id: counted.id, rank: rank.as("rank"), matchCount: counted.matchCount })
    .from(counted)
    .where(sql`${counted.newness} <= ${literalCount(bound)}`)
    .orderBy(desc(rank), counted.id)
    // Literals (see `literalCount`), as in every page statement.
    .offset(request.offset > 0 ? (literalCount(request.offset) as unknown as number) : 0)
    .limit(literalCount(request.limit) as unknown as number)
    .as("ranked");
  const page = db
    .select({ ...articleReadColumns, rank: ranked.rank, matchCount: ranked.matchCount })
    .from(ranked)
    .innerJoin(articles, eq(articles.id, ranked.id))
    .as("page");
  const pageTsquery = sql`(case when ${page.language} = 'fr' then websearch_to_tsquery('lede_fr', ${request.query}) else websearch_to_tsquery('lede_en', ${request.query}) end)`;
  const pageConfig = sql`case when ${page.language} = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end`;
  const headline = (text: SQL, options: string) =>
    sql<string>`ts_headline(${pageConfig}, ${text}, ${pageTsquery}, ${options})`;
  return db
    .select({
      ...pageColumns(page),
      // Never prepared (db/prepared.ts `PLANNED_PER_RUN`): how many articles a query's words match
      // decides the plan, and only a plan made with the query in hand knows it.
      rank: sql<number>`${page.rank} ${plannedPerRun()}`.mapWith(Number),
      matchCount: sql<number>`${page.matchCount}`.mapWith(Number),
      rawSnippet: headline(
        sql`coalesce(${page.lede} || ' ', '') || ${renderedText(page.bodyHtml)}`,
        snippetOptions,
      ),
      rawTitle: headline(sql`${page.title}`, titleOptions),
    })
    .from(page)
    .orderBy(desc(page.rank), page.id);
}

/** The page subquery's article columns, under their usual names. */
function pageColumns<T extends Record<keyof typeof articleReadColumns, unknown>>(page: T) {
  const columns = {} as { [K in keyof typeof articleReadColumns]: T[K] };
  for (const key of Object.keys(articleReadColumns) as (keyof typeof articleReadColumns)[])
    columns[key] = page[key];
  return columns;
}

/**
 * How many articles `query` matches, counted up to `bound` + 1, as `SearchMatch.matchCount`: more
 * than `bound` means "more than can be ranked", and counting further would read every match.
 */
export async function countSearchMatches(
  db: Executor,
  query: string,
  language?: Language | null,
  bound: number = searchSettings.rankedMatchesBound,
): Promise<number> {
  const bounded = newestMatches(db, fullTextMatch(query, language).where, bound, hasPhrase(query));
  const [row] = await db
    .select({ count: sql<number>`count(*) ${plannedPerRun()}`.mapWith(Number) })
    .from(bounded);
  return row?.count ?? 0;
}

/** Queries short enough to be a mistyped word or two get a spelling correction. */
export const isShortQuery = (query: string) =>
  query.length >= 3 && query.length <= 40 && !/["-]|\bor\b/i.test(query);

/**
 * `query` with each word replaced by the closest word of the public articles (folded, as
 * search_words holds them), or null when that changes nothing. Words of two letters stay as they
 * are; a word with nothing close enough (pg_trgm's similarity threshold, 0.3) stays too, and so
 * the corrected query finds nothing either. One statement; each word's candidates come from the
 * trigram index of search_words (`%`), ordered by similarity.
 */
export async function correctSpelling(db: Executor, query: string): Promise<string | null> {
  const rows = await spellingCorrections(db, query);
  const corrected = rows.map((row) => row.word ?? row.token);
  return rows.some((row, i) => corrected[i] !== row.token) ? corrected.join(" ") : null;
}

/** Each word of `query` in order, folded, beside its closest word of the articles (the statement). */
export function spellingCorrections(db: Executor, query: string) {
  // ts_debug splits the query as the articles' words were split, in order, and folds each word.
  const token = sql<string>`parts.lexemes[1]`;
  const closest = db
    .select({ word: searchWords.word })
    .from(searchWords)
    .where(sql`${searchWords.word} % ${token}`)
    .orderBy(desc(sql`similarity(${searchWords.word}, ${token})`), searchWords.word)
    .limit(1);
  return db
    .select({
      token,
      word: sql<string | null>`case when length(${token}) < 3 then ${token} else (${closest}) end`,
    })
    .from(sql`ts_debug('lede_words', ${query}) with ordinality as parts`)
    .where(sql`${token} is not null`)
    .orderBy(sql`parts.ordinality`);
}
