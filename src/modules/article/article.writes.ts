// Writes of articles and what editing needs around them: the row locked for a change, snapshots and
// revisions, bylines and tags, and the staff lists of revisions and deleted articles. Reads for
// readers stay in article.repo.ts.

import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { asInt, asTimestamp, asUuid, isUuid, keysetFilter, keysetOrder } from "../../db/keyset.ts";
import {
  type ArticleSnapshot,
  articleAuthors,
  articleRevisions,
  articles,
  articleTags,
  staff,
} from "../../db/schema.ts";
import { articleReadColumns } from "../../db/visibility.ts";
import type { PageRequest } from "../../graphql/pagination.ts";
import type { StaffMember } from "../staff/staff.repo.ts";
import type { Article } from "./article.repo.ts";

export type ArticleInsert = typeof articles.$inferInsert;
/** The columns an edit may set; version and updated_at are the writer's. */
export type ArticlePatch = Partial<
  Pick<
    ArticleInsert,
    | "slug"
    | "language"
    | "title"
    | "lede"
    | "body"
    | "bodyHtml"
    | "readingTimeMinutes"
    | "status"
    | "publishedAt"
    | "commentsOpen"
    | "coverImageId"
    | "deletedAt"
  >
>;

/**
 * The article with `id`, live (or, with `deleted`, in the bin). With `lock`, its row stays locked
 * until the transaction ends: changes to one article, its quotes or its sources queue behind it.
 */
export async function findArticleForWrite(
  tx: Executor,
  id: string,
  options: { deleted?: boolean; lock?: boolean } = {},
): Promise<Article | null> {
  // Any string decodes from a global id; only a UUID can name a row.
  if (!isUuid(id)) return null;
  const query = tx
    .select(articleReadColumns)
    .from(articles)
    .where(
      and(eq(articles.id, id), options.deleted ? isNotNull(articles.deletedAt) : isNull(articles.deletedAt)),
    );
  const [row] = await (options.lock ? query.for("update") : query);
  return row ?? null;
}

/** What a revision keeps of `article`: its own fields, its byline in order and its tags. */
export async function snapshotOf(tx: Executor, article: Article): Promise<ArticleSnapshot> {
  return (await snapshotsOf(tx, [article])).get(article.id) as ArticleSnapshot;
}

export function toSnapshot(article: Article, authorIds: string[], tagIds: string[]): ArticleSnapshot {
  return {
    slug: article.slug,
    language: article.language,
    title: article.title,
    lede: article.lede,
    body: article.body,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    commentsOpen: article.commentsOpen,
    authorIds,
    // Sorted: a tag set has no order, and the same set must compare equal.
    tagIds: [...tagIds].sort(),
    coverImageId: article.coverImageId,
  };
}

export async function insertArticle(tx: Executor, values: ArticleInsert): Promise<Article> {
  const [row] = await tx.insert(articles).values(values).returning(articleReadColumns);
  if (!row) throw new Error("insert returned no article");
  return row;
}

/** Writes HTML rendered again from the same body (an image it shows was described anew). */
export async function setBodyHtml(tx: Executor, id: string, bodyHtml: string): Promise<void> {
  await tx.update(articles).set({ bodyHtml }).where(eq(articles.id, id));
}

/**
 * Applies `patch` as the next version, only if the row is still at `expectedVersion`: null means
 * someone else wrote first.
 */
export async function updateArticleRow(
  tx: Executor,
  id: string,
  expectedVersion: number,
  patch: ArticlePatch,
  now: Date,
): Promise<Article | null> {
  const [row] = await tx
    .update(articles)
    .set({ ...patch, version: sql`${articles.version} + 1`, updatedAt: now })
    .where(and(eq(articles.id, id), eq(articles.version, expectedVersion)))
    .returning(articleReadColumns);
  return row ?? null;
}

export async function replaceBylines(tx: Executor, articleId: string, authorIds: readonly string[]) {
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  if (authorIds.length) {
    await tx
      .insert(articleAuthors)
      .values(authorIds.map((authorId, position) => ({ articleId, authorId, position })));
  }
}

export async function replaceTags(tx: Executor, articleId: string, tagIds: readonly string[]) {
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId, tagId })));
}

// ---- Revisions ----------------------------------------------------------------------------------

