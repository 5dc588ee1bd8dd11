// Full-text search over public articles: PostgreSQL's websearch syntax ("a phrase", -exclude, OR)
// against each article's own language configuration, with accents folded (lede_fr / lede_en),
// title weighted above lede above body. A short query that finds nothing falls back to trigram
// similarity on titles, which forgives typos.
import { and, desc, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { articles, type Language } from "../../db/schema.ts";
import { articleReadColumns, isPublicArticle } from "../../db/visibility.ts";

/** Longer queries are cut here: search never refuses input, it does its best with it. */
export const MAX_QUERY_LENGTH = 200;

const articleColumns = articleReadColumns;

export type SearchMatch = {
  [K in keyof typeof articleColumns]: (typeof articles.$inferSelect)[K];
} & {
  rank: number;
  /** The passage that matched, with the matched words between \u0002 and \u0003 (HTML-escaped later). */
  rawSnippet: string;
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

function fullTextMatch(query: string, language: Language | null | undefined): { where: SQL; tsquery: SQL } {
  const fr = sql`websearch_to_tsquery('lede_fr', ${query})`;
  const en = sql`websearch_to_tsquery('lede_en', ${query})`;
  // One tsquery per language so that each article is matched with its own stemmer; the OR of the
  // two conditions still lets PostgreSQL use the GIN index for each side.
  const forFrench = sql`(${articles.language} = 'fr' and ${articles.searchVector} @@ ${fr})`;
  const forEnglish = sql`(${articles.language} = 'en' and ${articles.searchVector} @@ ${en})`;
  const where =
    language === "fr" ? forFrench : language === "en" ? forEnglish : sql`(${forFrench} or ${forEnglish})`;
  return { where, tsquery: sql`(case when ${articles.language} = 'fr' then ${fr} else ${en} end)` };
}

const snippetOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;

export async function searchArticles(db: Executor, request: SearchRequest): Promise<SearchMatch[]> {
  const { where, tsquery } = fullTextMatch(request.query, request.language);
  const rank = sql<number>`ts_rank_cd(${articles.searchVector}, ${tsquery}, 1)`;
  // Rank and cut first; only the page's rows pay for ts_headline.
  const page = db
    .select({ ...articleColumns, rank: rank.as("rank") })
    .from(articles)
    .where(and(isPublicArticle, where))
    .orderBy(desc(rank), articles.id)
    .offset(request.offset)
    .limit(request.limit)
    .as("page");
  const pageTsquery = sql`(case when ${page.language} = 'fr' then websearch_to_tsquery('lede_fr', ${request.query}) else websearch_to_tsquery('lede_en', ${request.query}) end)`;
  const pageConfig = sql`case when ${page.language} = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end`;
  return db
    .select({
      ...pageColumns(page),
      rank: sql<number>`${page.rank}`.mapWith(Number),
      rawSnippet: sql<string>`ts_headline(${pageConfig}, coalesce(${page.lede} || ' ', '') || ${page.body}, ${pageTsquery}, ${snippetOptions})`,
    })
    .from(page)
    .orderBy(desc(page.rank), page.id);
}

/** The page subquery's article columns, under their usual names. */
function pageColumns<T extends Record<keyof typeof articleColumns, unknown>>(page: T) {
  const columns = {} as { [K in keyof typeof articleColumns]: T[K] };
  for (const key of Object.keys(articleColumns) as (keyof typeof articleColumns)[]) columns[key] = page[key];
  return columns;
}

export async function countSearchMatches(
  db: Executor,
  query: string,
  language?: Language | null,
): Promise<number> {
  return db.$count(articles, and(isPublicArticle, fullTextMatch(query, language).where));
}

/** Queries short enough to be a mistyped word or two get the trigram fallback. */
export const isShortQuery = (query: string) =>
  query.length >= 3 && query.length <= 40 && !/["-]|\bor\b/i.test(query);

/** Titles containing a word close to the query: typo tolerance for short queries. */
export async function searchSimilarTitles(db: Executor, request: SearchRequest): Promise<SearchMatch[]> {
  const needle = request.query.toLowerCase();
  const similarity = sql<number>`word_similarity(${needle}, lower(${articles.title}))`;
  return db
    .select({
      ...articleColumns,
      rank: similarity.mapWith(Number),
      rawSnippet: sql<string>`coalesce(${articles.lede}, left(${articles.body}, 200))`,
    })
    .from(articles)
    .where(
      and(
        isPublicArticle,
        request.language ? sql`${articles.language} = ${request.language}` : undefined,
        // `<%`: word_similarity above pg_trgm's threshold (0.6 by default); it can use the trigram index.
        sql`${needle} <% lower(${articles.title})`,
      ),
    )
    .orderBy(desc(similarity), articles.id)
    .offset(request.offset)
    .limit(request.limit);
}
