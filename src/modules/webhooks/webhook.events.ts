// The events endpoints can hear of, and how each is recorded: by the service that makes the
// change, inside its transaction (or as CTEs of the change's one statement), so an event is never
// lost and never sent for a change that was rolled back. One statement per event writes it once
// and one delivery per listening endpoint; nothing at all when no endpoint listens.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { sql, type WithSubquery } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import type { articles, comments, images, newsletterSubscribers } from "../../db/schema.ts";
import { articleUrl as articleLink } from "../article/article.url.ts";

export const ARTICLE_EVENT_TYPES = [
  "article.published",
  "article.updated",
  "article.unpublished",
  "article.deleted",
] as const;
export const COMMENT_EVENT_TYPES = ["comment.created", "comment.approved", "comment.removed"] as const;
export const SUBSCRIBER_EVENT_TYPES = ["subscriber.confirmed", "subscriber.unsubscribed"] as const;
export const IMAGE_EVENT_TYPES = ["image.created"] as const;

/**
 * Every event type an endpoint may subscribe to. A module that records new events adds its list
 * here, and its builder beside the others below.
 */
export const WEBHOOK_EVENT_TYPES = [
  ...ARTICLE_EVENT_TYPES,
  ...COMMENT_EVENT_TYPES,
  ...SUBSCRIBER_EVENT_TYPES,
  ...IMAGE_EVENT_TYPES,
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent by pingWebhook to one endpoint, whatever it subscribed to. */
export const PING_EVENT_TYPE = "webhook.ping";

export const isWebhookEventType = (type: string): type is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

export interface WebhookEvent {
  type: WebhookEventType | typeof PING_EVENT_TYPE;
  /** The resource it is about: deliveries to an endpoint keep their order per resource. */
  resourceKey: string;
  data: Record<string, unknown>;
  /** Sent only to endpoints with includePersonalData. */
  personalData?: Record<string, unknown> | null;
  /** Given when the change may be written twice (a retried insert): the event is then written once. */
  id?: string;
}

/**
 * The common table expressions that write `event` and a delivery to each enabled endpoint that
 * subscribed to its type (nothing when none listens). Put before a statement of the caller's own
 * (`db.with(...ctes).insert(...)`), they make the event part of that statement: atomic with it,
 * without a transaction or a round trip of their own.
 */
export function webhookEventCtes(event: WebhookEvent, now: Date): WithSubquery[] {
  const at = now.toISOString();
  const qb = new QueryBuilder();
  const targets = qb
    .$with("webhook_targets", { id: sql<string>`id`.as("id") })
    .as(sql`select id from webhooks where disabled_at is null and ${event.type} = any(events)`);
  // JSON goes in as text: postgres.js would encode a parameter it sees typed jsonb a second time.
  const written = qb.$with("webhook_event", { id: sql<string>`id`.as("id") }).as(sql`
    insert into webhook_events (id, type, resource_key, data, personal_data, created_at)
    select coalesce(${event.id ?? null}::uuid, gen_random_uuid()), ${event.type}, ${event.resourceKey},
      ${JSON.stringify(event.data)}::text::jsonb,
      ${event.personalData ? JSON.stringify(event.personalData) : null}::text::jsonb,
      ${at}::timestamptz
    where exists (select 1 from webhook_targets)
    on conflict (id) do nothing
    returning id`);
  const deliveries = qb.$with("webhook_delivery", {}).as(sql`
    insert into webhook_deliveries (webhook_id, event_id, resource_key, next_attempt_at, created_at)
    select webhook_targets.id, webhook_event.id, ${event.resourceKey}, ${at}::timestamptz, ${at}::timestamptz
    from webhook_targets cross join webhook_event`);
  return [targets, written, deliveries];
}

/**
 * Writes `event` and a delivery to each enabled endpoint that subscribed to its type, in the
 * caller's transaction.
 */
export async function recordWebhookEvent(tx: Executor, event: WebhookEvent | null, now: Date): Promise<void> {
  if (!event) return;
  const ctes = webhookEventCtes(event, now);
  await tx
    .with(...ctes)
    .select({ written: sql<number>`count(*)` })
    .from(ctes[1] as WithSubquery);
}

// ---- Articles ----------------------------------------------------------------------------------

type ArticleRow = Pick<
  typeof articles.$inferSelect,
  "id" | "slug" | "title" | "lede" | "language" | "status" | "publishedAt" | "updatedAt" | "deletedAt"
>;

/** The response cache's tags (graphql/plugins/response-cache.ts): `Article:<global id>`, and the lists. */
export function articleCacheTags(articleId: string, listsChanged: boolean): string[] {
  const tag = `Article:${encodeGlobalID("Article", articleId)}`;
  return listsChanged ? [tag, "Article", "Quote"] : [tag];
}

/** An article event's payload: public fields only, its public URL, and the cache tags to purge. */
export function articleEvent(
  type: (typeof ARTICLE_EVENT_TYPES)[number],
  article: ArticleRow,
  articleUrl: string,
  changedFields?: readonly string[],
): WebhookEvent {
  const id = encodeGlobalID("Article", article.id);
  return {
    type,
    resourceKey: `Article:${id}`,
    data: {
      id,
      slug: article.slug,
      title: article.title,
      lede: article.lede,
      language: article.language,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      updatedAt: article.updatedAt.toISOString(),
      ...(changedFields && { changedFields }),
      url: articleLink(articleUrl, article),
      cacheTags: articleCacheTags(article.id, type !== "article.updated"),
    },
  };
}

const isPublic = (article: ArticleRow) => article.status === "published" && !article.deletedAt;
/** What a change may touch that readers never see. */
const PRIVATE_FIELDS = new Set(["status", "publishedAt", "deletedAt"]);

/** The event of an article's change from `before` to `after`, or null when readers see no change. */
export function articleChangeEvent(
  before: ArticleRow,
  after: ArticleRow,
  changed: readonly string[],
  articleUrl: string,
): WebhookEvent | null {
  if (!isPublic(before)) return isPublic(after) ? articleEvent("article.published", after, articleUrl) : null;
  if (!isPublic(after)) {
    return articleEvent(after.deletedAt ? "article.deleted" : "article.unpublished", after, articleUrl);
  }
  const visible = changed.filter((field) => !PRIVATE_FIELDS.has(field));
  return visible.length ? articleEvent("article.updated", after, articleUrl, visible) : null;
}

// ---- Comments ----------------------------------------------------------------------------------

type CommentRow = Pick<
  typeof comments.$inferSelect,
  "id" | "articleId" | "parentId" | "status" | "authorName" | "authorEmail" | "body" | "createdAt"
>;

export function commentEvent(type: (typeof COMMENT_EVENT_TYPES)[number], comment: CommentRow): WebhookEvent {
  const id = encodeGlobalID("Comment", comment.id);
  // Readers' pages change when a comment appears or goes: then the article's tag is purged.
  const pageChanged = type !== "comment.created" || comment.status === "approved";
  return {
    type,
    resourceKey: `Comment:${id}`,
    // A comment is created once: a retried insert records it once.
    ...(type === "comment.created" && { id: comment.id }),
    data: {
      id,
      articleId: encodeGlobalID("Article", comment.articleId),
      parentId: comment.parentId ? encodeGlobalID("Comment", comment.parentId) : null,
      status: comment.status,
      authorName: comment.authorName,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
      cacheTags: pageChanged ? articleCacheTags(comment.articleId, false) : [],
    },
    personalData: { authorEmail: comment.authorEmail },
  };
}

/**
 * The event of a moderation from `before` to the comment's new status: approved; removed when it
 * leaves readers' pages or the moderation queue; none between spam and trash.
 */
export function moderationEvent(before: CommentRow["status"], after: CommentRow): WebhookEvent | null {
  if (after.status === "approved") return commentEvent("comment.approved", after);
  const wasShownOrWaiting = before === "approved" || (before === "pending" && after.status !== "pending");
  return wasShownOrWaiting ? commentEvent("comment.removed", after) : null;
}

// ---- Subscribers -------------------------------------------------------------------------------

type SubscriberRow = Pick<
  typeof newsletterSubscribers.$inferSelect,
  "id" | "email" | "status" | "language" | "topics"
>;

/** Subscribers have no global id in the API: `id` is the subscriber's own. */
export function subscriberEvent(
  type: (typeof SUBSCRIBER_EVENT_TYPES)[number],
  subscriber: SubscriberRow,
): WebhookEvent {
  return {
    type,
    resourceKey: `NewsletterSubscriber:${subscriber.id}`,
    data: {
      id: subscriber.id,
      status: subscriber.status,
      language: subscriber.language,
      topics: subscriber.topics,
    },
    personalData: { email: subscriber.email },
  };
}

// ---- Images ------------------------------------------------------------------------------------

type ImageRow = Pick<
  typeof images.$inferSelect,
  "id" | "width" | "height" | "mimeType" | "alt" | "caption" | "credit" | "decorative" | "createdAt"
>;

/** A new upload, for a DAM or a moderation tool; `url` is its largest rendition in its own format. */
export function imageEvent(image: ImageRow, url: string): WebhookEvent {
  const id = encodeGlobalID("Image", image.id);
  return {
    type: "image.created",
    resourceKey: `Image:${id}`,
    // An image is created once, whatever retries of its upload do.
    id: image.id,
    data: {
      id,
      width: image.width,
      height: image.height,
      mimeType: image.mimeType,
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
      decorative: image.decorative,
      url,
      createdAt: image.createdAt.toISOString(),
    },
  };
}

/** The body an endpoint receives: the Standard Webhooks shape, personal data only where allowed. */
export function webhookPayload(
  event: {
    id: string;
    type: string;
    createdAt: Date;
    data: Record<string, unknown>;
    personalData: Record<string, unknown> | null;
  },
  includePersonalData: boolean,
): string {
  return JSON.stringify({
    type: event.type,
    id: eventIdOf(event.id),
    timestamp: event.createdAt.toISOString(),
    data: { ...event.data, ...(includePersonalData && event.personalData) },
  });
}

/** The id receivers see (and `webhook-id`): the same at every attempt and every redelivery. */
export const eventIdOf = (uuid: string) => `msg_${uuid.replaceAll("-", "")}`;