export type RevisionInsert = typeof articleRevisions.$inferInsert;
export type Revision = typeof articleRevisions.$inferSelect & { staff: StaffMember | null };

export async function insertRevisions(tx: Executor, rows: readonly RevisionInsert[]): Promise<void> {
  if (rows.length) await tx.insert(articleRevisions).values([...rows]);
}

export async function hasRevisions(tx: Executor, articleId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: articleRevisions.id })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .limit(1);
  return row !== undefined;
}

const revisionColumns = { revision: articleRevisions, staff };

const withStaff = (rows: { revision: typeof articleRevisions.$inferSelect; staff: StaffMember | null }[]) =>
  rows.map((row): Revision => ({ ...row.revision, staff: row.staff }));

export async function findRevisionsByIds(db: Executor, ids: readonly string[]): Promise<Revision[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const rows = await db
    .select(revisionColumns)
    .from(articleRevisions)
    .leftJoin(staff, eq(staff.id, articleRevisions.staffId))
    .where(inArray(articleRevisions.id, valid));
  return withStaff(rows);
}

const newestVersionFirst = [sql`${articleRevisions.version}`];

export const revisionCursor = (revision: Revision): [number] => [revision.version];

/** An article's revisions, newest first: one page plus one row. */
export async function listRevisions(db: Executor, articleId: string, page: PageRequest): Promise<Revision[]> {
  const rows = await db
    .select(revisionColumns)
    .from(articleRevisions)
    .leftJoin(staff, eq(staff.id, articleRevisions.staffId))
    .where(
      and(eq(articleRevisions.articleId, articleId), keysetFilter(newestVersionFirst, [asInt], page, true)),
    )
    .orderBy(keysetOrder(newestVersionFirst, page, true))
    .limit(page.limit + 1);
  return withStaff(rows);
}

export const countRevisions = (db: Executor, articleId: string) =>
  db.$count(articleRevisions, eq(articleRevisions.articleId, articleId));

// ---- The bin: soft-deleted articles -------------------------------------------------------------

const recentlyDeletedFirst: SQL[] = [sql`${articles.deletedAt}`, sql`${articles.id}`];

export const deletedArticleCursor = (article: Article): [string, string] => [
  (article.deletedAt as Date).toISOString(),
  article.id,
];

export const listDeletedArticles = (db: Executor, page: PageRequest): Promise<Article[]> =>
  db
    .select(articleReadColumns)
    .from(articles)
    .where(
      and(
        isNotNull(articles.deletedAt),
        keysetFilter(recentlyDeletedFirst, [asTimestamp, asUuid], page, true),
      ),
    )
    .orderBy(keysetOrder(recentlyDeletedFirst, page, true))
    .limit(page.limit + 1);

export const countDeletedArticles = (db: Executor) => db.$count(articles, isNotNull(articles.deletedAt));

// ---- The scheduler -------------------------------------------------------------------------------

/**
 * The scheduled articles that are due, soonest first. A list, not a claim: each is published under
 * its row lock, where a second process finds it no longer scheduled and leaves it.
 */
export const findDueArticleIds = async (tx: Executor, now: Date): Promise<string[]> =>
  (
    await tx
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          eq(articles.status, "scheduled"),
          sql`${articles.publishedAt} <= ${now}`,
          isNull(articles.deletedAt),
        ),
      )
      .orderBy(articles.publishedAt, articles.id)
  ).map((row) => row.id);

/** Snapshots of many articles in one statement. */
export async function snapshotsOf(
  tx: Executor,
  rows: readonly Article[],
): Promise<Map<string, ArticleSnapshot>> {
  const snapshots = new Map<string, ArticleSnapshot>();
  if (!rows.length) return snapshots;
  const links = await tx.query.articles.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    columns: { id: true },
    with: {
      bylines: { columns: { authorId: true }, orderBy: { position: "asc" } },
      tagLinks: { columns: { tagId: true } },
    },
  });
  const byId = new Map(links.map((link) => [link.id, link]));
  for (const row of rows) {
    const link = byId.get(row.id);
    snapshots.set(
      row.id,
      toSnapshot(row, link?.bylines.map((b) => b.authorId) ?? [], link?.tagLinks.map((l) => l.tagId) ?? []),
    );
  }
  return snapshots;
}
