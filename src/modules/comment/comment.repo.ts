// Reads of comments. A thread is public while every comment in it is approved.
import { and, eq, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { asTimestamp, asUuid, keysetFilter, keysetOrder } from "../../db/keyset.ts";
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

export const findCommentsByIds = (db: Executor, ids: readonly string[]): Promise<CommentById[]> =>
  db
    .select({
      ...publicCommentColumns,
      threadApproved: sql<boolean>`(${comments.status} = 'approved' and not exists (
        select 1 from ${comments} p where p.id = any(${comments.ancestorIds}) and p.status <> 'approved'))`,
    })
    .from(comments)
    .where(inArray(comments.id, [...ids]));

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
  const seek: SQL = keysetFilter(oldestFirst, [asTimestamp, asUuid], page, false) ?? sql`true`;
  const ranked = db
    .select({
      ...publicCommentColumns,
      groupId: sql<string>`${group}`.as("group_id"),
      totalCount: sql<number>`count(*) over (partition by ${group})`.mapWith(Number).as("total_count"),
      // Rank among the rows past the cursor only; the total above counts the whole group.
      rank: sql<number>`count(*) filter (where ${seek}) over (partition by ${group} order by ${keysetOrder(oldestFirst, page, false)})`
        .mapWith(Number)
        .as("rank"),
      inPage: sql<boolean>`${seek}`.as("in_page"),
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
    .where(and(ranked.inPage, lte(ranked.rank, page.limit + 1)))
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
