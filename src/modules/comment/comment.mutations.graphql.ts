// Writing comments: readers post; staff moderate, edit and delete through a staff-only type that
// shows the commenter's email. `commentAdded` streams comments as they become public.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../graphql/builder.ts";
import { NotFoundError, RateLimitedError, UserErrorRef, ValidationError } from "../../graphql/error-types.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { CommentRef } from "./comment.graphql.ts";
import {
  commentCursor,
  countCommentsForModeration,
  findCommentsByIds,
  listCommentsForModeration,
  type ModerationFilter,
  type StoredComment,
} from "./comment.repo.ts";
import {
  CommentsClosedError,
  deleteComment,
  editComment,
  type ModerationAction,
  moderateComment,
  type PostedComment,
  postComment,
} from "./comment.service.ts";

export const CommentStatusEnum = builder.enumType("CommentStatus", {
  values: {
    PENDING: { value: "pending" },
    APPROVED: { value: "approved" },
    SPAM: { value: "spam" },
    TRASH: { value: "trash" },
  } as const,
});

const ModerationActionEnum = builder.enumType("ModerationAction", {
  values: {
    APPROVE: { value: "approve", description: "Make it public." },
    HOLD: { value: "hold", description: "Back to pending: hidden until approved." },
    SPAM: { value: "spam", description: "Hide it as spam." },
    TRASH: { value: "trash", description: "Hide it as deleted (restorable)." },
  } as const satisfies Record<string, { value: ModerationAction; description: string }>,
});

builder.objectType(CommentsClosedError, {
  name: "CommentsClosed",
  interfaces: [UserErrorRef],
  description: "The article no longer takes comments.",
  isTypeOf: (value) => value instanceof CommentsClosedError,
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

const PostCommentInput = builder.inputType("PostCommentInput", {
  fields: (t) => ({
    articleId: t.globalID({ required: true, for: ArticleRef }),
    parentId: t.globalID({ for: CommentRef, description: "The comment this one replies to." }),
    authorName: t.string({ required: true, description: "Required; at most 245 characters." }),
    authorEmail: t.string({
      required: true,
      description: "Required; at most 100 characters. Never published: only moderators see it.",
    }),
    authorUrl: t.string({ description: "An http(s) URL, at most 200 characters." }),
    body: t.string({ required: true, description: "Required; at most 65,525 characters." }),
    website: t.string({
      description:
        "The honeypot: render it hidden and leave it empty. Anything in it marks the comment as spam.",
    }),
  }),
});

const PostCommentSuccess = builder.objectRef<PostedComment>("PostCommentSuccess").implement({
  description: "The comment as posted. A PENDING comment waits for moderation; only its poster sees it here.",
  fields: (t) => ({
    comment: t.field({ type: CommentRef, resolve: (posted) => posted.comment }),
    status: t.field({ type: CommentStatusEnum, resolve: (posted) => posted.shownStatus }),
  }),
});

builder.mutationField("postComment", (t) =>
  t.field({
    type: PostCommentSuccess,
    args: { input: t.arg({ type: PostCommentInput, required: true }) },
    errors: {
      types: [ValidationError, CommentsClosedError, RateLimitedError, NotFoundError],
      directResult: true,
      union: { name: "PostCommentResult" },
    },
    resolve: (_root, { input }, ctx) =>
      postComment(ctx, {
        articleId: input.articleId.id,
        parentId: input.parentId?.id,
        authorName: input.authorName,
        authorEmail: input.authorEmail,
        authorUrl: input.authorUrl,
        body: input.body,
        honeypot: input.website,
      }),
  }),
);

const ModerateCommentInput = builder.inputType("ModerateCommentInput", {
  fields: (t) => ({
    commentId: t.globalID({ required: true, for: CommentRef }),
    action: t.field({ type: ModerationActionEnum, required: true }),
  }),
});

const ModerationSuccess = builder.objectRef<StoredComment>("ModerationSuccess").implement({
  fields: (t) => ({ comment: t.field({ type: ModerationCommentRef, resolve: (c) => c }) }),
});

builder.mutationField("moderateComment", (t) =>
  t.field({
    type: ModerationSuccess,
    authScopes: { staff: true },
    description: "Editors and admins moderate any comment; authors only those on their own articles.",
    args: { input: t.arg({ type: ModerateCommentInput, required: true }) },
    errors: { types: [NotFoundError], directResult: true, union: { name: "ModerateCommentResult" } },
    resolve: (_root, { input }, ctx) => moderateComment(ctx, input.commentId.id, input.action),
  }),
);

const EditCommentInput = builder.inputType("EditCommentInput", {
  fields: (t) => ({
    commentId: t.globalID({ required: true, for: CommentRef }),
    authorName: t.string(),
    authorUrl: t.string({ description: "An empty string removes the URL." }),
    body: t.string(),
  }),
});

builder.mutationField("editComment", (t) =>
  t.field({
    type: ModerationSuccess,
    authScopes: { staff: true },
    args: { input: t.arg({ type: EditCommentInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: "EditCommentResult" },
    },
    resolve: (_root, { input }, ctx) =>
      editComment(ctx, {
        commentId: input.commentId.id,
        authorName: input.authorName,
        authorUrl: input.authorUrl,
        body: input.body,
      }),
  }),
);

const DeleteCommentInput = builder.inputType("DeleteCommentInput", {
  fields: (t) => ({ commentId: t.globalID({ required: true, for: CommentRef }) }),
});

builder.mutationField("deleteComment", (t) =>
  t.field({
    type: ModerationSuccess,
    authScopes: { staff: true },
    description: "Deletes a comment for good, with every reply below it. To hide one, moderate it to TRASH.",
    args: { input: t.arg({ type: DeleteCommentInput, required: true }) },
    errors: { types: [NotFoundError], directResult: true, union: { name: "DeleteCommentResult" } },
    resolve: (_root, { input }, ctx) => deleteComment(ctx, input.commentId.id),
  }),
);

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
            ctx.viewer?.role === "author"
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

builder.subscriptionField("commentAdded", (t) =>
  t.field({
    type: CommentRef,
    description: "Comments on an article as they become public: posted approved, or approved later.",
    args: { articleId: t.arg.globalID({ required: true, for: ArticleRef }) },
    subscribe: async function* (_root, { articleId }, ctx) {
      const article = await loadVisibleArticle(ctx, articleId.id);
      if (!article) throw new NotFoundError("No published article has this id");
      for await (const { commentId } of ctx.pubsub.subscribe("commentApproved", article.id)) {
        // Read afresh: it may have been moderated away between the event and now.
        const [comment] = await findCommentsByIds(ctx.db, [commentId]);
        if (comment?.threadApproved) yield comment;
      }
    },
    resolve: (comment) => comment,
  }),
);
