// The reads behind feeds and sitemaps. Every one is a single bounded statement over public articles
// (published, not deleted: db/visibility.ts): the newest N of a scope, one month of the sitemap, the
// last 48 hours. A feed is read twice over: `feedVersion` first (cheap: no bodies), which tells
// whether the cached XML still holds, and `feedArticles` only when it does not.
import { and, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { fromJson } from "../../db/json-rows.ts";
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  images,
  type Language,
  tags,
} from "../../db/schema.ts";
import { isPublicArticle } from "../../db/visibility.ts";

/** Whose articles a feed carries: the whole site's, a tag's, or an author's (bylines and co-bylines). */
export type FeedScope = { kind: "site" } | { kind: "tag" | "author"; slug: string };

export interface FeedQuery {
  scope: FeedScope;
  /** One language, or both (null). */
  language: Language | null;
  limit: number;
}

/** What the validator of a feed reads: enough to tell any change of what the feed shows. */
export interface FeedVersion {
  /** The tag's or author's name (the site's feed has none). */
  ownerName: string | null;
  /** md5 over every item's id, updated_at, byline, tags and images, in feed order. */
  hash: string;
  /** The newest updated_at of the items, epoch ms; null without items. */
  lastChange: number | null;
  count: number;
}

export interface FeedArticle {
  id: string;
  slug: string;
  language: Language;
  title: string;
  lede: string | null;
  bodyHtml: string;
  publishedAt: Date;
  updatedAt: Date;
  authors: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
  cover: { id: string; width: number; height: number; mimeType: string; alt: string | null } | null;
}

const epochMs = (column: SQL | SQL.Aliased | unknown) =>
  sql<number | null>`(extract(epoch from ${column}) * 1000)::int8`.mapWith((v) =>
    v === null ? null : Number(v),
  );

/** The articles of the scope, as a condition on `articles`; served by article_tags/article_authors indexes. */
function inScope(scope: FeedScope): SQL | undefined {
  if (scope.kind === "tag") {
    return sql`${articles.id} in (select ${articleTags.articleId} from ${articleTags} join ${tags} on ${tags.id} = ${articleTags.tagId} where ${tags.slug} = ${scope.slug})`;
  }
  if (scope.kind === "author") {
    return sql`${articles.id} in (select ${articleAuthors.articleId} from ${articleAuthors} join ${authors} on ${authors.id} = ${articleAuthors.authorId} where ${authors.slug} = ${scope.slug})`;
  }
  return undefined;
}

/** The tag's or author's name, null when the slug names nothing (a 404). */
function ownerName(scope: FeedScope): SQL<string | null> {
  if (scope.kind === "tag") return sql`(select ${tags.name} from ${tags} where ${tags.slug} = ${scope.slug})`;
  if (scope.kind === "author") {
    return sql`(select ${authors.name} from ${authors} where ${authors.slug} = ${scope.slug})`;
  }
  return sql`null::text`;
}

const feedWhere = (query: FeedQuery) =>
  and(
    isPublicArticle,
    query.language ? eq(articles.language, query.language) : undefined,
    inScope(query.scope),
  );

// In the direction of articles_published_idx (DESC NULLS LAST), so the index serves the order:
// the newest 50 are its first 50 entries, not a sort of every public article.
const newestFirst = [sql`${articles.publishedAt} desc nulls last`, sql`${articles.id} desc nulls last`];
// The same index walked backward.
const oldestFirst = [sql`${articles.publishedAt} asc nulls first`, sql`${articles.id} asc nulls first`];

// The byline and the tags, as text for the fingerprint and as JSON for the items.
const bylineText = sql`(select string_agg(au.slug || ':' || au.name, ',' order by aa.position) from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = ${articles.id})`;
const tagsText = sql`(select string_agg(t.slug || ':' || t.name, ',' order by t.slug) from article_tags at join tags t on t.id = at.tag_id where at.article_id = ${articles.id})`;
// Describing an image anew re-renders the bodies that show it without touching their updated_at.
const inlineImagesChanged = sql`(select max(i.updated_at) from article_images ai join images i on i.id = ai.image_id where ai.article_id = ${articles.id})`;

