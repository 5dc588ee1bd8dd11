// Writing comments: readers post; staff moderate, edit and delete through a staff-only type that
// shows the commenter's email. `commentAdded` streams comments as they become public.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { isUuid } from "../../db/keyset.ts";
import { builder } from "../../graphql/builder.ts";
import { type Context, servicesOf } from "../../graphql/context.ts";
import { UserErrorRef } from "../../graphql/error-types.ts";
import { badUserInput, clientError } from "../../graphql/errors.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { loadArticlePart } from "../article/article.parts.ts";
import { NotFoundError, RateLimitedError, ValidationError } from "../errors.ts";
import { isEditor } from "../staff/staff.roles.ts";
import { CommentRef } from "./comment.graphql.ts";
import {
  commentCursor,
  countCommentsForModeration,
  findCatchUpPoint,
  findCommentsByIds,
  listCommentsChangedSince,
  listCommentsForModeration,
  type ModerationFilter,
  type PublicComment,
  type StoredComment,
} from "./comment.repo.ts";
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

/** The comment service's collaborators for this request; it reads articles through the request's loaders. */
const commentServices = (ctx: Context): CommentServices => ({
  ...servicesOf(ctx),
  rateLimiter: ctx.rateLimiter,
  commentPolicy: ctx.commentPolicy,
  client: ctx.client,
  visibleArticle: (id) => loadVisibleArticle(ctx, id),
  bylineOf: async (articleId) =>
    (await loadArticlePart(ctx, articleId, "authors")).map((author) => author.id),
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

/** The most comments a subscriber catches up on; further behind, it reads the thread again. */
const MAX_CATCH_UP = 200;

builder.subscriptionField("commentAdded", (t) =>
  t.field({
    type: CommentRef,
    description:
      "Comments on an article as they become public: posted approved, or approved later. With `after`, the ones that became public (or were edited) since that comment come first.",
    args: {
      articleId: t.arg.globalID({ required: true, for: ArticleRef }),
      after: t.arg.globalID({
        for: CommentRef,
        description: `The id of the last comment this client received (each event's \`id\` is the next one): resubscribing with it after a lost connection misses nothing. At most ${MAX_CATCH_UP} comments are caught up on.`,
      }),
    },
    subscribe: (_root, { articleId, after }, ctx) => approvedComments(ctx, articleId.id, after?.id),
    resolve: (comment) => comment,
  }),
);

/**
 * An article's comments as they become public: subscribed first, then the missed ones read, so
 * that nothing falls between the two; live events the catch-up already holds are skipped.
 */
async function approvedComments(ctx: Context, articleId: string, afterId: string | undefined) {
  const article = await loadVisibleArticle(ctx, articleId);
  // A draft, a deleted article and a missing id answer alike.
  if (!article) throw clientError("NOT_FOUND", "No published article has this id");
  const since = afterId && isUuid(afterId) ? await findCatchUpPoint(ctx.db, article.id, afterId) : null;
  if (afterId && !since) throw badUserInput("`after` is not a comment of this article", "after");
  const db = ctx.db;
  const stream = ctx.live.open(
    {
      channel: `commentApproved:${article.id}`,
      listen: (listener) => ctx.pubsub.listen("commentApproved", article.id, listener),
      read: async ({ commentId }: { commentId: string }): Promise<PublicComment | null> => {
        // Read when the event comes, once for every subscriber: it may have been moderated away.
        const [comment] = await findCommentsByIds(db, [commentId]);
        return comment?.threadApproved ? comment : null;
      },
    },
    ctx,
  );
  if (!since) return stream;
  try {
    const missed = await listCommentsChangedSince(db, article.id, since, MAX_CATCH_UP + 1);
    if (missed.length > MAX_CATCH_UP) {
      throw badUserInput(
        `More than ${MAX_CATCH_UP} comments since \`after\`: read the thread again, then subscribe without it`,
        "after",
      );
    }
    stream.startWith(missed, (comment) => comment.id);
    return stream;
  } catch (error) {
    await stream.return();
    throw error;
  }
}
