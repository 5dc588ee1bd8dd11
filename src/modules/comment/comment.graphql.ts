// The public Comment type: no email, no IP, nothing derived from them.
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { type ConnectionArgs, pageRequest } from "../../graphql/pagination.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { commentById, commentPages } from "./comment.loaders.ts";
import type { ListedComment, PublicComment } from "./comment.repo.ts";

export const CommentRef = builder.objectRef<PublicComment>("Comment");
export const CommentConnectionRef = builder.connectionObject({ type: CommentRef, name: "CommentConnection" });

export function resolveArticleComments(ctx: Context, articleId: string, args: ConnectionArgs) {
  return ctx.loader(commentPages)("article", pageRequest(args, 2)).load(articleId);
}

builder.node(CommentRef, {
  description: "A reader's message on an article. Only approved comments are public.",
  id: { resolve: (comment) => comment.id },
  // A comment is public once it and its whole thread above it are approved, on an article the
  // viewer can see: exactly the comments that the lists reach.
  loadMany: (ids, ctx) =>
    Promise.all(
      ids.map(async (id) => {
        const comment = await ctx.loader(commentById).load(id);
        const visible = comment?.threadApproved && (await loadVisibleArticle(ctx, comment.articleId));
        return visible ? comment : null;
      }),
    ),
  fields: (t) => ({
    authorName: t.exposeString("authorName"),
    authorUrl: t.expose("authorUrl", { type: "URL", nullable: true }),
    body: t.exposeString("body"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    article: t.field({
      type: ArticleRef,
      resolve: async (comment, _args, ctx) => {
        const article = await loadVisibleArticle(ctx, comment.articleId);
        if (!article) throw new Error(`comment ${comment.id} belongs to an article the viewer cannot see`);
        return article;
      },
    }),
    parent: t.field({
      type: CommentRef,
      nullable: true,
      description: "The comment this one replies to; null for a top-level comment.",
      resolve: async (comment, _args, ctx) => {
        if (!comment.parentId) return null;
        const parent = await ctx.loader(commentById).load(comment.parentId);
        return parent?.threadApproved ? parent : null;
      },
    }),
    replies: t.connection(
      {
        type: CommentRef,
        description: "Approved direct replies, oldest first.",
        resolve: (comment, args, ctx) =>
          ctx.loader(commentPages)("parent", pageRequest(args, 2)).load(comment.id),
      },
      CommentConnectionRef,
    ),
    replyCount: t.int({
      description: "Approved direct replies: the total of `replies`.",
      resolve: async (comment, _args, ctx) => {
        const listed = (comment as Partial<ListedComment>).replyCount;
        if (listed !== undefined) return listed;
        const replies = await ctx
          .loader(commentPages)("parent", pageRequest({ first: 0 }, 2))
          .load(comment.id);
        return typeof replies.totalCount === "function" ? replies.totalCount() : replies.totalCount;
      },
    }),
  }),
});
