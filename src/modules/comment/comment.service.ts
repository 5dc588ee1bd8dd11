// The rules for writing comments: who may post what, how a new comment is moderated, and who may
// moderate it. Every check runs before the single insert or update, so a refusal writes nothing.
import { randomUUID } from "node:crypto";
import type { CommentPolicy } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import { isUuid } from "../../db/keyset.ts";
import { withRetry } from "../../db/retry.ts";
import type { CommentStatus } from "../../db/schema.ts";
import type { CacheInvalidation } from "../../infra/cache-invalidation.ts";
import type { ClientInfo } from "../../infra/client-info.ts";
import type { LedePubSub } from "../../infra/pubsub.ts";
import type { RateLimiter } from "../../infra/rate-limit.ts";
import {
  AccessDeniedError,
  type FieldIssue,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from "../errors.ts";
import { checkEmail, checkText, checkWebUrl } from "../field-checks.ts";
import { type Actor, isEditor, requireStaff, signs } from "../staff/staff.roles.ts";
import {
  commentEvent,
  moderationEvent,
  recordWebhookEvent,
  webhookEventCtes,
} from "../webhooks/webhook.events.ts";
import {
  deleteStoredComment,
  findStoredComment,
  insertComment,
  readPostingChecks,
  type StoredComment,
  updateStoredComment,
} from "./comment.repo.ts";

/** WordPress's limits, in characters after trimming. */
export const LIMITS = { authorName: 245, authorEmail: 100, authorUrl: 200, body: 65_525 } as const;
/** A reply may sit at most this many levels deep, the top-level comment being level 1. */
export const MAX_THREAD_DEPTH = 5;

export class CommentsClosedError extends Error {}

/** What writing comments takes: the store, the clock, the caches, who asks, and how they are read. */
export interface CommentServices {
  db: Database;
  now: () => Date;
  cache: CacheInvalidation;
  pubsub: LedePubSub;
  rateLimiter: RateLimiter;
  commentPolicy: CommentPolicy;
  /** The poster's IP hash and user agent. */
  client: ClientInfo;
  /** The signed-in staff member, or null for a reader. */
  actor: Actor | null;
  /** The ids of the authors on an article's byline. */
  bylineOf(articleId: string): Promise<string[]>;
}

export interface PostCommentInput {
  articleId: string;
  parentId?: string | null | undefined;
  authorName: string;
  authorEmail: string;
  authorUrl?: string | null | undefined;
  body: string;
  /** The form's hidden field: people leave it empty, bots fill it in. */
  honeypot?: string | null | undefined;
}

export interface PostedComment {
  comment: StoredComment;
  /** What the poster is told: spam is answered as pending. */
  shownStatus: "approved" | "pending";
}

/** Trims and checks the commenter's fields; returns them clean or throws a ValidationError listing every problem. */
function validateCommentFields(input: {
  authorName: string;
  authorEmail: string;
  authorUrl?: string | null | undefined;
  body: string;
}) {
  const issues: FieldIssue[] = [];
  const authorName = checkText(issues, "input.authorName", input.authorName, {
    max: LIMITS.authorName,
    required: true,
  });
  const authorEmail = checkEmail(issues, "input.authorEmail", input.authorEmail, LIMITS.authorEmail);
  const authorUrl = input.authorUrl
    ? checkWebUrl(issues, "input.authorUrl", input.authorUrl, LIMITS.authorUrl)
    : null;
  const body = checkText(issues, "input.body", input.body, { max: LIMITS.body, required: true });
  if (issues.length || !authorName || !authorEmail || !body) throw new ValidationError(issues);
  return { authorName, authorEmail, authorUrl, body };
}

const countLinks = (text: string) => (text.match(/\bhttps?:\/\/|\bwww\./gi) ?? []).length;

async function enforceFloodLimit(services: CommentServices, email: string): Promise<void> {
  const seconds = services.commentPolicy.floodSeconds;
  if (seconds <= 0) return;
  const keys = [`comment:email:${email.toLowerCase()}`];
  if (services.client.ipHash) keys.push(`comment:ip:${services.client.ipHash}`);
  for (const key of keys) {
    const verdict = await services.rateLimiter.hit(key, 1, seconds * 1000);
    if (!verdict.allowed) {
      throw new RateLimitedError(
        "You are commenting too fast; wait a moment and try again",
        verdict.retryAfterMs,
        services.now(),
      );
    }
  }
}

export async function postComment(
  services: CommentServices,
  input: PostCommentInput,
): Promise<PostedComment> {
  const fields = validateCommentFields(input);
  const honeypotFilled = Boolean(input.honeypot?.trim());
  const policy = services.commentPolicy;
  // One statement reads every check the comment must pass: the article, the duplicate, and
  // whether the poster is a known commenter when that decides the status.
  const checks = isUuid(input.articleId)
    ? await readPostingChecks(services.db, {
        articleId: input.articleId,
        email: fields.authorEmail,
        body: fields.body,
        known:
          policy.autoApproveKnown &&
          policy.holdFirstTime &&
          !honeypotFilled &&
          countLinks(fields.body) <= policy.maxLinks,
      })
    : null;
  // Staff may see drafts, but nobody comments on one.
  if (!checks) throw new NotFoundError("No published article has this id");
  if (!checks.commentsOpen) throw new CommentsClosedError("Comments are closed on this article");
  const articleId = input.articleId;

  let ancestorIds: string[] = [];
  if (input.parentId) {
    const parent = isUuid(input.parentId) ? await findStoredComment(services.db, input.parentId) : null;
    if (!parent || parent.articleId !== articleId || parent.status !== "approved") {
      throw new ValidationError([
        { field: "input.parentId", message: "parentId must be an approved comment on the same article" },
      ]);
    }
    if (parent.ancestorIds.length + 2 > MAX_THREAD_DEPTH) {
      throw new ValidationError([
        { field: "input.parentId", message: `Threads go at most ${MAX_THREAD_DEPTH} levels deep` },
      ]);
    }
    ancestorIds = [...parent.ancestorIds, parent.id];
  }

  await enforceFloodLimit(services, fields.authorEmail);
  if (checks.duplicate) {
    throw new ValidationError([
      { field: "input.body", message: "You already posted this comment on this article" },
    ]);
  }

  const status = decideStatus(policy, fields.body, honeypotFilled, checks.knownCommenter);
  const now = services.now();
  // The id is chosen here, before the first attempt, so that a retry after a lost connection
  // (the first insert may have committed) finds the comment instead of adding a second one.
  const values = {
    id: randomUUID(),
    articleId,
    parentId: ancestorIds.at(-1) ?? null,
    ancestorIds,
    ...fields,
    status,
    createdAt: now,
    updatedAt: now,
    ipHash: services.client.ipHash,
    userAgent: services.client.userAgent,
  };
  // The event is built from the values, which are exactly the row: one statement writes both,
  // atomically, and a retry writes neither twice (both are keyed by the comment's id).
  const event = commentEvent("comment.created", values);
  const comment = await withRetry(() => insertComment(services.db, values, webhookEventCtes(event, now)));
  if (status === "approved") await announceApproved(services, comment);
  return { comment, shownStatus: status === "approved" ? "approved" : "pending" };
}

/** The moderation policy, in WordPress's order: bots, then link spam, then first-time commenters. */
function decideStatus(
  policy: CommentPolicy,
  body: string,
  honeypotFilled: boolean,
  knownCommenter: boolean,
): CommentStatus {
  if (honeypotFilled) return "spam";
  if (countLinks(body) > policy.maxLinks) return "pending";
  if (policy.autoApproveKnown && knownCommenter) return "approved";
  return policy.holdFirstTime ? "pending" : "approved";
}

/** A comment became public: its article's cached pages are stale, and subscribers hear of it. */
async function announceApproved(services: CommentServices, comment: StoredComment): Promise<void> {
  await services.cache.articleChanged(comment.articleId);
  await services.pubsub.publish("commentApproved", comment.articleId, { commentId: comment.id });
}

export type ModerationAction = "approve" | "hold" | "spam" | "trash";

const statusAfter: Record<ModerationAction, CommentStatus> = {
  approve: "approved",
  hold: "pending",
  spam: "spam",
  trash: "trash",
};

/**
 * The comment a staff member may act on: editors and admins moderate everything, authors only
 * the comments on articles with their byline. Missing and out-of-reach are both NotFound.
 */
async function commentInReach(services: CommentServices, commentId: string): Promise<StoredComment> {
  const actor = requireStaff(services.actor);
  const comment = isUuid(commentId) ? await findStoredComment(services.db, commentId) : null;
  if (!comment) throw new NotFoundError("No comment has this id");
  if (!isEditor(actor) && !signs(actor, await services.bylineOf(comment.articleId))) {
    throw new AccessDeniedError("forbidden", "Authors moderate only the comments on their own articles");
  }
  return comment;
}

export async function moderateComment(
  services: CommentServices,
  commentId: string,
  action: ModerationAction,
): Promise<StoredComment> {
  const comment = await commentInReach(services, commentId);
  const status = statusAfter[action];
  if (comment.status === status) return comment;
  const updated = await services.db.transaction(async (tx) => {
    const now = services.now();
    const changed = await updateStoredComment(tx, comment.id, { status }, now);
    if (changed) await recordWebhookEvent(tx, moderationEvent(comment.status, changed), now);
    return changed;
  });
  if (!updated) throw new NotFoundError("No comment has this id");
  if (status === "approved") await announceApproved(services, updated);
  else if (comment.status === "approved") await services.cache.articleChanged(comment.articleId);
  return updated;
}

export interface EditCommentInput {
  commentId: string;
  authorName?: string | null | undefined;
  authorUrl?: string | null | undefined;
  body?: string | null | undefined;
}

export async function editComment(
  services: CommentServices,
  input: EditCommentInput,
): Promise<StoredComment> {
  const comment = await commentInReach(services, input.commentId);
  const fields = validateCommentFields({
    authorName: input.authorName ?? comment.authorName,
    authorEmail: comment.authorEmail,
    authorUrl: input.authorUrl === undefined ? comment.authorUrl : input.authorUrl,
    body: input.body ?? comment.body,
  });
  const updated = await updateStoredComment(
    services.db,
    comment.id,
    { authorName: fields.authorName, authorUrl: fields.authorUrl, body: fields.body },
    services.now(),
  );
  if (!updated) throw new NotFoundError("No comment has this id");
  await services.cache.articleChanged(updated.articleId);
  return updated;
}

export async function deleteComment(services: CommentServices, commentId: string): Promise<StoredComment> {
  const comment = await commentInReach(services, commentId);
  await services.db.transaction(async (tx) => {
    await deleteStoredComment(tx, comment.id);
    await recordWebhookEvent(tx, commentEvent("comment.removed", comment), services.now());
  });
  await services.cache.articleChanged(comment.articleId);
  return comment;
}