/** One statement: the feed's validator, and whether its tag or author exists. */
export async function feedVersion(db: Executor, query: FeedQuery): Promise<FeedVersion> {
  const items = db
    .select({
      id: articles.id,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      fingerprint:
        sql<string>`concat_ws('|', ${articles.id}, ${articles.updatedAt}, ${images.id}, ${images.updatedAt}, ${bylineText}, ${tagsText}, ${inlineImagesChanged})`.as(
          "fingerprint",
        ),
    })
    .from(articles)
    .leftJoin(images, eq(images.id, articles.coverImageId))
    .where(feedWhere(query))
    .orderBy(...newestFirst)
    .limit(query.limit)
    .as("items");
  const [row] = await db
    .select({
      ownerName: ownerName(query.scope),
      hash: sql<string>`md5(coalesce(string_agg(${items.fingerprint}, E'\\n' order by ${items.publishedAt} desc, ${items.id} desc), ''))`,
      lastChange: epochMs(sql`max(${items.updatedAt})`),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(items);
  if (!row) throw new Error("an aggregate returned no row");
  return row;
}

type AuthorJson = { slug: string; name: string };

/** One statement: the feed's items with their byline, tags and cover. */
export async function feedArticles(db: Executor, query: FeedQuery): Promise<FeedArticle[]> {
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      language: articles.language,
      title: articles.title,
      lede: articles.lede,
      bodyHtml: articles.bodyHtml,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      authors: sql<unknown>`coalesce((select json_agg(json_build_object('slug', au.slug, 'name', au.name) order by aa.position) from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = ${articles.id}), '[]'::json)`,
      tags: sql<unknown>`coalesce((select json_agg(json_build_object('slug', t.slug, 'name', t.name) order by t.name) from article_tags at join tags t on t.id = at.tag_id where at.article_id = ${articles.id}), '[]'::json)`,
      cover: {
        id: images.id,
        width: images.width,
        height: images.height,
        mimeType: images.mimeType,
        alt: images.alt,
      },
    })
    .from(articles)
    .leftJoin(images, eq(images.id, articles.coverImageId))
    .where(feedWhere(query))
    .orderBy(...newestFirst)
    .limit(query.limit);
  return rows.map((row) => ({
    ...row,
    publishedAt: row.publishedAt as Date,
    authors: fromJson<AuthorJson[]>(row.authors),
    tags: fromJson<AuthorJson[]>(row.tags),
  }));
}

// ---- Sitemaps -------------------------------------------------------------------------------------

export interface SitemapMonth {
  /** YYYY-MM, in UTC. */
  month: string;
  count: number;
  /** The newest updated_at of its articles, epoch ms. */
  lastChange: number;
}

/** One statement: every month with public articles, oldest first. */
export async function sitemapMonths(db: Executor): Promise<SitemapMonth[]> {
  const month = sql<string>`to_char(${articles.publishedAt} at time zone 'UTC', 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      count: sql<number>`count(*)::int`.mapWith(Number),
      lastChange: epochMs(sql`max(${articles.updatedAt})`),
    })
    .from(articles)
    .where(isPublicArticle)
    .groupBy(month)
    .orderBy(month);
  return rows.map((row) => ({ ...row, lastChange: row.lastChange ?? 0 }));
}

export interface SitemapArticle {
  id: string;
  slug: string;
  language: Language;
  title: string;
  publishedAt: Date;
  updatedAt: Date;
}

const sitemapColumns = {
  id: articles.id,
  slug: articles.slug,
  language: articles.language,
  title: articles.title,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
};

/** One statement: public articles published in [from, to), oldest first, a page of them. */
export async function sitemapArticles(
  db: Executor,
  range: { from: Date; to: Date; offset: number; limit: number },
): Promise<SitemapArticle[]> {
  const rows = await db
    .select(sitemapColumns)
    .from(articles)
    .where(and(isPublicArticle, gte(articles.publishedAt, range.from), lt(articles.publishedAt, range.to)))
    .orderBy(...oldestFirst)
    .offset(range.offset)
    .limit(range.limit);
  return rows as SitemapArticle[];
}

/** One statement: public articles published in [since, until], newest first, at most `limit`. */
export async function recentArticles(
  db: Executor,
  range: { since: Date; until: Date; limit: number },
): Promise<SitemapArticle[]> {
  const rows = await db
    .select(sitemapColumns)
    .from(articles)
    .where(
      and(isPublicArticle, gte(articles.publishedAt, range.since), lte(articles.publishedAt, range.until)),
    )
    .orderBy(...newestFirst)
    .limit(range.limit);
  return rows as SitemapArticle[];
}
