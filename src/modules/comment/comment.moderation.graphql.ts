// Moderation, for staff: a comment as moderators see it (whatever its status, with the commenter's
// email) and the queue of comments waiting for a decision.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../graphql/builder.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { isEditor } from "../staff/staff.roles.ts";
import {
  commentCursor,
  countCommentsForModeration,
  listCommentsForModeration,
  type ModerationFilter,
  type StoredComment,
} from "./comment.repo.ts";

export const CommentStatusEnum = builder.enumType("CommentStatus", {
  values: {
    PENDING: { value: "pending" },
    APPROVED: { value: "approved" },
    SPAM: { value: "spam" },
    TRASH: { value: "trash" },
  } as const,
});

/** A comment as staff see it, whatever its status, with the commenter's private details. */
export const ModerationCommentRef = builder.objectRef<StoredComment>("ModerationComment").implement({
  description: "A comment as moderators see it. Staff only: it carries the commenter's email.",
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.id({
      description: "The comment's global id (the same as Comment.id).",
      resolve: (c) => encodeGlobalID("Comment", c.id),
    }),
    status: t.field({ type: CommentStatusEnum, resolve: (c) => c.status }),
    authorName: t.exposeString("authorName"),
    authorEmail: t.exposeString("authorEmail"),
    authorUrl: t.expose("authorUrl", { type: "URL", nullable: true }),
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    depth: t.int({ description: "1 for a top-level comment.", resolve: (c) => c.ancestorIds.length + 1 }),
    parentId: t.id({
      nullable: true,
      resolve: (c) => (c.parentId ? encodeGlobalID("Comment", c.parentId) : null),
    }),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    article: t.field({
      type: ArticleRef,
      resolve: async (c, _args, ctx) => {
        const article = await loadVisibleArticle(ctx, c.articleId);
        if (!article) throw new Error(`comment ${c.id} has no article`);
        return article;
      },
    }),
  }),
});

builder.queryField("moderationQueue", (t) =>
  t.connection(
    {
      type: ModerationCommentRef,
      authScopes: { staff: true },
      description: "Comments waiting for a decision, oldest first. Authors see those on their own articles.",
      args: {
        status: t.arg({ type: [CommentStatusEnum], defaultValue: ["pending"] }),
        articleId: t.arg.globalID({ for: ArticleRef }),
      },
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 2);
        const filter: ModerationFilter = {
          statuses: args.status?.length ? args.status : ["pending"],
          articleId: args.articleId?.id,
          // An author without a byline sees nothing rather than everything.
          bylineAuthorId:
            ctx.viewer && !isEditor(ctx.viewer)
              ? (ctx.viewer.authorId ?? "00000000-0000-0000-0000-000000000000")
              : undefined,
        };
        const rows = await listCommentsForModeration(ctx.db, filter, page);
        return toConnection(rows, page, commentCursor, () => countCommentsForModeration(ctx.db, filter));
      },
    },
    { name: "ModerationCommentConnection" },
  ),
);
