// `commentAdded`: an article's comments as they become public, with a catch-up after a lost
// connection.
import { isUuid } from "../../db/keyset.ts";
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { badUserInput, clientError } from "../../graphql/errors.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { CommentRef } from "./comment.graphql.ts";
import {
  findCatchUpPoint,
  findCommentsByIds,
  listCommentsChangedSince,
  type PublicComment,
} from "./comment.repo.ts";

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
