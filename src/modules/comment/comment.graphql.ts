// The public Comment type: no email, no IP, nothing derived from them.
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from "graphql";
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { type ConnectionSelection, connectionSelection, sameArguments } from "../../graphql/lookahead.ts";
import { type ConnectionArgs, type PageRequest, pageRequest } from "../../graphql/pagination.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { type CommentPageShape, commentById, commentPages } from "./comment.loaders.ts";
import {
  COMMENT_GIST_FIELDS,
  type CommentGroup,
  type CommentLevel,
  type ListedComment,
  type PublicComment,
} from "./comment.repo.ts";

export const CommentRef = builder.objectRef<PublicComment>("Comment");
export const CommentConnectionRef = builder.connectionObject({ type: CommentRef, name: "CommentConnection" });

/** The page a `comments` or `replies` field asks for, with the counts its selection shows. */
function pageShape(by: CommentGroup, args: ConnectionArgs, info: GraphQLResolveInfo): CommentPageShape {
  const selected = connectionSelection(info, info.fieldNodes);
  return {
    by,
    page: pageRequest(args, 2),
    total: selected.fields.has("totalCount"),
    replyCount: selected.items.has("replyCount"),
    whole: wantsWholeComments(selected),
  };
}

/**
 * Whether a page's items show more of a comment than its gist (`COMMENT_GIST_FIELDS`). Remembered
 * by selection: every comment of a page asks it of the same `replies` selection.
 */
const wholeBySelection = new WeakMap<ConnectionSelection, boolean>();
function wantsWholeComments(selected: ConnectionSelection): boolean {
  let whole = wholeBySelection.get(selected);
  if (whole === undefined) {
    whole = [...selected.items.keys()].some((name) => !COMMENT_GIST_FIELDS.has(name));
    wholeBySelection.set(selected, whole);
  }
  return whole;
}

/** Levels of replies a statement that reads articles may carry below their comments. */
const MAX_PREFETCHED_LEVELS = 4;

/**
 * The comment tree a query asks of an article: from `nodes` (its `comments` fields), the page and
 * counts of each level that every alias asks for alike, down through `replies`. Empty when there
 * is nothing to fetch ahead; the fields' own resolvers then load (and report) what is left.
 */
export function commentTreeOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): CommentLevel[] {
  const levels: CommentLevel[] = [];
  let field = (info.schema.getType("Article") as GraphQLObjectType).getFields().comments;
  let current = nodes;
  while (field && current.length > 0 && levels.length < MAX_PREFETCHED_LEVELS) {
    const args = sameArguments(info, field, current);
    if (!args) break;
    let page: PageRequest;
    try {
      page = pageRequest(args, 2);
    } catch {
      break;
    }
    const selected = connectionSelection(info, current);
    levels.push({
      page,
      total: selected.fields.has("totalCount"),
      replyCount: selected.items.has("replyCount"),
      whole: wantsWholeComments(selected),
    });
    current = selected.items.get("replies") ?? [];
    field = (info.schema.getType("Comment") as GraphQLObjectType).getFields().replies;
  }
  return levels;
}

export function resolveArticleComments(
  ctx: Context,
  articleId: string,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
) {
  return ctx
    .loader(commentPages)(pageShape("article", args, info))
    .load(articleId);
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
        resolve: (comment, args, ctx, info) =>
          ctx
            .loader(commentPages)(pageShape("parent", args, info))
            .load(comment.id),
      },
      CommentConnectionRef,
    ),
    replyCount: t.int({
      description: "Approved direct replies: the total of `replies`.",
      resolve: async (comment, _args, ctx) => {
        const listed = (comment as Partial<ListedComment>).replyCount;
        if (listed !== undefined) return listed;
        const noReplies = {
          by: "parent",
          page: pageRequest({ first: 0 }, 2),
          total: true,
          replyCount: false,
          whole: false,
        } as const;
        const replies = await ctx.loader(commentPages)(noReplies).load(comment.id);
        return typeof replies.totalCount === "function" ? replies.totalCount() : replies.totalCount;
      },
    }),
  }),
});
