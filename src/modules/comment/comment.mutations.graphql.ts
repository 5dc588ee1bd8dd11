import { builder } from "../../graphql/builder.ts";
import { type Context, servicesOf } from "../../graphql/context.ts";
import { UserErrorRef } from "../../graphql/error-types.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadArticlePart } from "../article/article.parts.ts";
import { NotFoundError, RateLimitedError, ValidationError } from "../errors.ts";
import { CommentRef } from "./comment.graphql.ts";
import { CommentStatusEnum, ModerationCommentRef } from "./comment.moderation.graphql.ts";
import type { StoredComment } from "./comment.repo.ts";
import {
  type CommentServices,
  CommentsClosedError,
  deleteComment,
  editComment,
  type ModerationAction,
  moderateComment,
  type PostedComment,
  postComment,
} from "./comment.service.ts";

const ModerationActionEnum = builder.enumType("ModerationAction", {
  values: {
    APPROVE: { value: "approve", description: "Make it public." },
    HOLD: { value: "hold", description: "Back to pending: hidden until approved." },
    SPAM: { value: "spam", description: "Hide it as spam." },
    TRASH: { value: "trash", description: "Hide it as deleted (restorable)." },
  } as const satisfies Record<string, { value: ModerationAction; description: string }>,
});

/** The comment service's collaborators for this request; it reads bylines through the request's loaders. */
const commentServices = (ctx: Context): CommentServices => ({
  ...servicesOf(ctx),
  rateLimiter: ctx.rateLimiter,
  commentPolicy: ctx.commentPolicy,
  client: ctx.client,
  bylineOf: async (articleId) =>
    (await loadArticlePart(ctx, articleId, "authors")).map((author) => author.id),
});

builder.objectType(CommentsClosedError, {
  name: "CommentsClosed",
  interfaces: [UserErrorRef],
  description: "The article no longer takes comments.",
  isTypeOf: (value) => value instanceof CommentsClosedError,
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
    errors: { types: [ValidationError, CommentsClosedError, RateLimitedError, NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      postComment(commentServices(ctx), {
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
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      moderateComment(commentServices(ctx), input.commentId.id, input.action),
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
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      editComment(commentServices(ctx), {
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
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) => deleteComment(commentServices(ctx), input.commentId.id),
  }),
);
