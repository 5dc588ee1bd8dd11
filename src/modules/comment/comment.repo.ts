// Reads of comments. A thread is public while every comment in it is approved.
import { and, eq, inArray, isNull, type SQL, type SQLWrapper, sql, type WithSubquery } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { jsonRowSql } from "../../db/json-rows.ts";
import {
  asTimestamp,
  asUuid,
  cursorValues,
  keysetFilter,
  keysetOrder,
  pageLimit,
  pageShape,
} from "../../db/keyset.ts";
import { statementByShape } from "../../db/prepared.ts";
import { articles, comments } from "../../db/schema.ts";
import { isPublicArticle } from "../../db/visibility.ts";
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
/** A comment of a page: its group, and the counts the query asked for. */
export type ListedComment = PublicComment & { groupId: string; totalCount?: number; replyCount?: number };

/** A comment found by id, with whether it is public: approved, and every comment above it too. */
export type CommentById = PublicComment & { threadApproved: boolean };

/**
 * The one rule of what the public sees: a comment is public while it is approved and so is every
 * comment above it in its thread. `alias` names the comments row it tests (spelled out: drizzle
 * leaves outer columns unqualified, which the subquery would capture). The public comment count
 * (articles.visible_comment_count) is kept by triggers on comments with the same rule, in SQL
 * (migration visible_comment_count); test/comment-count.test.ts holds the two together.
 */
const isPublicComment = (alias: string) =>
  sql.raw(`(${alias}.status = 'approved' and not exists (
    select 1 from comments p where p.id = any(${alias}.ancestor_ids) and p.status <> 'approved'))`);

const threadApproved = sql<boolean>`${isPublicComment("comments")}`;

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

export type CommentGroup = "article" | "parent";

/**
 * What a page of comments carries besides its comments, when a query asks for it: each group's
 * total (`totalCount`) and each comment's count of approved replies (`replyCount`). Both are a
 * count per row or group, paid only when selected.
 */
export interface CommentPageExtras {
  total: boolean;
  replyCount: boolean;
}

/** The approved comments of one group: an article's top-level comments, or a comment's replies. */
const approvedInGroup = (by: CommentGroup, groupId: SQLWrapper) =>
  and(
    eq(by === "article" ? comments.articleId : comments.parentId, groupId),
    // A literal, as the page size is (`pageLimit`): the statement's text says all its plan needs.
    sql`${comments.status} = 'approved'`,
    by === "article" ? isNull(comments.parentId) : undefined,
  );

/** A comment's approved replies, counted; `id` is the comment's id column, qualified. */
const approvedReplyCount = (id: SQL) =>
  sql<number>`(select count(*)::int from comments r where r.parent_id = ${id} and r.status = 'approved')`;

// Spelled out: in a one-table select drizzle leaves columns unqualified, and inside the reply
// count's subquery a bare "id" would be the subquery's own.
const pageCommentId = sql.raw(`"comments"."id"`);

const commentCursorCasts = [asTimestamp, asUuid];

/**
 * One group's page of approved comments (plus one row, which only tells there are more), in
 * walking order: an index seek per group, whatever the size of the group. With `placeholders`,
 * the cursor's values are placeholders (`cursorValues`).
 */
const approvedPage = (
  by: CommentGroup,
  groupId: SQLWrapper,
  page: PageRequest,
  replyCount: boolean,
  placeholders = false,
) =>
  new QueryBuilder()
    .select({
      ...publicCommentColumns,
      ...(replyCount && { replyCount: approvedReplyCount(pageCommentId).as("reply_count") }),
    })
    .from(comments)
    .where(
      and(
        approvedInGroup(by, groupId),
        keysetFilter(oldestFirst, commentCursorCasts, page, false, placeholders),
      ),
    )
    .orderBy(keysetOrder(oldestFirst, page, false))
    .limit(pageLimit(page));

/** The count of one group's approved comments (for `totalCount`). */
const approvedCount = (by: CommentGroup, groupId: SQLWrapper) =>
  sql<number>`(select count(*)::int from ${comments} where ${approvedInGroup(by, groupId)})`;

