// Per-request comment loaders. A page of comments is loaded for all its groups at once: the
// top-level comments of every article on a page in one statement, then the replies of all of
// those in one more, level by level. A statement that reads articles can also carry their
// comment tree (`commentTreeColumn`), which then primes these loaders: no statement of its own.
import type DataLoader from "dataloader";
import type { SQL } from "drizzle-orm";
import { jsonRowReader } from "../../db/json-rows.ts";
import type { Context } from "../../graphql/context.ts";
import { groupPageLoader, loadersByShape, rowByIdLoader } from "../../graphql/loaders.ts";
import { type Connection, type PageRequest, pageRequestKey, toConnection } from "../../graphql/pagination.ts";
import {
  approvedCommentTreeSql,
  type CommentGroup,
  type CommentLevel,
  type CommentPageExtras,
  type CommentPageJson,
  commentCursor,
  countApprovedInGroup,
  findCommentsByIds,
  type ListedComment,
  listApprovedCommentPages,
  type PublicComment,
  publicCommentColumns,
} from "./comment.repo.ts";

export const commentById = (ctx: Context) => rowByIdLoader((ids) => findCommentsByIds(ctx.db, ids));

/** A page of comments as a query asks for it: whose, which page, which counts, which columns. */
export interface CommentPageShape extends CommentPageExtras {
  by: CommentGroup;
  page: PageRequest;
  /** Whether the comments must be whole (the statement of a page always reads them whole). */
  whole: boolean;
}

const shapeKey = (shape: CommentPageShape) =>
  `${shape.by}:${pageRequestKey(shape.page)}:${shape.total}:${shape.replyCount}:${shape.whole}`;

/** The connection of one group from its page of rows (in walking order, plus one). */
function commentConnection(
  ctx: Context,
  shape: CommentPageShape,
  groupId: string,
  rows: ListedComment[],
  total = rows[0]?.totalCount,
) {
  // An empty first page is an empty group. Otherwise, without the total (past a cursor, or not
  // selected by this query), a later ask counts this one group.
  const emptyGroup = rows.length === 0 && !shape.page.after && !shape.page.before;
  const totalCount = total ?? (emptyGroup ? 0 : () => countApprovedInGroup(ctx.db, shape.by, groupId));
  return toConnection<PublicComment>(rows, shape.page, commentCursor, totalCount);
}

/** For each page shape, a loader from a group id to its connection. */
export const commentPages = (ctx: Context) =>
  loadersByShape(
    shapeKey,
    (shape: CommentPageShape): DataLoader<string, Connection<PublicComment>> =>
      groupPageLoader(
        (groupIds: readonly string[]) =>
          listApprovedCommentPages(ctx.db, shape.by, groupIds, shape.page, shape),
        (row) => row.groupId,
        (groupId, rows) => commentConnection(ctx, shape, groupId, rows),
      ),
  );

/** The comment tree of the article `articleId` as a JSON column, its levels as the query asks. */
export const commentTreeColumn = (articleId: SQL, levels: readonly CommentLevel[]) =>
  approvedCommentTreeSql(articleId, levels);

// Reads the gist of a comment as well (`commentGistColumns`): its resolvers ask for whole comments
// when their selection needs more (`CommentPageShape.whole`).
const readComment = jsonRowReader<ListedComment>(publicCommentColumns);

/** Hands an article's comment tree (from `commentTreeColumn`) to this request's page loaders. */
export function primeCommentTree(
  ctx: Context,
  articleId: string,
  tree: CommentPageJson,
  levels: readonly CommentLevel[],
): void {
  const prime = (depth: number, by: CommentGroup, groupId: string, json: CommentPageJson) => {
    const level = levels[depth] as CommentLevel;
    const shape: CommentPageShape = { by, ...level };
    const rows = json.rows.map((row) => {
      if (row.replies && depth + 1 < levels.length) prime(depth + 1, "parent", row.id, row.replies);
      const { replies: _replies, ...comment } = row;
      return readComment({ ...comment, groupId });
    });
    const connection = commentConnection(ctx, shape, groupId, rows, json.total ?? undefined);
    ctx.loader(commentPages)(shape).prime(groupId, connection);
    // Whole comments serve a selection of the gist as well.
    if (shape.whole)
      ctx
        .loader(commentPages)({ ...shape, whole: false })
        .prime(groupId, connection);
  };
  prime(0, "article", articleId, tree);
}
