// Reads of articles. Batch reads take keys[] and return rows that carry their key.
import { and, eq, gte, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import {
  asTimestamp,
  asUuid,
  groupPageColumns,
  inGroupPage,
  keysetFilter,
  keysetOrder,
  pageLimit,
} from "../../db/keyset.ts";
import {
  type ArticleStatus,
  articleAuthors,
  articles,
  articleTags,
  authors,
  type Language,
  tags,
} from "../../db/schema.ts";
import { articleReadColumns, statusIn } from "../../db/visibility.ts";
import type { PageRequest } from "../../graphql/pagination.ts";

export type Article = Omit<typeof articles.$inferSelect, "searchVector" | "visibleCommentCount">;

/**
 * An article as a list reads it: without its body (Markdown and HTML, most of the row's bytes)
 * unless the list's query shows it.
 */
export type ListedArticle = Omit<Article, "body" | "bodyHtml"> & Partial<Pick<Article, "body" | "bodyHtml">>;
const { body: _body, bodyHtml: _bodyHtml, ...columnsWithoutBody } = articleReadColumns;
const listColumns = (withBody: boolean) => (withBody ? articleReadColumns : columnsWithoutBody);

/** Soft-deleted articles are gone for every read until restored. */
const notDeleted = isNull(articles.deletedAt);

export interface ArticleListFilter {
  authorSlug?: string | null | undefined;
  tagSlug?: string | null | undefined;
  language?: Language | null | undefined;
  publishedFrom?: Date | null | undefined;
  publishedBefore?: Date | null | undefined;
  /** Statuses to list; only staff may ask for anything but published. */
  statuses: readonly ArticleStatus[];
}

export const visibleStatuses = (seeUnpublished: boolean): ArticleStatus[] =>
  seeUnpublished ? ["draft", "scheduled", "published", "archived"] : ["published"];

export async function findArticlesByIds(db: Executor, ids: readonly string[]): Promise<Article[]> {
  return db
    .select(articleReadColumns)
    .from(articles)
    .where(and(inArray(articles.id, [...ids]), notDeleted));
}

export async function findArticlesBySlugs(
  db: Executor,
  slugs: readonly string[],
  /** Extra columns computed per row, such as the parts a page shows (article.parts.ts). */
  extra: Record<string, SQL> = {},
): Promise<(Article & Record<string, unknown>)[]> {
  return db
    .select({ ...articleReadColumns, ...extra })
    .from(articles)
    .where(and(inArray(articles.slug, [...slugs]), notDeleted));
}

function filterConditions(filter: ArticleListFilter): SQL[] {
  const conditions: SQL[] = [notDeleted];
  conditions.push(statusIn(filter.statuses));
  if (filter.language) conditions.push(eq(articles.language, filter.language));
  if (filter.publishedFrom) conditions.push(gte(articles.publishedAt, filter.publishedFrom));
  if (filter.publishedBefore) conditions.push(lt(articles.publishedAt, filter.publishedBefore));
  if (filter.authorSlug) {
    conditions.push(
      sql`exists (select 1 from ${articleAuthors} join ${authors} on ${authors.id} = ${articleAuthors.authorId}
            where ${articleAuthors.articleId} = ${articles.id} and ${authors.slug} = ${filter.authorSlug})`,
    );
  }
  if (filter.tagSlug) {
    conditions.push(
      sql`exists (select 1 from ${articleTags} join ${tags} on ${tags.id} = ${articleTags.tagId}
            where ${articleTags.articleId} = ${articles.id} and ${tags.slug} = ${filter.tagSlug})`,
    );
  }
  return conditions;
}

/**
 * The sort key of a list. Published articles always have a date, which the partial index
 * serves; a staff list that includes drafts falls back to the creation date for them.
 */
function sortKey(filter: ArticleListFilter): SQL[] {
  const onlyPublished = filter.statuses.every((status) => status === "published");
  const date = onlyPublished
    ? sql`${articles.publishedAt}`
    : sql`coalesce(${articles.publishedAt}, ${articles.createdAt})`;
  return [date, sql`${articles.id}`];
}

export function articleCursor(article: ListedArticle): [string, string] {
  return [(article.publishedAt ?? article.createdAt).toISOString(), article.id];
}

/** One page of articles in walking order, with one extra row that tells whether there is more. */
export async function listArticles(
  db: Executor,
  filter: ArticleListFilter,
  page: PageRequest,
  newestFirst: boolean,
  /** Extra columns computed per row, such as the parts a page shows (article.parts.ts). */
  extra: Record<string, SQL> = {},
  withBody = true,
): Promise<(ListedArticle & Record<string, unknown>)[]> {
  const key = sortKey(filter);
  const seek = keysetFilter(key, [asTimestamp, asUuid], page, newestFirst);
  return db
    .select({ ...listColumns(withBody), ...extra })
    .from(articles)
    .where(and(...filterConditions(filter), seek))
    .orderBy(keysetOrder(key, page, newestFirst))
    .limit(pageLimit(page));
}

export async function countArticles(db: Executor, filter: ArticleListFilter): Promise<number> {
  return db.$count(articles, and(...filterConditions(filter)));
}

/** The article `id` if it is public, read afresh, with the slugs of its tags. */
export async function findPublishedArticle(
  db: Executor,
  id: string,
): Promise<(Article & { tagSlugs: string[] }) | null> {
  const [row] = await db
    .select({
      ...articleReadColumns,
      tagSlugs: sql<string[]>`array(select ${tags.slug} from ${articleTags}
        join ${tags} on ${tags.id} = ${articleTags.tagId} where ${articleTags.articleId} = ${articles.id})`,
    })
    .from(articles)
    .where(and(...filterConditions({ statuses: ["published"] }), eq(articles.id, id)));
  return row ?? null;
}

export type GroupedArticle = ListedArticle & { groupId: string; totalCount: number } & Record<
    string,
    unknown
  >;

/**
 * One page of articles for each of many authors or tags in one statement (their `articles`
 * lists under a list of authors or tags), each row carrying its group and the group's total.
 */
export async function listArticlesPerGroup(
  db: Executor,
  by: "author" | "tag",
  groupIds: readonly string[],
  statuses: readonly ArticleStatus[],
  page: PageRequest,
  extra: Record<string, SQL> = {},
  withBody = true,
): Promise<GroupedArticle[]> {
  const link = by === "author" ? articleAuthors : articleTags;
  const group = by === "author" ? articleAuthors.authorId : articleTags.tagId;
  const filter: ArticleListFilter = { statuses };
  const ranked = db
    .select({
      ...listColumns(withBody),
      ...Object.fromEntries(Object.entries(extra).map(([name, column]) => [name, column.as(name)])),
      ...groupPageColumns(group, sortKey(filter), [asTimestamp, asUuid], page, true),
    })
    .from(articles)
    .innerJoin(link, eq(link.articleId, articles.id))
    .where(and(...filterConditions(filter), inArray(group, [...groupIds])))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(inGroupPage(ranked, page))
    .orderBy(ranked.groupId, ranked.rank);
  return rows as unknown as GroupedArticle[];
}

/** The size of one author's or tag's list, for the rare page that came back empty past a cursor. */
export async function countArticlesInGroup(
  db: Executor,
  by: "author" | "tag",
  groupId: string,
  statuses: readonly ArticleStatus[],
): Promise<number> {
  const link = by === "author" ? articleAuthors : articleTags;
  const group = by === "author" ? articleAuthors.authorId : articleTags.tagId;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(articles)
    .innerJoin(link, eq(link.articleId, articles.id))
    .where(and(...filterConditions({ statuses }), eq(group, groupId)));
  return row?.n ?? 0;
}