interface CommentPagesShape extends CommentPageExtras {
  by: CommentGroup;
  page: PageRequest;
}

const commentPagesStatement = statementByShape(
  "approved_comment_pages",
  ({ by, page, total, replyCount }: CommentPagesShape) =>
    JSON.stringify([by, pageShape(page), total, replyCount]),
  (db, { by, page, total, replyCount }) => {
    const groupId = sql.raw("g.id");
    const pageRows = approvedPage(by, groupId, page, replyCount, true).as("p");
    return db
      .select({
        id: pageRows.id,
        articleId: pageRows.articleId,
        parentId: pageRows.parentId,
        authorName: pageRows.authorName,
        authorUrl: pageRows.authorUrl,
        body: pageRows.body,
        status: pageRows.status,
        createdAt: pageRows.createdAt,
        groupId: sql<string>`${groupId}`,
        ...(replyCount && { replyCount: sql<number>`p.reply_count` }),
        ...(total && { totalCount: approvedCount(by, groupId) }),
      })
      .from(sql`unnest(${sql.placeholder("groupIds")}::uuid[]) as g(id)`)
      .crossJoinLateral(pageRows);
  },
);

/**
 * One page of approved comments for each of many groups in one statement: the top-level comments
 * of articles (`by: "article"`) or the direct replies of comments (`by: "parent"`). Each group is
 * its own `LATERAL … LIMIT` seek, so the cost follows the page, not the size of the groups. Rows
 * come in walking order within each group and carry their group (and, when asked, its total).
 */
export async function listApprovedCommentPages(
  db: Executor,
  by: CommentGroup,
  groupIds: readonly string[],
  page: PageRequest,
  extras: CommentPageExtras,
): Promise<ListedComment[]> {
  const values = { groupIds: [...groupIds], ...cursorValues(commentCursorCasts, page) };
  const rows = await commentPagesStatement(db, { by, page, ...extras }, values);
  return rows as ListedComment[];
}

/** One level of a comment tree: the page each group shows, its counts, and how whole its comments are. */
export interface CommentLevel extends CommentPageExtras {
  page: PageRequest;
  /** All public columns, or only what a page of comments most often shows (`commentGistColumns`). */
  whole: boolean;
}

/**
 * What a page of comments most often shows (who wrote what, when) and what its cursors and
 * replies need. A comment tree carries only these unless its query selects more of a comment.
 */
const commentGistColumns = {
  id: comments.id,
  authorName: comments.authorName,
  body: comments.body,
  createdAt: comments.createdAt,
};
/** The Comment fields that `commentGistColumns` serve (replies and counts come by id). */
export const COMMENT_GIST_FIELDS: ReadonlySet<string> = new Set([
  "__typename",
  "id",
  "authorName",
  "body",
  "createdAt",
  "replies",
  "replyCount",
]);

/** A comment of a page nested as JSON: its replies' page nested the same way when asked for. */
export type CommentJson = Omit<PublicComment, "createdAt"> & {
  /** Epoch milliseconds (`jsonRowSql`). */
  createdAt: number;
  replyCount?: number;
  replies?: CommentPageJson;
};
export interface CommentPageJson {
  rows: CommentJson[];
  total: number | null;
}

/**
 * The pages of a comment tree as one JSON value, for a statement that reads the article itself:
 * the first level's page of the article `articleId` (`{ rows, total }`, rows in walking order,
 * plus one), and under each of its comments the page of the next level, and so on.
 */
