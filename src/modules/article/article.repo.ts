// Reads of articles. Batch reads take keys[] and return rows that carry their key.
import { and, eq, gte, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import {
  asTimestamp,
  asUuid,
  cursorValues,
  groupPageColumns,
  inGroupPage,
  keysetFilter,
  keysetOrder,
  pageLimit,
  pageShape,
} from "../../db/keyset.ts";
import { listValues, placeholderList, statementByShape } from "../../db/prepared.ts";
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

/**
 * Extra columns computed per row, such as the parts a page shows (article.parts.ts), with a key
 * that is the same for the same SQL: null when the SQL carries values (a comment page past a
 * cursor), and the statement is then built for this request alone.
 */
export interface ExtraColumns {
  columns: Record<string, SQL>;
  key: string | null;
}
const noExtra: ExtraColumns = { columns: {}, key: "" };

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

const articlesBySlugs = statementByShape(
  "articles_by_slugs",
  ({ extra, count }: { extra: ExtraColumns; count: number }) =>
    extra.key === null ? null : `${count}:${extra.key}`,
  (db, { extra, count }) =>
    db
      .select({ ...articleReadColumns, ...extra.columns })
      .from(articles)
      .where(and(sql`${articles.slug} in ${placeholderList("slug", count)}`, notDeleted)),
);

export async function findArticlesBySlugs(
  db: Executor,
  slugs: readonly string[],
  extra: ExtraColumns = noExtra,
): Promise<(Article & Record<string, unknown>)[]> {
  if (slugs.length === 0) return [];
  return articlesBySlugs(db, { extra, count: slugs.length }, listValues("slug", slugs));
}

/**
 * The WHERE conditions of `filter`. With `placeholders`, its values are placeholders that
 * `filterValues` fills, for a statement prepared once per shape (`filterShape`).
 */
function filterConditions(filter: ArticleListFilter, placeholders = false): SQL[] {
  const value = <T>(name: keyof ArticleListFilter, actual: T) =>
    placeholders ? sql.placeholder(name) : actual;
  const conditions: SQL[] = [notDeleted];
  conditions.push(statusIn(filter.statuses));
  if (filter.language) conditions.push(eq(articles.language, value("language", filter.language)));
  if (filter.publishedFrom) {
    conditions.push(gte(articles.publishedAt, value("publishedFrom", filter.publishedFrom)));
  }
  if (filter.publishedBefore) {
    conditions.push(lt(articles.publishedAt, value("publishedBefore", filter.publishedBefore)));
  }
  if (filter.authorSlug) {
    conditions.push(
      sql`exists (select 1 from ${articleAuthors} join ${authors} on ${authors.id} = ${articleAuthors.authorId}
            where ${articleAuthors.articleId} = ${articles.id} and ${authors.slug} = ${value("authorSlug", filter.authorSlug)})`,
    );
  }
  if (filter.tagSlug) {
    conditions.push(
      sql`exists (select 1 from ${articleTags} join ${tags} on ${tags.id} = ${articleTags.tagId}
            where ${articleTags.articleId} = ${articles.id} and ${tags.slug} = ${value("tagSlug", filter.tagSlug)})`,
    );
  }
  return conditions;
}

/** What a statement of `filterConditions(filter, true)` depends on: which filters are set, and how. */
const filterShape = (filter: ArticleListFilter) => [
  filter.statuses,
  Boolean(filter.language),
  Boolean(filter.publishedFrom),
  Boolean(filter.publishedBefore),
  Boolean(filter.authorSlug),
  Boolean(filter.tagSlug),
];

/** The placeholders' values of `filterConditions(filter, true)`, as the driver takes them. */
const filterValues = (filter: ArticleListFilter): Record<string, unknown> => ({
  language: filter.language,
  publishedFrom: filter.publishedFrom?.toISOString(),
  publishedBefore: filter.publishedBefore?.toISOString(),
  authorSlug: filter.authorSlug,
  tagSlug: filter.tagSlug,
});

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

/** What a statement that lists articles is built for: the page, and the columns it carries. */
interface ListedShape {
  page: PageRequest;
  extra: ExtraColumns;
  withBody: boolean;
}

interface ListShape extends ListedShape {
  filter: ArticleListFilter;
  newestFirst: boolean;
}

const listStatement = statementByShape(
  "articles_list",
  ({ filter, page, newestFirst, extra, withBody }: ListShape) =>
    extra.key === null
      ? null
      : JSON.stringify([filterShape(filter), pageShape(page), newestFirst, withBody, extra.key]),
  (db, { filter, page, newestFirst, extra, withBody }) => {
    const key = sortKey(filter);
    const seek = keysetFilter(key, listCursorCasts, page, newestFirst, true);
    return db
      .select({ ...listColumns(withBody), ...extra.columns })
      .from(articles)
      .where(and(...filterConditions(filter, true), seek))
      .orderBy(keysetOrder(key, page, newestFirst))
      .limit(pageLimit(page));
  },
);

const listCursorCasts = [asTimestamp, asUuid];

/** One page of articles in walking order, with one extra row that tells whether there is more. */
export async function listArticles(
  db: Executor,
  filter: ArticleListFilter,
  page: PageRequest,
  newestFirst: boolean,
  extra: ExtraColumns = noExtra,
  withBody = true,
): Promise<(ListedArticle & Record<string, unknown>)[]> {
  const values = { ...filterValues(filter), ...cursorValues(listCursorCasts, page) };
  return listStatement(db, { filter, page, newestFirst, extra, withBody }, values);
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

interface GroupListShape extends ListedShape {
  by: "author" | "tag";
  statuses: readonly ArticleStatus[];
  groups: number;
}

const groupListStatement = statementByShape(
  "articles_per_group",
  ({ by, statuses, page, extra, withBody, groups }: GroupListShape) =>
    extra.key === null ? null : JSON.stringify([by, statuses, groups, pageShape(page), withBody, extra.key]),
  (db, { by, statuses, page, extra, withBody, groups }) => {
    const link = by === "author" ? articleAuthors : articleTags;
    const group = by === "author" ? articleAuthors.authorId : articleTags.tagId;
    const filter: ArticleListFilter = { statuses };
    const ranked = db
      .select({
        ...listColumns(withBody),
        ...Object.fromEntries(Object.entries(extra.columns).map(([name, column]) => [name, column.as(name)])),
        ...groupPageColumns(group, sortKey(filter), listCursorCasts, page, true, true),
      })
      .from(articles)
      .innerJoin(link, eq(link.articleId, articles.id))
      .where(and(...filterConditions(filter, true), sql`${group} in ${placeholderList("group", groups)}`))
      .as("ranked");
    return db.select().from(ranked).where(inGroupPage(ranked, page)).orderBy(ranked.groupId, ranked.rank);
  },
);

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
  extra: ExtraColumns = noExtra,
  withBody = true,
): Promise<GroupedArticle[]> {
  if (groupIds.length === 0) return [];
  const values = { ...listValues("group", groupIds), ...cursorValues(listCursorCasts, page) };
  const shape = { by, statuses, page, extra, withBody, groups: groupIds.length };
  const rows = await groupListStatement(db, shape, values);
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
