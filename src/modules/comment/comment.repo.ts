// Reads of comments. A thread is public while every comment in it is approved.
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import {
  asTimestamp,
  asUuid,
  groupPageColumns,
  inGroupPage,
  keysetFilter,
  keysetOrder,
} from "../../db/keyset.ts";
import { comments } from "../../db/schema.ts";
import type { PageRequest } from "../../graphql/pagination.ts";

/** What a public comment shows. No email, IP or user agent: they never leave this module's SQL. */
export const publicCommentColumns = {
  id: comments.id,
  articleId: comments.articleId,
  parentId: comments.parentId,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  body: comments.body,
  status: comments.status,
  createdAt: comments.createdAt,
};
export type PublicComment = {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string | null;
  body: string;
  status: (typeof comments.$inferSelect)["status"];
  createdAt: Date;
};
export type ListedComment = PublicComment & { groupId: string; totalCount: number; replyCount: number };

/** A comment found by id, with whether it is public: approved, and every comment above it too. */
export type CommentById = PublicComment & { threadApproved: boolean };

// Spelled out: drizzle leaves the outer columns unqualified, which the subquery would capture.
const threadApproved = sql<boolean>`(comments.status = 'approved' and not exists (
  select 1 from comments p where p.id = any(comments.ancestor_ids) and p.status <> 'approved'))`;

export const findCommentsByIds = (db: Executor, ids: readonly string[]): Promise<CommentById[]> =>
  db
    .select({ ...publicCommentColumns, threadApproved })
    .from(comments)
    .where(inArray(comments.id, [...ids]));

/**
 * Where a subscriber's catch-up starts: the comment `id` of `articleId` (whatever its status
 * now), by its last change. A comment edited after the client received it moves the start to
 * its edit; what became public in between is not caught up on (moderators rarely edit, and the
 * table keeps no time of approval).
 */
export const findCatchUpPoint = async (
  db: Executor,
  articleId: string,
  id: string,
): Promise<{ id: string; updatedAt: Date } | null> =>
  (
    await db
      .select({ id: comments.id, updatedAt: comments.updatedAt })
      .from(comments)
      .where(and(eq(comments.id, id), eq(comments.articleId, articleId)))
  )[0] ?? null;

/**
 * The public comments of an article changed after `since` (approved, or edited, since), in the
 * order of that change, at most `limit`: what a subscriber missed while it was away.
 */
export const listCommentsChangedSince = (
  db: Executor,
  articleId: string,
  since: { id: string; updatedAt: Date },
  limit: number,
): Promise<PublicComment[]> =>
  db
    .select(publicCommentColumns)
    .from(comments)
    .where(
      and(
        eq(comments.articleId, articleId),
        sql`(${comments.updatedAt}, ${comments.id}) > (${since.updatedAt.toISOString()}::timestamptz, ${since.id}::uuid)`,
        threadApproved,
      ),
    )
    .orderBy(comments.updatedAt, comments.id)
    .limit(limit);

export const commentCursor = (comment: PublicComment): [string, string] => [
  comment.createdAt.toISOString(),
  comment.id,
];

const oldestFirst = [sql`${comments.createdAt}`, sql`${comments.id}`];

/**
 * One page of approved comments for each of many groups in one statement: the top-level comments
 * of articles (`by: "article"`) or the direct replies of comments (`by: "parent"`). Each row
 * carries its group, the group's total and its own count of approved replies.
 */
export async function listApprovedCommentPages(
  db: Executor,
  by: "article" | "parent",
  groupIds: readonly string[],
  page: PageRequest,
): Promise<ListedComment[]> {
  const group = by === "article" ? comments.articleId : comments.parentId;
  const ranked = db
    .select({
      ...publicCommentColumns,
      ...groupPageColumns(group, oldestFirst, [asTimestamp, asUuid], page, false),
    })
    .from(comments)
    .where(
      and(
        inArray(group, [...groupIds]),
        eq(comments.status, "approved"),
        by === "article" ? isNull(comments.parentId) : undefined,
      ),
    )
    .as("ranked");
  return db
    .select({
      id: ranked.id,
      articleId: ranked.articleId,
      parentId: ranked.parentId,
      authorName: ranked.authorName,
      authorUrl: ranked.authorUrl,
      body: ranked.body,
      status: ranked.status,
      createdAt: ranked.createdAt,
      groupId: ranked.groupId,
      totalCount: ranked.totalCount,
      replyCount:
        sql<number>`(select count(*)::int from ${comments} r where r.parent_id = ${ranked.id} and r.status = 'approved')`.mapWith(
          Number,
        ),
    })
    .from(ranked)
    .where(inGroupPage(ranked, page))
    .orderBy(ranked.groupId, ranked.rank);
}