export function approvedCommentTreeSql(articleId: SQL, levels: readonly CommentLevel[]): SQL {
  const level = (depth: number, by: CommentGroup, groupId: SQL): SQL => {
    const shape = levels[depth] as CommentLevel;
    const alias = `c${depth}`;
    const walking = keysetOrder([sql.raw(`${alias}.created_at`), sql.raw(`${alias}.id`)], shape.page, false);
    const row = jsonRowSql(shape.whole ? publicCommentColumns : commentGistColumns, alias, {
      ...(shape.replyCount && { replyCount: sql.raw(`${alias}.reply_count`) }),
      ...(depth + 1 < levels.length && { replies: level(depth + 1, "parent", sql.raw(`${alias}.id`)) }),
    });
    const page = approvedPage(by, groupId, shape.page, shape.replyCount);
    return sql`json_build_object('total', ${shape.total ? approvedCount(by, groupId) : sql`null`}, 'rows',
      (select coalesce(json_agg(${row} order by ${walking}), '[]'::json) from (${page}) ${sql.raw(alias)}))`;
  };
  return level(0, "article", articleId);
}

/** The size of one group, for the rare page that came back empty past a cursor. */
export const countApprovedInGroup = (db: Executor, by: CommentGroup, groupId: string) =>
  db.$count(comments, approvedInGroup(by, sql`${groupId}`));

// ---- Writes and staff reads. Everything below may touch private columns; none of it reaches a
// public type (the moderation types are staff-only).

export type StoredComment = typeof comments.$inferSelect;

export const findStoredComment = async (db: Executor, id: string): Promise<StoredComment | null> =>
  (await db.select().from(comments).where(eq(comments.id, id)).limit(1))[0] ?? null;

/**
 * Inserts a comment under the id the caller chose, with the CTEs `also` (a webhook event, say)
 * written by the same statement: atomic without a transaction. Running it again with the same id
 * inserts nothing and returns the row already there: a retry after a lost connection cannot
 * duplicate it.
 */
export async function insertComment(
  db: Executor,
  values: typeof comments.$inferInsert & { id: string },
  also: WithSubquery[] = [],
): Promise<StoredComment> {
  // Prepared: posting is a hot path, and a prepared statement is one round trip (an unnamed one
  // with parameters is two: postgres.js asks for their types first). Its text varies only with
  // which optional columns are set, so each connection keeps a few such statements at most.
  const [row] = await db
    .with(...also)
    .insert(comments)
    .values(values)
    .onConflictDoNothing({ target: comments.id })
    .returning()
    .prepare("insert_comment")
    .execute();
  const stored = row ?? (await findStoredComment(db, values.id));
  if (!stored) throw new Error("insert returned no comment");
  return stored;
}

/** What posting a comment checks before it writes, read in one statement. */
export interface PostingChecks {
  /** The article takes comments: published, not deleted, open. */
  commentsOpen: boolean;
  /** This email already posted this very body on this article. */
  duplicate: boolean;
  /** This email has an approved comment anywhere (asked only when `known` is). */
  knownCommenter: boolean;
}

/**
 * The checks of a comment by `email` with `body` on the published article `articleId`, or null
 * when no published article has this id. `known`: whether to look for an approved comment of
 * this email (the known-commenter rule), which costs an index probe.
 */
export async function readPostingChecks(
  db: Executor,
  input: { articleId: string; email: string; body: string; known: boolean },
): Promise<PostingChecks | null> {
  // Spelled out: in a one-table select drizzle leaves columns unqualified, and a bare "id" in
  // the subqueries would be the comment's own.
  const articleId = sql.raw(`"articles"."id"`);
  const [row] = await db
    .select({
      commentsOpen: articles.commentsOpen,
      duplicate: sql<boolean>`exists (select 1 from comments c where c.article_id = ${articleId}
        and lower(c.author_email) = lower(${input.email}) and c.body = ${input.body})`,
      knownCommenter: input.known
        ? sql<boolean>`exists (select 1 from comments c where lower(c.author_email) = lower(${input.email})
            and c.status = 'approved')`
        : sql<boolean>`false`,
    })
    .from(articles)
    .where(and(eq(articles.id, input.articleId), isPublicArticle));
  return row ?? null;
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
    .limit(pageLimit(page));

export const countCommentsForModeration = (db: Executor, filter: ModerationFilter) =>
  db.$count(comments, moderationConditions(filter));
