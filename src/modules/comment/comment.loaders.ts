// Per-request comment loaders. A page of comments is loaded for all its groups at once: the
// top-level comments of every article on a page in one statement, then the replies of all of
// those in one more, level by level.
import DataLoader from "dataloader";
import type { Context } from "../../graphql/context.ts";
import { rowByIdLoader } from "../../graphql/loaders.ts";
import { type Connection, type PageRequest, pageRequestKey, toConnection } from "../../graphql/pagination.ts";
import {
  commentCursor,
  countApprovedInGroup,
  findCommentsByIds,
  type ListedComment,
  listApprovedCommentPages,
  type PublicComment,
} from "./comment.repo.ts";

export const commentById = (ctx: Context) => rowByIdLoader((ids) => findCommentsByIds(ctx.db, ids));

type CommentGroup = "article" | "parent";

/** For each group kind and page shape, a loader from a group id to its connection. */
export const commentPages = (ctx: Context) => {
  const loaders = new Map<string, DataLoader<string, Connection<PublicComment>>>();
  return (by: CommentGroup, page: PageRequest) => {
    const key = `${by}:${pageRequestKey(page)}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (groupIds) => {
        const rows = await listApprovedCommentPages(ctx.db, by, groupIds, page);
        const byGroup = new Map<string, ListedComment[]>();
        for (const row of rows) {
          const list = byGroup.get(row.groupId) ?? [];
          list.push(row);
          byGroup.set(row.groupId, list);
        }
        return groupIds.map((groupId) => {
          const list = byGroup.get(groupId) ?? [];
          const total =
            list[0]?.totalCount ??
            (page.after || page.before ? () => countApprovedInGroup(ctx.db, by, groupId) : 0);
          return toConnection<PublicComment>(list, page, commentCursor, total);
        });
      });
      loaders.set(key, loader);
    }
    return loader;
  };
};