/** The size of one group, for the rare page that came back empty past a cursor. */
export const countApprovedInGroup = (db: Executor, by: "article" | "parent", groupId: string) =>
  db.$count(
    comments,
    and(
      eq(by === "article" ? comments.articleId : comments.parentId, groupId),
      eq(comments.status, "approved"),
      by === "article" ? isNull(comments.parentId) : undefined,
    ),
  );

// ---- Writes and staff reads. Everything below may touch private columns; none of it reaches a
// public type (the moderation types are staff-only).

export type StoredComment = typeof comments.$inferSelect;

export const findStoredComment = async (db: Executor, id: string): Promise<StoredComment | null> =>
  (await db.select().from(comments).where(eq(comments.id, id)).limit(1))[0] ?? null;

export const findStoredCommentsByIds = (db: Executor, ids: readonly string[]): Promise<StoredComment[]> =>
  db
    .select()
    .from(comments)
    .where(inArray(comments.id, [...ids]));

/**
 * Inserts a comment under the id the caller chose. Running it again with the same id inserts
 * nothing and returns the row already there: a retry after a lost connection cannot duplicate it.
 */
export async function insertComment(
  db: Executor,
  values: typeof comments.$inferInsert & { id: string },
): Promise<StoredComment> {
  const [row] = await db
    .insert(comments)
    .values(values)
    .onConflictDoNothing({ target: comments.id })
    .returning();
  const stored = row ?? (await findStoredComment(db, values.id));
  if (!stored) throw new Error("insert returned no comment");
  return stored;
}

/** Whether this email has an approved comment anywhere: a known commenter. */
export async function hasApprovedComment(db: Executor, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(sql`lower(${comments.authorEmail}) = lower(${email})`, eq(comments.status, "approved")))
    .limit(1);
  return rows.length > 0;
}

/** Whether this email already posted this very body on this article. */
export async function hasSameComment(
  db: Executor,
  articleId: string,
  email: string,
  body: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.articleId, articleId),
        sql`lower(${comments.authorEmail}) = lower(${email})`,
        eq(comments.body, body),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function updateStoredComment(
  db: Executor,
  id: string,
  changes: Partial<Pick<StoredComment, "status" | "body" | "authorName" | "authorUrl">>,
  now: Date,
): Promise<StoredComment | null> {
  const [row] = await db
    .update(comments)
    .set({ ...changes, updatedAt: now })
    .where(eq(comments.id, id))
    .returning();
  return row ?? null;
}

/** Deletes a comment and, through the foreign key, every reply below it. */
export async function deleteStoredComment(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(comments).where(eq(comments.id, id)).returning({ id: comments.id });
  return rows.length > 0;
}

export interface ModerationFilter {
  statuses: readonly StoredComment["status"][];
  articleId?: string | undefined;
  /** Only comments on articles this author (byline) wrote: what an author-role staff member sees. */
  bylineAuthorId?: string | undefined;
}

function moderationConditions(filter: ModerationFilter): SQL | undefined {
  return and(
    inArray(comments.status, [...filter.statuses]),
    filter.articleId ? eq(comments.articleId, filter.articleId) : undefined,
    filter.bylineAuthorId
      ? sql`exists (select 1 from article_authors aa where aa.article_id = ${comments.articleId} and aa.author_id = ${filter.bylineAuthorId})`
      : undefined,
  );
}

/** The moderation queue: oldest first, so nobody waits longest. */
export const listCommentsForModeration = (db: Executor, filter: ModerationFilter, page: PageRequest) =>
  db
    .select()
    .from(comments)
    .where(and(moderationConditions(filter), keysetFilter(oldestFirst, [asTimestamp, asUuid], page, false)))
    .orderBy(keysetOrder(oldestFirst, page, false))
    .limit(page.limit + 1);

export const countCommentsForModeration = (db: Executor, filter: ModerationFilter) =>
  db.$count(comments, moderationConditions(filter));
