// Full-text search over public articles: PostgreSQL's websearch syntax ("a phrase", -exclude, OR)
// against each article's own language configuration, with accents folded (lede_fr / lede_en),
// title weighted above lede above body. A short query that finds nothing is corrected word by word
// to the closest words of the public articles (trigram similarity over search_words), which
// forgives typos, and searched again.
import { and, desc, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { literalCount } from "../../db/keyset.ts";
import { articles, type Language, searchWords } from "../../db/schema.ts";
import { articleReadColumns, isPublicArticle } from "../../db/visibility.ts";

/** Longer queries are cut here: search never refuses input, it does its best with it. */
export const MAX_QUERY_LENGTH = 200;

export type SearchMatch = {
  [K in keyof typeof articleReadColumns]: (typeof articles.$inferSelect)[K];
} & {
  rank: number;
  /** How many articles the query matches in all (the same on every row of a page). */
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

export async function searchArticles(db: Executor, request: SearchRequest): Promise<SearchMatch[]> {
  const { where } = fullTextMatch(request.query, request.language);
  // Parsed once per statement (uncorrelated subqueries are InitPlans), not once per matched row:
  // a common word matches tens of thousands of articles, and parsing was a third of ranking them.
  const onceTsquery = sql`(case when ${articles.language} = 'fr' then (select websearch_to_tsquery('lede_fr', ${request.query})) else (select websearch_to_tsquery('lede_en', ${request.query})) end)`;
  const rank = sql<number>`ts_rank_cd(${articles.searchVector}, ${onceTsquery}, 1)`;
  // Rank every match on narrow rows (id, rank, and how many matched: the total comes with the page
  // instead of a second scan), cut, and only then read the page's articles; only they pay for
  // ts_headline.
  const ranked = db
    .select({
      id: articles.id,
      rank: rank.as("rank"),
      matchCount: sql<number>`count(*) over ()`.as("match_count"),
    })
    .from(articles)
    .where(and(isPublicArticle, where))
    .orderBy(desc(rank), articles.id)
    // Literals (see `literalCount`): a cached generic plan then knows how many rows it keeps.
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
      rank: sql<number>`${page.rank}`.mapWith(Number),
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

export async function countSearchMatches(
  db: Executor,
  query: string,
  language?: Language | null,
): Promise<number> {
  return db.$count(articles, and(isPublicArticle, fullTextMatch(query, language).where));
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
